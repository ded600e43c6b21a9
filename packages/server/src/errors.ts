/**
 * The error catalogue: every error the API can answer with, by stable code.
 *
 * Domain code throws `AppError(code)`; only `http/` turns a code's kind into a status. Codes are part
 * of the public contract (clients branch on them): never rename or reuse one. `docs/errors.md`
 * lists them all, and a test keeps the two in step.
 */

export type ErrorKind =
  | 'invalid_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'not_acceptable'
  | 'conflict'
  | 'precondition_failed'
  | 'request_timeout'
  | 'payload_too_large'
  | 'headers_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal'
  | 'unavailable'

interface CatalogueEntry {
  kind: ErrorKind
  /** The default human sentence; a throw site may give a more precise one. */
  message: string
}

export const ERROR_CATALOGUE = {
  malformed_request: { kind: 'invalid_input', message: 'The request could not be read' },
  malformed_json: { kind: 'invalid_input', message: 'The request body is not valid JSON' },
  validation_failed: { kind: 'invalid_input', message: 'Validation failed' },
  invalid_query: { kind: 'invalid_input', message: 'Invalid query parameters' },
  invalid_path_parameter: { kind: 'invalid_input', message: 'Invalid path parameter' },
  invalid_header: { kind: 'invalid_input', message: 'Invalid request header' },
  invalid_reference: { kind: 'invalid_input', message: 'A referenced record does not exist' },
  invalid_patch: { kind: 'invalid_input', message: 'The patch document is not valid' },
  idempotency_key_reused: {
    kind: 'invalid_input',
    message: 'This Idempotency-Key was already used for a different request: use a new key for a new request',
  },
  authentication_required: { kind: 'unauthenticated', message: 'Authentication is required: send Authorization: Bearer <token>' },
  invalid_token: { kind: 'unauthenticated', message: 'The bearer token is not valid' },
  token_expired: { kind: 'unauthenticated', message: 'The bearer token has expired: authenticate again' },
  invalid_credentials: { kind: 'unauthenticated', message: 'The brand, username or password is not correct' },
  account_disabled: { kind: 'unauthenticated', message: 'The user account is disabled' },
  token_revoked: {
    kind: 'unauthenticated',
    message: 'The bearer token was revoked (the password or roles changed, or the account was disabled): authenticate again',
  },
  insufficient_permission: { kind: 'forbidden', message: 'Your roles do not allow this operation' },
  route_not_found: { kind: 'not_found', message: 'No such resource' },
  not_found: { kind: 'not_found', message: 'The requested resource was not found' },
  method_not_allowed: { kind: 'method_not_allowed', message: 'The method is not allowed for this resource' },
  not_acceptable: { kind: 'not_acceptable', message: 'This resource can only answer with application/json' },
  already_exists: { kind: 'conflict', message: 'The resource already exists' },
  patch_test_failed: { kind: 'conflict', message: 'A test operation of the JSON Patch failed' },
  invalid_transition: { kind: 'conflict', message: 'The resource cannot move to that state from its current one' },
  in_use: { kind: 'conflict', message: 'The resource is in use and cannot be deleted' },
  protected_record: { kind: 'conflict', message: 'The record is maintained outside the API and cannot be changed through it' },
  overlapping_period: { kind: 'conflict', message: 'The validity period overlaps another of the same series' },
  last_administrator: { kind: 'conflict', message: "The brand's last administrator cannot be disabled, restricted or lose the role" },
  amount_exceeds_owed: { kind: 'conflict', message: 'The amount is more than the invoice still owes' },
  amount_exceeds_refundable: { kind: 'conflict', message: 'The amount is more than is left to refund of the payment' },
  amount_mismatch: { kind: 'conflict', message: 'The amount does not match what the invoice payment status requires' },
  idempotency_key_in_progress: {
    kind: 'conflict',
    message: 'A request with this Idempotency-Key is still being processed: retry later to get its result',
  },
  precondition_failed: { kind: 'precondition_failed', message: 'The resource has changed since you read it (If-Match)' },
  request_timeout: {
    kind: 'request_timeout',
    message: 'The request did not arrive in full within the time allowed: send it again',
  },
  payload_too_large: { kind: 'payload_too_large', message: 'The request body is too large' },
  headers_too_large: { kind: 'headers_too_large', message: 'The request headers are too large (16 KiB at most)' },
  unsupported_media_type: { kind: 'unsupported_media_type', message: 'Unsupported Content-Type' },
  rate_limited: { kind: 'rate_limited', message: 'Too many requests: retry later' },
  internal_error: {
    kind: 'internal',
    message: 'An unexpected error occurred. Please contact Elevate support and quote the request id',
  },
  database_unavailable: { kind: 'unavailable', message: 'The service is temporarily unavailable: retry later' },
  server_overloaded: { kind: 'unavailable', message: 'The server is overloaded: retry later' },
} as const satisfies Record<string, CatalogueEntry>

