import { Type, type TSchema } from 'typebox'
import { ERROR_CATALOGUE } from '../errors.ts'

export { DateString, DateTimeString, Id } from '../resources/schemas.ts'

/** Shared TypeBox building blocks for route schemas. */

export const FieldErrorSchema = Type.Object(
  {
    field: Type.String({ description: "Dotted path of the field, e.g. sites[0].siteAddress.postcode" }),
    code: Type.String({ description: 'Machine word for the problem, e.g. required, too_short' }),
    message: Type.String(),
  },
  { $id: 'FieldError' },
)

export const ErrorBodySchema = Type.Object(
  {
    status: Type.Integer({ description: 'The HTTP status, repeated' }),
    error: Type.String({ description: 'The reason phrase of the status', examples: ['Bad Request'] }),
    message: Type.String({ examples: ["Validation failed for field 'customerName': must not be empty"] }),
    timestamp: Type.String({ format: 'date-time' }),
    path: Type.String({ description: 'Request path without the query string' }),
    requestId: Type.String({ description: 'Equals the X-Request-Id response header' }),
    code: Type.String({ enum: Object.keys(ERROR_CATALOGUE), description: 'Stable machine word' }),
    errors: Type.Optional(Type.Array(FieldErrorSchema, { description: 'Every invalid field, when several' })),
  },
  { $id: 'ErrorBody', additionalProperties: false },
)

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Bad Request: malformed JSON, invalid fields or query parameters (all listed in errors)',
  401: 'Unauthorized: no valid bearer token, or the account is disabled',
  403: 'Forbidden: the user’s roles lack the permission',
  404: 'Not Found',
  405: 'Method Not Allowed (see the Allow header)',
  406: 'Not Acceptable: the Accept header rules out the media type the operation answers with (application/json; application/pdf for PDFs)',
  409: 'Conflict: the resource already exists',
  412: 'Precondition Failed: If-Match does not match the current ETag',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests (see Retry-After)',
  500: 'Internal Server Error: quote the requestId to support',
  503: 'Service Unavailable: the database is unreachable (see Retry-After)',
}

/** The `response` entries for error statuses, all with the one error body. */
export function errorResponses(statuses: Iterable<number>): Record<number, TSchema> {
  const responses: Record<number, TSchema> = {}
  for (const status of [...new Set(statuses)].sort()) {
    responses[status] = Type.Ref('ErrorBody', { description: ERROR_DESCRIPTIONS[status] ?? 'Error' })
  }
  return responses
}

/**
 * A PATCH body: an RFC 6902 JSON Patch (application/json-patch+json) or an RFC 7396 merge patch
 * (application/merge-patch+json). Which one is read from the Content-Type; the patched resource is
 * then validated like a create.
 */
export const PatchBody = Type.Union(
  [
    Type.Array(
      Type.Object(
        {
          op: Type.String({ enum: ['add', 'remove', 'replace', 'move', 'copy', 'test'] }),
          path: Type.String({ description: 'JSON Pointer (RFC 6901)', examples: ['/customerName'] }),
          value: Type.Optional(Type.Unknown()),
          from: Type.Optional(Type.String()),
        },
        { additionalProperties: true },
      ),
      { description: 'JSON Patch (application/json-patch+json)' },
    ),
    Type.Object({}, { additionalProperties: true, description: 'Merge patch (application/merge-patch+json)' }),
  ],
  { examples: [[{ op: 'replace', path: '/name', value: 'New name' }]] },
)

/** Response headers the API sends, for the OpenAPI document. */
const RESPONSE_HEADERS = {
  'X-Request-Id': { type: 'string', description: 'The request id: the client\'s own when well-formed, else generated' },
  ETag: { type: 'string', description: 'Strong entity tag of the resource; send it back in If-Match', examples: ['"3"'] },
  Location: { type: 'string', description: 'Path of the created resource', examples: ['/v1/customers/42'] },
  Link: { type: 'string', description: 'RFC 8288 links to the next and previous pages', examples: ['</v1/customers?page=2&pageSize=100>; rel="next"'] },
  'WWW-Authenticate': { type: 'string', description: 'The Bearer challenge (RFC 6750)', examples: ['Bearer realm="elevate-api", error="invalid_token"'] },
  Allow: { type: 'string', description: 'The methods the path takes', examples: ['GET, HEAD, OPTIONS, PATCH'] },
  'Retry-After': { type: 'string', description: 'Seconds to wait before retrying' },
  'Idempotent-Replayed': { type: 'string', enum: ['true'], description: 'Present when this is the stored answer to an earlier request with the same Idempotency-Key' },
} as const

export type ResponseHeader = keyof typeof RESPONSE_HEADERS

/**
 * A response schema documenting the headers that come with it (OpenAPI only: @fastify/swagger reads
 * `headers`, serialisation ignores it). A copy, so a shared schema is never changed in place.
 */
export function withHeaders(schema: unknown, names: readonly ResponseHeader[]): TSchema {
  const headers: Record<string, unknown> = { ...((schema as { headers?: object }).headers ?? {}) }
  for (const name of names) headers[name] = RESPONSE_HEADERS[name]
  return { ...(schema as object), headers } as TSchema
}
