import type { TokenSource } from './auth.ts'
import { ApiError, ElevateError, NetworkError, TimeoutError, type RequestContext } from './errors.ts'
import {
  buildHeaders,
  buildUrl,
  encodeBody,
  isRepeatable,
  type ApiResponse,
  type FetchLike,
  type RequestSpec,
} from './http.ts'
import type { LogSink } from './logging.ts'
import { readErrorResponse, readSuccessBody } from './responses.ts'
import { decideRetry, isTransient, type RetryDecision, type RetryPolicy } from './retry.ts'

/** Everything the request layer is configured with; the client builds it from its options. */
export interface TransportConfig {
  /** Normalised server root, without a trailing slash. */
  baseUrl: string
  fetch: FetchLike
  retry: RetryPolicy
  timeoutMs: number
  log: LogSink
  /** Where bearer tokens come from; undefined when the client has no credentials. */
  tokens: TokenSource | undefined
  now: () => number
}

// 401 codes that a new token cures; never invalid_credentials, account_disabled or a 403. A
// revoked token (password or roles changed, secret rotated) needs a new login, which then says
// whether the credentials still hold.
const REFRESHABLE_CODES = new Set(['token_expired', 'invalid_token', 'token_revoked'])

/**
 * The request layer, and the only caller of `fetch`: headers, the Idempotency-Key, timeouts,
 * retries with backoff, the refresh after a 401 and the log lines all live here, so resources
 * only say method, path and types.
 */
export class Transport {
  constructor(private readonly config: TransportConfig) {}

  /** Sends one logical request: resolves with a 2xx answer, or throws a typed `ElevateError`. */
  async send<T>(spec: RequestSpec): Promise<ApiResponse<T>> {
    const idempotencyKey = spec.idempotent === true ? globalThis.crypto.randomUUID() : undefined
    const headers = buildHeaders(spec, idempotencyKey)
    const repeatable = isRepeatable(spec.method, headers, spec.repeatable)
    const url = buildUrl(this.config.baseUrl, spec.path, spec.query)
    const started = this.config.now()
    let attempt = 1
    let refreshedToken: string | undefined
    for (;;) {
      const context: RequestContext = { method: spec.method, path: spec.path, attempt }
      // Outside the try: a failed login has been retried and logged by its own request already.
      const token = spec.auth === false ? undefined : await this.authorize(headers, refreshedToken, spec.signal)
      const attemptStarted = this.config.now()
      try {
        return await this.attemptOnce<T>(url, headers, spec, context)
      } catch (error) {
        if (!(error instanceof ElevateError)) throw error // the caller aborted: not a failure to log
        const durationMs = this.config.now() - attemptStarted
        if (refreshedToken === undefined && token !== undefined && needsNewToken(error)) {
          this.logAttempt(error, durationMs, { retry: true, delayMs: 0 }, 'refresh_token')
          // Once per request: a second 401 is final, so this can never loop. Replaying is safe
          // for any method: the server checks the token before anything else (docs/errors.md).
          refreshedToken = await untilAborted(this.config.tokens!.refresh(token), spec.signal)
          continue // the retry after a refresh does not count against maxAttempts
        }
        const decision = decideRetry(error, attempt, repeatable, this.config.retry)
        this.logAttempt(error, durationMs, decision)
        if (!decision.retry) {
          this.logFinal(error, this.config.now() - started)
          throw error
        }
        await this.config.retry.sleep(decision.delayMs, spec.signal)
        attempt += 1
      }
    }
  }

  /**
   * Sets `Authorization` for this attempt, waiting for a login when one is due. After a refresh
   * the request uses the token that refresh gave it, whatever the source would hand out now.
   */
  private async authorize(headers: Headers, refreshed: string | undefined, signal: AbortSignal | undefined): Promise<string> {
    const tokens = this.config.tokens
    if (tokens === undefined) throw new TypeError('This client has no credentials or tokenProvider to authenticate with')
    const token = refreshed ?? (await untilAborted(tokens.token(), signal))
    headers.set('authorization', `Bearer ${token}`)
    return token
  }

