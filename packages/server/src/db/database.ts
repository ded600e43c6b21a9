import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import type { Logger } from 'pino'
import { PreparingClient } from './prepared-client.ts'
import type { Tables } from './tables.ts'
import { TenantSessions, type TenantTransaction } from './tenant-sessions.ts'

export type { TenantTransaction } from './tenant-sessions.ts'

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
  /** How long a query waits for a connection (a free one, or a new one opening) before 503 (ms; default 5,000). */
  connectTimeoutMs?: number
  /** PostgreSQL's statement_timeout on every connection (ms; 0 or absent: none). */
  statementTimeoutMs?: number
  /** PostgreSQL's idle_in_transaction_session_timeout on every connection (ms; 0 or absent: none). */
  idleInTransactionTimeoutMs?: number
}

/** What read-only tenant work receives; queries only, typed like a transaction for reuse. */
export type TenantReader = TenantTransaction

/**
 * The database, as two pools:
 * - `tenant`: connects with the `elevate_app` role, so PostgreSQL's row-level security confines
 *   every query to the brand set on the connection. `readTenant` and `withTenant` are the only ways
 *   to use it, and both put the connection on the brand before anything else runs (remembering,
 *   per connection, the brand its session is on: see `TenantSessions`). This is the one place brand
 *   filtering happens, and no query can skip it: a query on a connection without a brand sees no
 *   rows and can write none.
 * - `system`: the schema owner, for what precedes a brand (login, token checks), migrations and
 *   health. Only `auth/`, `db/` and start-up code use it.
 * Both prepare every parameterised statement once per connection (`PreparingClient`).
 */
export interface PoolStats {
  pool: string
  total: number
  idle: number
  waiting: number
  max: number
}

export class Database {
  /** Where the database is: for clients with pools of their own (the job queue). */
  readonly url: string
  readonly system: Kysely<Tables>
  private readonly tenant: TenantSessions
  private readonly pools: Record<'system' | 'tenant', pg.Pool>

  constructor(options: DatabaseOptions) {
    this.url = options.url
    const systemPool = makePool(options, {})
    // Startup options, not a SET after connecting: if the role is missing the connection fails.
    // Generic plans: a prepared statement is planned once per connection, not on every execution.
    // PostgreSQL's own choice keeps re-planning every list, because with `limit $1 offset $2` it
    // prices a generic plan at a tenth of the table against a custom plan's one page: 0.2-0.5 ms
    // of planning a request (a quarter of what a list costs PostgreSQL; docs/performance.md).
    // No parallel workers: a generic plan prices a filtered page at thousands of rows, and chose
    // a parallel scan for `like:a` at a million customers whose workers took 21-23 ms to start for
    // a page the scan read in 0.3 ms (23-33 requests a second; docs/performance.md, 2026-12-04).
    const tenantPool = makePool(options, {
      options: `-c role=${TENANT_ROLE} -c plan_cache_mode=force_generic_plan -c max_parallel_workers_per_gather=0`,
    })
    this.system = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: systemPool }) })
    const tenantDialect = new PostgresDialect({ pool: tenantPool })
    this.tenant = new TenantSessions(tenantPool, new Kysely<Tables>({ dialect: tenantDialect }), tenantDialect)
    this.pools = { system: systemPool, tenant: tenantPool }
  }

  /** Each pool's connections (open, idle) and the queries waiting for one: for /metrics. */
  poolStats(): PoolStats[] {
    return Object.entries(this.pools).map(([pool, p]) => ({ pool, total: p.totalCount, idle: p.idleCount, waiting: p.waitingCount, max: p.options.max ?? 10 }))
  }

  /**
   * Runs read-only `work` on one connection that sees only `brandId`'s rows, without a transaction.
   * On a connection already on the brand (always, with one brand) the brand costs nothing, so one
   * query in `work` is one round trip: build a resource with its children in that one query.
   */
  readTenant<T>(brandId: number, work: (db: TenantReader) => Promise<T>): Promise<T> {
    return this.tenant.read(brandId, work)
  }

  /** Runs `work` in one transaction that sees and writes only `brandId`'s rows. */
  withTenant<T>(brandId: number, work: (trx: TenantTransaction) => Promise<T>): Promise<T> {
    return this.tenant.write(brandId, work)
  }

  /** Throws unless the database answers. */
  async ping(): Promise<void> {
    await sql`select 1`.execute(this.system)
  }

  async close(): Promise<void> {
    await Promise.all([this.system.destroy(), this.tenant.close()])
  }
}

function makePool(options: DatabaseOptions, extra: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    // Fail fast while the database is away (the API answers 503), and recover when it returns.
    // pg-pool counts a wait in line for a busy pool's connection against this too.
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    types,
    Client: PreparingClient,
    // Sent with the connection's startup, so no statement runs without them. A runaway statement
    // (or one stuck behind a lock) is cancelled rather than holding a connection for ever; the
    // request answers 500 like any unexpected failure. A session left idle in a transaction is
    // ended, releasing its locks. Migrations lift the first (`migrateToLatest`).
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    ...(options.idleInTransactionTimeoutMs ? { idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs } : {}),
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
