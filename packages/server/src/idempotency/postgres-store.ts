import { randomUUID } from 'node:crypto'
import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Tables } from '../db/tables.ts'
import type { ClaimOutcome, IdempotencyClaim, IdempotencyScope, IdempotencyStore, StoredResponse } from './idempotency-store.ts'

export interface IdempotencySettings {
  /** How long an outcome is kept and replayed (ELEVATE_IDEMPOTENCY_TTL_SECONDS). */
  ttlSeconds: number
  /**
   * How long a claim may stay unfinished before another request may take the key over
   * (ELEVATE_IDEMPOTENCY_CLAIM_TIMEOUT_SECONDS, 60). Guards against a claim that nobody will ever
   * finish (the process died mid-request, or the database went away before the claim could be
   * released); far longer than any create takes.
   */
  claimTimeoutSeconds?: number
  /**
   * The time claims are stamped and judged by; absent: the database's `now()`, the one clock every
   * instance shares. Tests inject one to step past the timeout without waiting.
   */
  clock?: () => Date
  /** How often this instance deletes a brand's expired keys (on that brand's next claim). */
  cleanupIntervalSeconds?: number
  /** Told about a cleanup that failed; the request goes on regardless. */
  onCleanupError?: (error: unknown) => void
}

/** Claims above this many lost races in a row give up and answer "in progress". */
const MAX_CLAIM_ATTEMPTS = 3

/**
 * Idempotency keys in PostgreSQL, so that every instance of the stateless server sees the same
 * keys. A claim is a row inserted with `on conflict` on the (brand, user, key) primary key: of
 * concurrent requests, on one instance or several, exactly one inserts it.
 *
 * The table is used on the system pool, not through `withTenant`: the claim must be visible to
 * other instances before the handler runs and must outlive the handler's transaction (it is
 * completed or released afterwards), so it cannot live inside the request's tenant transaction.
 * Row-level security is not needed because every query here names the brand and the user in its
 * `where` clause (they are the leading key columns), and the tenant role has no grant on the table.
 */
export class PostgresIdempotencyStore implements IdempotencyStore {
  private readonly ttlSeconds: number
  private readonly claimTimeoutSeconds: number
  private readonly cleanupIntervalMs: number
  /** When this instance last deleted each brand's expired keys. */
  private readonly lastCleanup = new Map<number, number>()

  constructor(
    private readonly db: Kysely<Tables>,
    private readonly settings: IdempotencySettings,
  ) {
    this.ttlSeconds = settings.ttlSeconds
    this.claimTimeoutSeconds = settings.claimTimeoutSeconds ?? 60
    this.cleanupIntervalMs = (settings.cleanupIntervalSeconds ?? 300) * 1000
  }

  async claim(scope: IdempotencyScope, fingerprint: Buffer, requestId: string): Promise<ClaimOutcome> {
    await this.cleanUpIfDue(scope.brandId)
    for (let attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
      const token = randomUUID()
      // Insert the claim; over an existing row only when that row no longer counts (expired, or
      // an abandoned claim). Concurrent upserts of one key serialise on the row: one wins.
      const claimed = await this.db
        .insertInto('idempotency_keys')
        .values({
          brand_id: scope.brandId,
          user_id: scope.userId,
          idempotency_key: scope.key,
          fingerprint,
          claim_token: token,
          request_id: requestId,
          created_date: this.now(),
        })
        .onConflict((oc) =>
          oc
            .columns(['brand_id', 'user_id', 'idempotency_key'])
            .doUpdateSet({
              fingerprint: (eb) => eb.ref('excluded.fingerprint'),
              claim_token: (eb) => eb.ref('excluded.claim_token'),
              request_id: (eb) => eb.ref('excluded.request_id'),
              status: null,
              response_headers: null,
              response_body: null,
              created_date: this.now(),
              completed_date: null,
            })
            .where(this.isStale()),
        )
        .returning('claim_token')
        .executeTakeFirst()
      if (claimed !== undefined) return { kind: 'claimed', claim: { ...scope, token } }

      const row = await this.db
        .selectFrom('idempotency_keys')
        .select(['fingerprint', 'status', 'response_headers', 'response_body', 'request_id'])
        .select(this.isStale().as('stale'))
        .where('brand_id', '=', scope.brandId)
        .where('user_id', '=', scope.userId)
        .where('idempotency_key', '=', scope.key)
        .executeTakeFirst()
      // Released, expired or abandoned between the two statements: try to claim it again.
      if (row === undefined || row.stale) continue
      if (!row.fingerprint.equals(fingerprint)) return { kind: 'mismatch' }
      if (row.status === null) return { kind: 'in_progress' }
      const response: StoredResponse = {
        status: row.status,
        headers: row.response_headers ?? {},
        body: row.response_body,
        requestId: row.request_id,
      }
      return { kind: 'completed', response }
    }
    return { kind: 'in_progress' }
  }

  async complete(claim: IdempotencyClaim, response: Omit<StoredResponse, 'requestId'>): Promise<void> {
    await this.db
      .updateTable('idempotency_keys')
      .set({
        status: response.status,
        response_headers: JSON.stringify(response.headers) as unknown as Record<string, string>,
        response_body: response.body,
        completed_date: this.now(),
      })
      .where('brand_id', '=', claim.brandId)
      .where('user_id', '=', claim.userId)
      .where('idempotency_key', '=', claim.key)
      .where('claim_token', '=', claim.token)
      .execute()
  }

  async release(claim: IdempotencyClaim): Promise<void> {
    await this.db
      .deleteFrom('idempotency_keys')
      .where('brand_id', '=', claim.brandId)
      .where('user_id', '=', claim.userId)
      .where('idempotency_key', '=', claim.key)
      .where('claim_token', '=', claim.token)
      .execute()
  }

  /** A row that no longer counts: older than the TTL, or a claim unfinished for too long. */
  private isStale(): RawBuilder<boolean> {
    return sql<boolean>`(idempotency_keys.created_date < ${this.now()} - make_interval(secs => ${this.ttlSeconds})
      or (idempotency_keys.status is null and idempotency_keys.created_date < ${this.now()} - make_interval(secs => ${this.claimTimeoutSeconds})))`
  }

  /** The current time in SQL: the injected clock's, else the database's. */
  private now(): RawBuilder<Date> {
    return this.settings.clock === undefined ? sql<Date>`now()` : sql<Date>`${this.settings.clock()}::timestamptz`
  }

  /** Deletes the brand's expired keys now and then: cheap (an index range), and no timer. */
  private async cleanUpIfDue(brandId: number): Promise<void> {
    const now = this.settings.clock?.().getTime() ?? Date.now()
    if (now - (this.lastCleanup.get(brandId) ?? 0) < this.cleanupIntervalMs) return
    this.lastCleanup.set(brandId, now)
    try {
      await this.db
        .deleteFrom('idempotency_keys')
        .where('brand_id', '=', brandId)
        .where('created_date', '<', sql<Date>`${this.now()} - make_interval(secs => ${this.ttlSeconds})`)
        .execute()
    } catch (error) {
      this.settings.onCleanupError?.(error)
    }
  }
}
