import { STATUS_CODES } from 'node:http'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { DECIMAL_KEYWORD, decimalDigitsProblem } from '../../src/resources/decimal.ts'
import type { Operation } from './document.ts'
import type { FuzzRequest } from './requests.ts'

/** A response as the fuzzer saw it. */
export interface SeenResponse {
  status: number
  headers: Record<string, string>
  body: any
  text: string
}

/** One broken promise: which check, on which operation, for which request. */
export interface Failure {
  check: string
  detail: string
  operation: Operation
  request: FuzzRequest
  response: SeenResponse
}

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default
// OpenAPI 3.1 schemas are JSON Schema 2020-12; `email` as HTML defines it (what the document promises).
const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true })
addFormats(ajv, { mode: 'fast' })
// The document's one extension keyword, read as its description says: a number's digits ({precision, scale}).
ajv.addKeyword({
  keyword: DECIMAL_KEYWORD,
  type: 'number',
  schemaType: 'object',
  validate: (spec: { precision: number; scale: number }, value: number) => decimalDigitsProblem(value, spec) === undefined,
})
const validators = new Map<object, ValidateFunction>()

function validatorFor(schema: object): ValidateFunction {
  let validate = validators.get(schema)
  if (validate === undefined) validators.set(schema, (validate = ajv.compile(schema)))
  return validate
}

/** Whether `value` is valid against `schema`, as a reader of the document would judge it. */
export function isValid(schema: object, value: unknown): boolean {
  return validatorFor(schema)(value)
}

/** Sends `request` to the server with real HTTP. */
export async function send(baseUrl: string, request: FuzzRequest, token: string): Promise<SeenResponse> {
  const headers: Record<string, string> = { ...request.headers }
  if (request.token === 'valid') headers.authorization = `Bearer ${token}`
  if (request.token === 'garbage') headers.authorization = 'Bearer not.a.token'
  if (request.contentType !== undefined) headers['content-type'] = request.contentType
  const query = new URLSearchParams(request.query).toString()
  const response = await fetch(`${baseUrl}${request.path}${query === '' ? '' : `?${query}`}`, { method: request.method, headers, body: request.body })
  const text = await response.text()
  let body: unknown
  try {
    body = text === '' ? undefined : JSON.parse(text)
  } catch {
    body = undefined
  }
  return { status: response.status, headers: Object.fromEntries(response.headers), body, text }
}

// 400s that say the request broke a rule the document states (as opposed to the operation's own rules).
const SCHEMA_REFUSALS = new Set(['invalid_query', 'invalid_path_parameter', 'invalid_header', 'malformed_json', 'unsupported_media_type', 'not_acceptable'])
// Not out_of_range: the operations' own cross-field rules use it too (a WEEKLY cycle starts on day 1 to 7).
const SCHEMA_FIELD_CODES = new Set(['required', 'unknown_field', 'unknown_parameter', 'invalid_type', 'too_short', 'too_long', 'invalid_format'])

/** What a request valid per the document must never get: a refusal for breaking the document's rules. */
function refusedAsInvalid(op: Operation, response: SeenResponse): boolean {
  const code = response.body?.code
  if (SCHEMA_REFUSALS.has(code)) return true
  // A PATCH is checked after patching: the patch document being valid says nothing of the result.
  if (code !== 'validation_failed' || op.method === 'PATCH') return false
  // `required` is the document's rule only for a field the schema requires; otherwise it is the
  // operation's own (frequency required once a trigger charge is set), which no schema states.
  const schemaRequired = new Set(Object.values(op.requestBody ?? {}).flatMap(({ schema }) => schema.required ?? []))
  return (response.body.errors ?? []).some((e: { code: string; field: string }) => SCHEMA_FIELD_CODES.has(e.code) && (e.code !== 'required' || schemaRequired.has(e.field)))
}

/** The checks of the field's standard fuzzers, plus the contract's own (docs/errors.md). */
export function check(op: Operation, request: FuzzRequest, response: SeenResponse): Failure[] {
  const failures: Failure[] = []
  const fail = (check: string, detail: string) => failures.push({ check, detail, operation: op, request, response })
  const documented = op.responses[String(response.status)] ?? op.responses.default
  if (response.status >= 500) fail('server error', `${response.status}`)
  if (documented === undefined) fail('undocumented status', `${response.status} is not among ${Object.keys(op.responses).join(', ')}`)
  if (!/^[A-Za-z0-9._:-]{1,128}$/.test(response.headers['x-request-id'] ?? '')) fail('no X-Request-Id', '')
  if (op.needsToken && request.token !== 'valid' && response.status !== 401) fail('protected without a token', `${response.status}`)
  if (op.needsToken && response.status === 401 && !response.headers['www-authenticate']?.startsWith('Bearer')) fail('401 without a challenge', '')
  if (request.mutation === undefined && response.status === 400 && refusedAsInvalid(op, response)) fail('valid request refused', response.body?.message ?? '')
  if (documented === undefined) return failures

  const content = op.method === 'HEAD' ? undefined : documented.content
  if (content === undefined) {
    if (response.text !== '') fail('undocumented body', response.text.slice(0, 200))
    return failures
  }
  const type = (response.headers['content-type'] ?? '').split(';')[0]!.trim()
  const media = content[type]
  if (media === undefined) {
    fail('undocumented content type', `'${type}', documented: ${Object.keys(content).join(', ')}`)
    return failures
  }
  // A document that is not JSON (an invoice PDF): its schema says binary, so it must have bytes.
  if (!/^application\/([\w.-]+\+)?json$/.test(type)) {
    if (response.text === '') fail('empty body', type)
    return failures
  }
  const validate = validatorFor(media.schema)
  if (response.body === undefined || !validate(response.body)) fail('body does not match its schema', ajv.errorsText(validate.errors))
  if (response.status >= 400) checkErrorBody(response, request, fail)
  return failures
}

/** docs/errors.md: every field, `requestId` equal to X-Request-Id, `path` without the query. */
function checkErrorBody(response: SeenResponse, request: FuzzRequest, fail: (check: string, detail: string) => void): void {
  const body = response.body ?? {}
  const problems: string[] = []
  if (body.status !== response.status) problems.push('status')
  if (body.error !== STATUS_CODES[response.status]) problems.push('error')
  if (typeof body.message !== 'string' || body.message === '') problems.push('message')
  if (body.requestId !== response.headers['x-request-id']) problems.push('requestId')
  if (body.path !== request.path.split('?')[0]) problems.push('path')
  if (typeof body.code !== 'string') problems.push('code')
  if (problems.length > 0) fail('not the contract error body', problems.join(', '))
}
