/**
 * Idempotency keys (docs/errors.md, "Idempotency-Key"): what the contract layer needs from storage.
 * The HTTP side (`http/idempotency.ts`) depends on this interface only, never on the database;
 * `postgres-store.ts` implements it.
 */

/** Whose key it is: keys are per brand, per user. */
export interface IdempotencyScope {
  brandId: number
  userId: number
  key: string
}

/** A key this request holds while it runs; only its holder completes or releases it. */
export interface IdempotencyClaim extends IdempotencyScope {
  token: string
}

/** A final outcome, as stored and replayed. */
export interface StoredResponse {
  status: number
  /** Lower-case names: content-type, location, etag (those present). */
  headers: Record<string, string>
  /** The serialized body, or null when there was none. */
  body: string | null
  /** The X-Request-Id of the request that produced it. */
  requestId: string
}

export type ClaimOutcome =
  /** The key was free (or expired): this request runs, then completes or releases the claim. */
  | { kind: 'claimed'; claim: IdempotencyClaim }
  /** The same request finished before: answer its stored outcome. */
  | { kind: 'completed'; response: StoredResponse }
  /** The same request is still running (here or on another instance). */
  | { kind: 'in_progress' }
  /** The key was used for a different request. */
  | { kind: 'mismatch' }

export interface IdempotencyStore {
  /** Claims the key atomically (across instances), or says why it cannot. */
  claim(scope: IdempotencyScope, fingerprint: Buffer, requestId: string): Promise<ClaimOutcome>
  /** Stores the final outcome of a claimed request. */
  complete(claim: IdempotencyClaim, response: Omit<StoredResponse, 'requestId'>): Promise<void>
  /** Gives the key up (a 5xx, a 429, …): a retry runs again. */
  release(claim: IdempotencyClaim): Promise<void>
}
