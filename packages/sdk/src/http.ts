/** The pieces of an HTTP request the request layer assembles: URL, headers, body, repeatability. */

/** The `fetch` the SDK calls; the platform's by default. Tests pass their own handler. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>

/** Methods the API uses. */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS'

/** A query parameter value; arrays are sent comma-separated (`fields=id,name`), undefined is left out. */
export type QueryValue = string | number | boolean | undefined | null | readonly (string | number)[]

/** Query parameters by name. */
export type QueryParams = Record<string, QueryValue>

/** Options every SDK call takes. */
export interface RequestOptions {
  /** Cancels the call, including any wait between attempts; the call rejects with the signal's reason. */
  signal?: AbortSignal
  /** Per-attempt limit for this call, overriding the client's `timeoutMs`. */
  timeoutMs?: number
  /** Extra headers, e.g. `If-Match` or an `Idempotency-Key` of your own. */
  headers?: Record<string, string>
}

/** One logical request, however many attempts it takes. */
export interface RequestSpec extends RequestOptions {
  method: HttpMethod
  /** Path under the server root, with its version prefix: `/v1/user-roles/7`. */
  path: string
  query?: QueryParams | URLSearchParams
  /** Sent as JSON unless it is a string (then as is, with the Content-Type given in `headers`). */
  body?: unknown
  /** Whether to send the bearer token (default true; false for the login itself). */
  auth?: boolean
  /** A creating POST: send an `Idempotency-Key`, one per call, the same on every attempt. */
  idempotent?: boolean
  /** Overrides whether sending the request again is safe (the login call is). */
  repeatable?: boolean
  /** Statuses outside 2xx that are answers, not errors (a HEAD exists-check's 404). */
  expect?: readonly number[]
}

/** A successful answer. */
export interface ApiResponse<T> {
  data: T
  status: number
  headers: Headers
  /** The URL that was requested, query included. */
  url: string
}

/** `http://host:8080/` and `http://host:8080` alike: the root without a trailing slash. */
export function normaliseBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl)
  if (url.search !== '' || url.hash !== '') throw new TypeError('baseUrl must not have a query or fragment')
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

/** The full URL of a request. */
export function buildUrl(baseUrl: string, path: string, query: RequestSpec['query']): string {
  const search = query instanceof URLSearchParams ? query : toSearchParams(query ?? {})
  const text = search.toString()
  return `${baseUrl}${path}${text === '' ? '' : `?${text}`}`
}

function toSearchParams(query: QueryParams): URLSearchParams {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue
    search.set(name, Array.isArray(value) ? value.join(',') : String(value))
  }
  return search
}

/** The headers of every attempt; the bearer token is added per attempt, as it may change. */
export function buildHeaders(spec: RequestSpec, idempotencyKey: string | undefined): Headers {
  const headers = new Headers({ accept: 'application/json' })
  if (spec.body !== undefined && typeof spec.body !== 'string') headers.set('content-type', 'application/json')
  if (idempotencyKey !== undefined) headers.set('idempotency-key', idempotencyKey)
  for (const [name, value] of Object.entries(spec.headers ?? {})) headers.set(name, value)
  return headers
}

/** The body as sent: JSON text, or a string as given. */
export function encodeBody(body: unknown): string | undefined {
  if (body === undefined) return undefined
  return typeof body === 'string' ? body : JSON.stringify(body)
}

/**
 * Whether sending the request again cannot do harm (RFC 9110 §9.2.2): GET and HEAD are safe; a
 * PATCH with If-Match applies once at most (the second gets 412); a POST with an Idempotency-Key
 * is answered from the first result.
 */
export function isRepeatable(method: HttpMethod, headers: Headers, override: boolean | undefined): boolean {
  if (override !== undefined) return override
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return true
  if (method === 'PATCH') return headers.has('if-match')
  if (method === 'POST') return headers.has('idempotency-key')
  return false
}
