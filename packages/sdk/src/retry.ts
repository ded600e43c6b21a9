import { ApiError, NetworkError } from './errors.ts'

/** How failed attempts are retried (the client's `retry` option); every field has a default. */
export interface RetryOptions {
  /** Attempts in all, the first included (default 3); 1 turns retries off. */
  maxAttempts: number
  /** Backoff base: attempt n waits up to `baseDelayMs * 2^(n-1)` (default 500). */
  baseDelayMs: number
  /** Backoff cap before jitter (default 8000). */
  maxDelayMs: number
  /** Source of jitter in [0, 1); tests pin it. */
  random: () => number
  /** Waits `ms`, rejecting with the signal's reason if it aborts; tests record instead of waiting. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
}

/** The retry options with the client's `maxRetryAfterMs`: everything `decideRetry` needs. */
export interface RetryPolicy extends RetryOptions {
  /** A `Retry-After` longer than this ends the retries instead of waiting (default 30000). */
  maxRetryAfterMs: number
}

/** Statuses worth another attempt: rate limit, and server or gateway failures (not 501). */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504])

/** The defaults of the issue: 3 attempts, 0.5 s base, 8 s cap, at most 30 s of Retry-After. */
export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
  random: Math.random,
  sleep: abortableSleep,
}

/** What to do after a failed attempt. */
export type RetryDecision =
  | { retry: true; delayMs: number }
  | { retry: false; reason: 'not_retryable' | 'request_not_repeatable' | 'attempts_exhausted' | 'retry_after_too_long' }

/**
 * Full-jitter exponential backoff: a uniform delay in [0, min(cap, base·2^(attempt-1))), which
 * spreads clients that failed together instead of bringing them back in step.
 */
export function backoffDelay(attempt: number, options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1))
  return Math.floor(options.random() * ceiling)
}

/**
 * Whether a failure is transient: no answer at all, one of `RETRYABLE_STATUSES`, or a create whose
 * first attempt is still running on the server (409 `idempotency_key_in_progress`: a later
 * attempt with the same key gets its stored result).
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof NetworkError) return true
  if (!(error instanceof ApiError)) return false
  return RETRYABLE_STATUSES.has(error.status) || (error.status === 409 && error.code === 'idempotency_key_in_progress')
}

/**
 * Decides whether to try again after `attempt` failed with `error`. `repeatable` says whether
 * sending the request twice is safe (GET, HEAD, PATCH with If-Match, POST with an Idempotency-Key).
 * The server's `Retry-After` replaces the computed delay; one above the maximum ends the retries.
 */
export function decideRetry(error: unknown, attempt: number, repeatable: boolean, options: RetryPolicy): RetryDecision {
  if (!isTransient(error)) return { retry: false, reason: 'not_retryable' }
  if (!repeatable) return { retry: false, reason: 'request_not_repeatable' }
  if (attempt >= options.maxAttempts) return { retry: false, reason: 'attempts_exhausted' }
  const retryAfterMs = error instanceof ApiError ? error.retryAfterMs : undefined
  if (retryAfterMs === undefined) return { retry: true, delayMs: backoffDelay(attempt, options) }
  if (retryAfterMs > options.maxRetryAfterMs) return { retry: false, reason: 'retry_after_too_long' }
  return { retry: true, delayMs: retryAfterMs }
}

/** `setTimeout` as a promise that an AbortSignal can cut short. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