  /** One attempt under its own timeout, which also covers reading the body. */
  private async attemptOnce<T>(url: string, headers: Headers, spec: RequestSpec, context: RequestContext): Promise<ApiResponse<T>> {
    const timeoutMs = spec.timeoutMs ?? this.config.timeoutMs
    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, timeoutMs)
    const onAbort = () => controller.abort(spec.signal?.reason)
    spec.signal?.addEventListener('abort', onAbort, { once: true })
    try {
      spec.signal?.throwIfAborted()
      const response = await this.config.fetch(url, {
        method: spec.method,
        headers,
        body: encodeBody(spec.body),
        signal: controller.signal,
      })
      if (response.ok || spec.expect?.includes(response.status) === true) {
        const data = spec.method === 'HEAD' ? undefined : await readSuccessBody(response, context)
        return { data: data as T, status: response.status, headers: response.headers, url }
      }
      throw await readErrorResponse(response, context, this.config.now())
    } catch (error) {
      if (error instanceof ElevateError) throw error
      if (spec.signal?.aborted === true) throw spec.signal.reason
      if (timedOut) throw new TimeoutError(timeoutMs, context)
      throw new NetworkError(`${context.method} ${context.path} failed: ${describeCause(error)}`, context, { cause: error })
    } finally {
      clearTimeout(timer)
      spec.signal?.removeEventListener('abort', onAbort)
    }
  }

  /** One line per failed attempt: what failed, how long it took, and what happens next. */
  private logAttempt(error: ElevateError, durationMs: number, decision: RetryDecision, action?: string): void {
    const next = decision.retry ? (action ?? 'retry') : 'give_up'
    const fields = { ...errorFields(error), durationMs, delayMs: decision.retry ? decision.delayMs : undefined, next }
    const reason = decision.retry ? undefined : decision.reason
    this.config.log('warn', `Elevate API attempt ${error.attempt} failed: ${summary(error)}`, { ...fields, reason })
  }

  /** One line per request that failed for good, after all its attempts. */
  private logFinal(error: ElevateError, durationMs: number): void {
    // A 4xx is usually the caller's to handle; a 5xx or no answer at all is an operational error.
    const level = isTransient(error) ? 'error' : 'warn'
    const attempts = error.attempt
    this.config.log(level, `Elevate API request failed: ${summary(error)}`, { ...errorFields(error), attempts, durationMs })
  }
}

function needsNewToken(error: ElevateError): boolean {
  return error instanceof ApiError && error.status === 401 && REFRESHABLE_CODES.has(String(error.code))
}

/** The context a log line carries: what was asked, what came back, and how to find it server-side. */
function errorFields(error: ElevateError): Record<string, unknown> {
  const api = error instanceof ApiError ? error : undefined
  return {
    method: error.method,
    path: error.path,
    status: api?.status,
    code: api?.code,
    requestId: api?.requestId,
    attempt: error.attempt,
    retryAfterMs: api?.retryAfterMs,
    errorClass: error.name,
    errorMessage: error.message,
  }
}

function summary(error: ElevateError): string {
  const outcome = error instanceof ApiError ? `${error.status}${error.code === undefined ? '' : ` ${error.code}`}` : error.name
  return `${error.method} ${error.path} → ${outcome}`
}

/** undici says only "fetch failed"; the useful part (ECONNRESET, ECONNREFUSED) is in its cause. */
function describeCause(error: unknown): string {
  const outer = error instanceof Error ? error.message : String(error)
  const inner = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined
  const detail = inner?.code ?? inner?.message
  return detail === undefined ? outer : `${outer} (${String(detail)})`
}

/** Waits for `promise` unless the caller aborts first; a shared login goes on for the others. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}
