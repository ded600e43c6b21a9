import { STATUS_CODES } from 'node:http'
import type { ErrorKind } from '../errors.ts'

/** The one table that turns an error's kind into an HTTP status. */
export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  not_acceptable: 406,
  conflict: 409,
  precondition_failed: 412,
  request_timeout: 408,
  payload_too_large: 413,
  headers_too_large: 431,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
}

/** The reason phrase of a status, as the error body's `error` field carries it. */
export function reasonPhrase(status: number): string {
  // RFC 9110 renamed 413; Node still says "Payload Too Large", which the contract uses too.
  return STATUS_CODES[status] ?? 'Error'
}
