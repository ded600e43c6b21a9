import { ApiError, errorClassFor, type RequestContext } from './errors.ts'
import type { FieldError } from './types.ts'

// Reason phrases of RFC 9110 for the statuses a client meets; used when a body does not say.
const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

/** How much of a foreign (non-JSON) error body an error keeps: enough to recognise the page. */
const RAW_BODY_LIMIT = 500

/**
 * `Retry-After` in milliseconds from `now`: delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
 * Undefined when absent or unreadable; a date in the past means "now" (0).
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const date = Date.parse(text)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** Whether a Content-Type names JSON (`application/json`, `application/problem+json`, …). */
export function isJsonType(contentType: string | null): boolean {
  return contentType !== null && /^application\/([\w.-]+\+)?json\s*(;|$)/i.test(contentType.trim())
}

/** Reads a 2xx body: JSON when there is one; undefined for 204, HEAD and empty bodies. */
export async function readSuccessBody(response: Response, context: RequestContext): Promise<unknown> {
  const text = await response.text()
  if (text === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    // A 2xx that is not JSON (a captive portal's page) is not data: never hand it back as such.
    throw new ApiError(
      {
        ...foreignDetails(response, text, undefined),
        message: `${context.method} ${context.path} answered ${response.status} with a body that is not JSON`,
      },
      context,
    )
  }
}

/** Turns a non-2xx response into the typed error for its status, whatever its body is. */
export async function readErrorResponse(response: Response, context: RequestContext, now: number): Promise<ApiError> {
  // A broken body stream must not hide the status we already have.
  const text = await response.text().catch(() => '')
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now)
  const body = isJsonType(response.headers.get('content-type')) ? parseJson(text) : undefined
  const ErrorClass = errorClassFor(response.status)
  if (body !== undefined && typeof body.message === 'string') {
    return new ErrorClass(
      {
        status: response.status,
        error: typeof body.error === 'string' ? body.error : reasonOf(response),
        message: body.message,
        code: typeof body.code === 'string' ? body.code : undefined,
        errors: Array.isArray(body.errors) ? body.errors.filter(isFieldError) : [],
        requestId: typeof body.requestId === 'string' ? body.requestId : (response.headers.get('x-request-id') ?? undefined),
        timestamp: typeof body.timestamp === 'string' ? body.timestamp : undefined,
        retryAfterMs,
        headers: response.headers,
        rawBody: undefined,
      },
      context,
    )
  }
  return new ErrorClass(foreignDetails(response, text, retryAfterMs, context), context)
}

/** An error body that is not the API's: a proxy's HTML page, plain text, or nothing (HEAD). */
function foreignDetails(response: Response, text: string, retryAfterMs: number | undefined, context?: RequestContext) {
  const reason = reasonOf(response)
  const summary = summarise(text)
  const where = context === undefined ? '' : ` for ${context.method} ${context.path}`
  return {
    status: response.status,
    error: reason,
    message: `${response.status} ${reason}${where}${summary === '' ? '' : `: ${summary}`}`,
    code: undefined,
    errors: [],
    requestId: response.headers.get('x-request-id') ?? undefined,
    timestamp: undefined,
    retryAfterMs,
    headers: response.headers,
    rawBody: text === '' ? undefined : text.slice(0, RAW_BODY_LIMIT),
  }
}

/** The readable gist of a foreign body: an HTML page's title, else its text without tags. */
function summarise(text: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]
  const plain = (title ?? text.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<[^>]+>/gi, ' '))
    .replace(/\s+/g, ' ')
    .trim()
  return plain.length > 200 ? `${plain.slice(0, 200)}…` : plain
}

function reasonOf(response: Response): string {
  return REASONS[response.status] ?? (response.statusText || 'Error')
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

function isFieldError(value: unknown): value is FieldError {
  const item = value as Partial<FieldError> | null
  return typeof item === 'object' && item !== null && typeof item.field === 'string' && typeof item.message === 'string'
}
