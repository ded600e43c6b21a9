import type { FastifyError } from 'fastify'
import { AppError, validationMessage, type ErrorCode, type FieldError, type RequestPart, type TokenChallenge } from '../errors.ts'
import { STATUS_BY_KIND } from './status.ts'
import { toFieldErrors } from '../validation.ts'

/** What an error response says, before it is written. */
export interface Problem {
  status: number
  code: ErrorCode
  message: string
  errors?: FieldError[]
  headers?: Record<string, string>
  /** True when the cause is ours, not the client's: logged in full, answered opaquely. */
  unexpected: boolean
}

const VALIDATION_CODES: Record<RequestPart, ErrorCode> = {
  body: 'validation_failed',
  querystring: 'invalid_query',
  params: 'invalid_path_parameter',
  headers: 'invalid_header',
}

// The framework's own client errors, by its error code.
const FRAMEWORK_ERRORS: Record<string, { code: ErrorCode; message?: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'malformed_json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'malformed_json', message: 'The request body is empty but its Content-Type says JSON' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'malformed_request', message: 'The body length does not match Content-Length' },
  FST_ERR_BAD_URL: { code: 'malformed_request', message: 'The request URL is malformed' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'invalid_path_parameter', message: 'A path parameter is too long' },
}

/** The `WWW-Authenticate` challenge of RFC 6750 §3. */
export function bearerChallenge(challenge?: TokenChallenge): string {
  if (challenge === undefined) return 'Bearer realm="elevate-api"'
  return `Bearer realm="elevate-api", error="${challenge.error}", error_description="${challenge.description.replaceAll('"', "'")}"`
}

/** The headers an error's data calls for; the layers below carry data, never header text. */
function headersOf(error: AppError, status: number): Record<string, string> | undefined {
  const headers: Record<string, string> = {}
  // RFC 9110 §15.5.2: every 401 carries a challenge, the login's own refusals included.
  if (status === 401) headers['www-authenticate'] = bearerChallenge(error.challenge)
  if (error.retryAfterSeconds !== undefined) headers['retry-after'] = String(Math.max(0, Math.ceil(error.retryAfterSeconds)))
  if (error.allowedMethods !== undefined) headers.allow = error.allowedMethods.join(', ')
  return Object.keys(headers).length === 0 ? undefined : headers
}

function fromAppError(error: AppError): Problem {
  const status = STATUS_BY_KIND[error.kind]
  const problem: Problem = { status, code: error.code, message: error.message, unexpected: status >= 500 && error.code === 'internal_error' }
  if (error.errors !== undefined) problem.errors = error.errors
  const headers = headersOf(error, status)
  if (headers !== undefined) problem.headers = headers
  return problem
}

/**
 * Classifies any error thrown while serving a request. `classify` lets the infrastructure (the
 * database layer) name its own failures; whatever nobody recognises is a 500.
 */
export function toProblem(error: unknown, classify: (error: unknown) => AppError | undefined): Problem {
  if (error instanceof AppError) return fromAppError(error)
  const fastifyError = error as Partial<FastifyError> & { validationContext?: RequestPart }
  if (Array.isArray(fastifyError.validation)) {
    const part = fastifyError.validationContext ?? 'body'
    const errors = toFieldErrors(fastifyError.validation as never, part)
    return {
      status: 400,
      code: VALIDATION_CODES[part],
      message: validationMessage(errors, part),
      errors,
      unexpected: false,
    }
  }
  const framework = typeof fastifyError.code === 'string' ? FRAMEWORK_ERRORS[fastifyError.code] : undefined
  if (framework !== undefined) return fromAppError(new AppError(framework.code, { message: framework.message }))
  // The body stream broke off (client aborted, bad chunking): the request was not readable.
  if (fastifyError.statusCode === 400) return fromAppError(new AppError('malformed_request'))
  const classified = classify(error)
  if (classified !== undefined) return fromAppError(classified)
  return { ...fromAppError(new AppError('internal_error')), unexpected: true }
}
