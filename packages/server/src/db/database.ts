import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely'
import pg from 'pg'
import type { Logger } from 'pino'
import type { Tables } from './tables.ts'

/** The PostgreSQL role every tenant query runs as; row-level security applies to it. */
export const TENANT_ROLE = 'elevate_app'

// int8 ids and counts fit in a double (ids stay below 2^53); dates stay `yyyy-MM-dd` strings.
const parsers: Record<number, (value: string) => unknown> = { 20: Number, 1082: (value) => value }
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text'),
}

export interface DatabaseOptions {
  url: string
  poolSize: number
  logger: Logger
}

export type TenantTransaction = Transaction<Tables>
/** What read-only tenant work receives; queries only, typed like a transaction for reuse. */
export type TenantReader = TenantTransaction

/**
 * The database, as two pools:
 * - `tenant`: connects with the `elevate_app` role, so PostgreSQL's row-level security confines
 *   every query to the brand set on the connection. `readTenant` and `withTenant` are the only ways
 *   to use it, and both set the brand before anything else runs. This is the one place brand
 *   filtering happens, and no query can skip it: a query on a connection without a brand sees no
 *   rows and can write none.
 * - `system`: the schema owner, for what precedes a brand (login, token checks), migrations and
 *   health. Only `auth/`, `db/` and start-up code use it.
 */
export class Database {
  readonly system: Kysely<Tables>
  private readonly tenant: Kysely<Tables>
  private readonly pools: pg.Pool[]

  constructor(options: DatabaseOptions) {
    const systemPool = makePool(options, {})
    // A startup option, not a SET after connecting: if the role is missing the connection fails.
    const tenantPool = makePool(options, { options: `-c role=${TENANT_ROLE}` })
    this.pools = [systemPool, tenantPool]
    this.system = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: systemPool }) })
    this.tenant = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: tenantPool }) })
  }

  /**
   * Runs read-only `work` on one connection that sees only `brandId`'s rows, without a transaction:
   * two round trips instead of four. The brand is set for the session, so it is always set first,
   * here, on every use of a tenant connection; `withTenant` sets it transaction-locally on top.
   */
  readTenant<T>(brandId: number, work: (db: TenantReader) => Promise<T>): Promise<T> {
    return this.tenant.connection().execute(async (connection) => {
      await sql`select set_config('elevate.brand_id', ${String(brandId)}, false)`.execute(connection)
      return work(connection as unknown as TenantReader)
    })
  }

  /** Runs `work` in one transaction that sees and writes only `brandId`'s rows. */
  withTenant<T>(brandId: number, work: (trx: TenantTransaction) => Promise<T>): Promise<T> {
    return this.tenant.transaction().execute(async (trx) => {
      await sql`select set_config('elevate.brand_id', ${String(brandId)}, true)`.execute(trx)
      return work(trx)
    })
  }

  /** Throws unless the database answers. */
  async ping(): Promise<void> {
    await sql`select 1`.execute(this.system)
  }

  async close(): Promise<void> {
    await Promise.all([this.system.destroy(), this.tenant.destroy()])
  }
}

function makePool(options: DatabaseOptions, extra: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    // Fail fast while the database is away (the API answers 503), and recover when it returns.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    types,
    ...extra,
  })
  // A connection the server drops (a restart, a failover, pg_terminate_backend) emits 'error'. The
  // pool listens only while a connection is idle; one checked out by a request had no listener, and
  // an unhandled 'error' event ends the process. Every connection gets a listener for its whole
  // life: the request using it fails with the query's own error (503), and the pool discards the
  // broken connection when it is released.
  pool.on('connect', (client) => {
    client.on('error', (error) => options.logger.warn({ err: error.message }, 'database connection lost'))
  })
  pool.on('error', (error) => options.logger.warn({ err: error.message }, 'idle database connection lost'))
  return pool
}
