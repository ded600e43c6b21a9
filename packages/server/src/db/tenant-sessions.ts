import {
  SingleConnectionProvider,
  Transaction,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Kysely,
  type QueryResult,
} from 'kysely'
import type pg from 'pg'
import type { Tables } from './tables.ts'

/** A Kysely bound to one tenant connection: what `readTenant` and `withTenant` hand to their work. */
export type TenantTransaction = Transaction<Tables>

/**
 * One pooled tenant connection and what this process knows of its session: the brand its
 * session-level `elevate.brand_id` is set to. Built once per connection, so a request allocates
 * no query builder of its own.
 */
interface Session {
  client: pg.PoolClient
  /** Undefined until a set succeeds, and again as soon as one is attempted (it might fail). */
  brandId: number | undefined
  db: TenantTransaction
}

const SET_SESSION_BRAND = { name: 'elevate_set_session_brand', text: `select set_config('elevate.brand_id', $1, false)` }
const AFFECTS_ROWS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE'])

/**
 * Tenant connections that remember their brand. The setting is made session-wide (not per
 * transaction), so a connection already on the request's brand needs no statement to set it: a
 * read is its query alone, one round trip, and a write is `begin`, its statements and `commit`.
 * A connection on another brand (or on none) is set first. What keeps this exactly as strict as
 * setting the brand on every use (docs/architecture.md, "Tenancy"):
 * - the remembered brand is cleared before a set is sent and recorded only once PostgreSQL has
 *   confirmed it, outside any transaction, so it can neither fail silently nor be rolled back;
 * - a write on another brand sets the brand transaction-locally (`set_config(…, true)`), which
 *   PostgreSQL itself undoes at commit or rollback, leaving the session's brand as remembered;
 * - a connection that work leaves inside a transaction, or that broke, is destroyed, never reused;
 * - nothing else runs on a tenant connection: the pool is private to this class.
 */
export class TenantSessions {
  private readonly sessions = new WeakMap<pg.PoolClient, Session>()

  constructor(
    private readonly pool: pg.Pool,
    private readonly base: Kysely<Tables>,
    private readonly dialect: Dialect,
  ) {}

  async read<T>(brandId: number, work: (db: TenantTransaction) => Promise<T>): Promise<T> {
    assertBrandId(brandId)
    const session = await this.acquire()
    let failure: Error | undefined
    // Until PostgreSQL confirms a set, the session's brand is unknown: on failure, destroy it.
    let unknownBrand = false
    try {
      if (session.brandId !== brandId) {
        session.brandId = undefined
        unknownBrand = true
        await session.client.query(SET_SESSION_BRAND, [String(brandId)])
        unknownBrand = false
        session.brandId = brandId
      }
      return await work(session.db)
    } catch (error) {
      failure = error as Error
      throw error
    } finally {
      this.release(session, failure, unknownBrand)
    }
  }

  async write<T>(brandId: number, work: (trx: TenantTransaction) => Promise<T>): Promise<T> {
    assertBrandId(brandId)
    const session = await this.acquire()
    let failure: Error | undefined
    try {
      // One round trip either way; the brand is an integer checked above, so it can be a literal.
      await session.client.query(
        session.brandId === brandId ? 'begin' : `begin; select set_config('elevate.brand_id', '${brandId}', true)`,
      )
      const result = await this.inTransaction(session, work)
      const commit = await session.client.query('commit')
      // PostgreSQL answers COMMIT with ROLLBACK when an earlier statement failed and was swallowed.
      if (commit.command === 'ROLLBACK') throw new Error('the transaction was rolled back: a statement in it failed')
      return result
    } catch (error) {
      failure = error as Error
      throw error
    } finally {
      this.release(session, failure)
    }
  }

  close(): Promise<void> {
    return this.pool.end()
  }

  private async inTransaction<T>(session: Session, work: (trx: TenantTransaction) => Promise<T>): Promise<T> {
    try {
      return await work(session.db)
    } catch (error) {
      // A failed rollback leaves the connection in the transaction: `release` then destroys it.
      await session.client.query('rollback').catch(() => undefined)
      throw error
    }
  }

  private async acquire(): Promise<Session> {
    const client = await this.pool.connect()
    let session = this.sessions.get(client)
    if (session === undefined) {
      const connection = new ClientConnection(client)
      const executor = this.base.getExecutor().withConnectionProvider(new SingleConnectionProvider(connection))
      const db = new Transaction<Tables>({ config: { dialect: this.dialect }, dialect: this.dialect, driver: this.dialect.createDriver(), executor })
      session = { client, brandId: undefined, db }
      this.sessions.set(client, session)
    }
    return session
  }

  /** Back to the pool, unless broken, still inside a transaction or its brand unknown: then destroyed. */
  private release(session: Session, failure: Error | undefined, unknownBrand = false): void {
    const status = session.client.getTransactionStatus()
    if (status !== 'I' || unknownBrand) {
      session.brandId = undefined
      session.client.release(failure ?? new Error(`a tenant connection was left in transaction state ${status}`))
      return
    }
    session.client.release()
  }
}

/** Kysely's view of one `pg` client (what its own Postgres driver does, without the pool). */
class ClientConnection implements DatabaseConnection {
  constructor(private readonly client: pg.PoolClient) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.client.query(compiled.sql, compiled.parameters as unknown[])
    return {
      rows: (result.rows ?? []) as R[],
      numAffectedRows: AFFECTS_ROWS.has(result.command) ? BigInt(result.rowCount ?? 0) : undefined,
    }
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('tenant connections do not stream')
  }
}

function assertBrandId(brandId: number): void {
  if (!Number.isSafeInteger(brandId) || brandId <= 0) throw new Error(`not a brand id: ${String(brandId)}`)
}
