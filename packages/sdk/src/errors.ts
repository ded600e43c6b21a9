import type { ErrorCode, FieldError } from './types.ts'

/** Where a failure happened: the request as the SDK sent it, and which attempt failed. */
export interface RequestContext {
  method: string
  /** Request path without the query string, e.g. `/v1/user-roles/7`. */
  path: string
  /** 1-based; a retry after a token refresh keeps the number of the attempt it repeats. */
  attempt: number
}

/** Base class of every error the SDK throws; `instanceof ElevateError` catches them all. */
export class ElevateError extends Error {
  readonly method: string
  readonly path: string
  readonly attempt: number

  constructor(message: string, context: RequestContext, options?: { cause?: unknown }) {
    super(message, options)
    this.name = new.target.name
    this.method = context.method
    this.path = context.path
    this.attempt = context.attempt
  }
}

/** What an error response said, parsed; fields the server did not send are undefined. */
export interface ApiErrorDetails {
  status: number
  /** The reason phrase of `status`, e.g. `Not Found`. */
  error: string
  message: string
  /** Stable machine word (snake_case) to branch on; undefined when the body was not the API's JSON. */
  code: ErrorCode | (string & {}) | undefined
  /** Every invalid field, when the server listed them (400 validation, 409 already_exists). */
  errors: FieldError[]
  /** Quote this to support: it finds the server's log lines for the failed request. */
  requestId: string | undefined
  timestamp: string | undefined
  /** How long the server asked us to wait (`Retry-After`), in milliseconds. */
  retryAfterMs: number | undefined
  /** The response headers, e.g. `allow` on a 405 or `www-authenticate` on a 401. */
  headers: Headers
  /** The start of a body that was not the API's JSON (a proxy's HTML page), for diagnosis. */
  rawBody: string | undefined
}

/** The server answered with a status outside 2xx; subclasses name the status. */
export class ApiError extends ElevateError {
  readonly status: number
  readonly error: string
  readonly code: ApiErrorDetails['code']
  readonly errors: FieldError[]
  readonly requestId: string | undefined
  readonly timestamp: string | undefined
  readonly retryAfterMs: number | undefined
  readonly headers: Headers
  readonly rawBody: string | undefined

  constructor(details: ApiErrorDetails, context: RequestContext) {
    super(details.message, context)
    this.status = details.status
    this.error = details.error
    this.code = details.code
    this.errors = details.errors
    this.requestId = details.requestId
    this.timestamp = details.timestamp
    this.retryAfterMs = details.retryAfterMs
    this.headers = details.headers
    this.rawBody = details.rawBody
  }
}

/** 400: the request is wrong; `errors` lists every invalid field at once. */
export class BadRequestError extends ApiError {
  /** The invalid fields by dotted path, e.g. `{ 'sites[0].postcode': ['must not be empty'] }`. */
  get fieldErrors(): Record<string, string[]> {
    const byField: Record<string, string[]> = {}
    for (const { field, message } of this.errors) (byField[field] ??= []).push(message)
    return byField
  }
}

/** 401: no valid token, wrong credentials, or a disabled account (see `code`). */
export class AuthenticationError extends ApiError {}

/** 403: authenticated, but the user's roles do not allow this; never refreshed or retried. */
export class PermissionError extends ApiError {}

/** 404: no such route or record (records outside the caller's brand are not revealed). */
export class NotFoundError extends ApiError {}

/** 405: the path exists, the method does not; `allow` lists the methods it takes. */
export class MethodNotAllowedError extends ApiError {
  /** The methods the path answers, from the `Allow` header. */
  get allow(): string[] {
    return (this.headers.get('allow') ?? '').split(',').map((m) => m.trim()).filter((m) => m !== '')
  }
}

/** 406: the `Accept` header ruled out application/json. */
export class NotAcceptableError extends ApiError {}

/** 409: the resource already exists, or an idempotent request with its key is still running. */
export class ConflictError extends ApiError {}

/** 412: `If-Match` no longer matches: someone changed the resource; read it again. */
export class PreconditionFailedError extends ApiError {}

/** 413: the request body is over the server's limit. */
export class PayloadTooLargeError extends ApiError {}

/** 415: the body's Content-Type is not one the operation takes. */
export class UnsupportedMediaTypeError extends ApiError {}

/** 429: too many requests; `retryAfterMs` says when to try again. */
export class RateLimitError extends ApiError {}

/** 5xx: the server (or a proxy in front of it) failed; `requestId` is what support needs. */
export class ServerError extends ApiError {}

/** No HTTP answer at all: connection refused or reset, DNS failure, … (`cause` has the detail). */
export class NetworkError extends ElevateError {}

/** An attempt took longer than `timeoutMs`; a kind of network failure, so retried like one. */
export class TimeoutError extends NetworkError {
  readonly timeoutMs: number

  constructor(timeoutMs: number, context: RequestContext) {
    super(`${context.method} ${context.path} timed out after ${timeoutMs} ms`, context)
    this.timeoutMs = timeoutMs
  }
}

const CLASS_BY_STATUS: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionError,
  404: NotFoundError,
  405: MethodNotAllowedError,
  406: NotAcceptableError,
  409: ConflictError,
  412: PreconditionFailedError,
  413: PayloadTooLargeError,
  415: UnsupportedMediaTypeError,
  429: RateLimitError,
}

/** The error class for a status: the flat set above, `ServerError` for any 5xx, else `ApiError`. */
export function errorClassFor(status: number): typeof ApiError {
  return CLASS_BY_STATUS[status] ?? (status >= 500 && status <= 599 ? ServerError : ApiError)
}