export type ErrorCode = keyof typeof ERROR_CATALOGUE

/** One problem with one field of the request, as reported in the error body's `errors`. */
export interface FieldError {
  field: string
  code: string
  message: string
}

/** Why a bearer token was refused, for the RFC 6750 challenge `http/` writes. */
export interface TokenChallenge {
  error: 'invalid_token'
  description: string
}

/**
 * What an error says beyond its code. Data only: `http/` alone turns it into headers
 * (`Retry-After`, `WWW-Authenticate`, `Allow`), so the layers below never speak HTTP.
 */
export interface AppErrorOptions {
  message?: string
  errors?: FieldError[]
  /** When a retry may succeed (429, 503, a request still in progress). */
  retryAfterSeconds?: number
  /** Why the credentials were refused (401). */
  challenge?: TokenChallenge
  /** The methods the resource does allow (405). */
  allowedMethods?: readonly string[]
  cause?: unknown
}

/** An error the API answers with deliberately; anything else is a 500. */
export class AppError extends Error {
  readonly kind: ErrorKind
  readonly errors: FieldError[] | undefined
  readonly retryAfterSeconds: number | undefined
  readonly challenge: TokenChallenge | undefined
  readonly allowedMethods: readonly string[] | undefined

  constructor(
    readonly code: ErrorCode,
    options: AppErrorOptions = {},
  ) {
    super(options.message ?? ERROR_CATALOGUE[code].message, { cause: options.cause })
    this.name = 'AppError'
    this.kind = ERROR_CATALOGUE[code].kind
    this.errors = options.errors === undefined ? undefined : distinctFieldErrors(options.errors)
    this.retryAfterSeconds = options.retryAfterSeconds
    this.challenge = options.challenge
    this.allowedMethods = options.allowedMethods
  }
}

/** What the request part a field error is about is called in sentences. */
export type RequestPart = 'body' | 'querystring' | 'params' | 'headers'

const PART_NOUN: Record<RequestPart, string> = {
  body: 'field',
  querystring: 'query parameter',
  params: 'path parameter',
  headers: 'header',
}

/**
 * The guide's sentence: `Validation failed for field 'customerName': must not be empty`, or for
 * several: `Validation failed for 2 fields: 'customerName' must not be empty; 'startDate' …`.
 */
export function validationMessage(all: readonly FieldError[], part: RequestPart): string {
  const errors = distinctFieldErrors(all)
  const noun = PART_NOUN[part]
  const [first] = errors
  if (first === undefined) return 'Validation failed'
  if (errors.length === 1) return `Validation failed for ${noun} '${first.field || '(root)'}': ${first.message}`
  const list = errors.map((e) => `'${e.field || '(root)'}' ${e.message}`).join('; ')
  return `Validation failed for ${errors.length} ${noun}s: ${list}`
}

/**
 * Each field error once (the same field, code and message), in the order first given: a request
 * repeating a mistake (`sort=x,x`), or two rules finding the same one, is reported once. Every
 * error body's list and message pass through here (AppError, validationMessage).
 */
export function distinctFieldErrors(errors: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>()
  return errors.filter((error) => {
    const key = JSON.stringify([error.field, error.code, error.message])
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Throws 400 `validation_failed` listing the field errors, if there are any. */
export function assertValid(errors: readonly FieldError[]): void {
  if (errors.length > 0) throw new AppError('validation_failed', { message: validationMessage(errors, 'body'), errors: [...errors] })
}
