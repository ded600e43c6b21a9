import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import type { FieldError, RequestPart } from './errors.ts'
import { DECIMAL_KEYWORD, decimalDigitsProblem, type DecimalSpec } from './resources/decimal.ts'
import { isRealDate, isRealDateTime } from './lists/filters.ts'

export type { RequestPart }

// ajv-formats is CommonJS with a default export; under NodeNext it arrives one level down.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default

/** The most field errors one response lists; past this the client has enough to fix. */
export const MAX_FIELD_ERRORS = 50


function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({
    allErrors: true, // every invalid field in one response
    removeAdditional: false, // unknown fields are errors, never silently dropped
    useDefaults: true,
    strict: false, // OpenAPI annotations (examples, …) are not validation keywords
    allowUnionTypes: true,
    ...options,
  })
  addFormats(ajv, ['uri'])
  ajv.addFormat('email', { type: 'string', validate: isEmailAddress })
  // Stricter than ajv-formats: dates must exist and PostgreSQL must hold them (no year 0000).
  ajv.addFormat('date', { type: 'string', validate: isRealDate })
  ajv.addFormat('date-time', { type: 'string', validate: isRealDateTime })
  // Exact decimals (resources/decimal.ts): the digits a number may have, checked with the rest.
  ajv.addKeyword({
    keyword: DECIMAL_KEYWORD,
    type: 'number',
    schemaType: 'object',
    errors: true,
    validate: function digits(spec: DecimalSpec, value: number) {
      const problem = decimalDigitsProblem(value, spec)
      if (problem !== undefined) (digits as unknown as { errors: Partial<ErrorObject>[] }).errors = [{ keyword: DECIMAL_KEYWORD, params: { problem } }]
      return problem === undefined
    },
  })
  return ajv
}

/**
 * `format: email` as the OpenAPI document's readers take it: HTML's "valid email address" (a
 * dot-atom local part, then a host name of letter/digit/hyphen labels), which is what client
 * libraries and fuzzers generate. A one-label host (`0@com`) is syntactically an address, so it is
 * accepted, as the document promises; deliverability is not a question of syntax.
 */
const EMAIL_ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/

export function isEmailAddress(value: string): boolean {
  return EMAIL_ADDRESS.test(value)
}

// Bodies are JSON and keep their types; query strings and paths are text and are coerced.
const bodyAjv = makeAjv({ coerceTypes: false })
const textAjv = makeAjv({ coerceTypes: 'array' })

/** Validators by request part and schema: equal schemas (every app in a process, many routes) share one. */
const compiled = new Map<string, ValidateFunction>()

/** Compiles a request part's schema, once per distinct schema, at start-up. */
export function compileValidator(schema: object, part: string | undefined) {
  const key = `${part === 'body' ? 'body' : 'text'} ${JSON.stringify(schema)}`
  let validate = compiled.get(key)
  if (validate === undefined) {
    validate = part === 'body' ? bodyAjv.compile(schema) : canonicalIntegers(schema, textAjv.compile(schema))
    compiled.set(key, validate)
  }
  return validate
}

const CANONICAL_INTEGER = /^(0|-?[1-9]\d*)$/

/**
 * Text parts (path, query) are coerced, and coercion would take `01`, `1.0`, `1e0` or ` 1` for 1.
 * An integer parameter must be written as one: anything else is reported as not a whole number.
 */
function canonicalIntegers(schema: object, validate: ValidateFunction): ValidateFunction {
  const properties = (schema as { properties?: Record<string, { type?: unknown }> }).properties ?? {}
  const integers = Object.keys(properties).filter((name) => properties[name]?.type === 'integer')
  if (integers.length === 0) return validate
  const strict = ((data: Record<string, unknown>) => {
    const wrong = integers.filter((name) => typeof data?.[name] === 'string' && !CANONICAL_INTEGER.test(data[name] as string))
    if (wrong.length === 0) {
      const valid = validate(data)
      strict.errors = validate.errors
      return valid
    }
    strict.errors = wrong.map((name) => ({ instancePath: `/${name}`, schemaPath: '#/type', keyword: 'type', params: { type: 'integer' }, message: 'must be integer' }))
    return false
  }) as ValidateFunction
  return strict
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  null: 'null',
}

const FORMAT_WORDS: Record<string, string> = {
  date: 'a date (yyyy-MM-dd)',
  'date-time': 'a date-time (yyyy-MM-ddTHH:mm:ssZ)',
  email: 'an email address',
  uri: 'a URI',
}

function typeWords(type: unknown): string {
  const types = Array.isArray(type) ? type : [type]
  return types.map((t) => TYPE_WORDS[String(t)] ?? String(t)).join(' or ')
}

/** `/sites/0/siteAddress/postcode` → `sites[0].siteAddress.postcode`. */
export function fieldPath(instancePath: string, child?: string): string {
  const segments = instancePath === '' ? [] : instancePath.slice(1).split('/')
  if (child !== undefined) segments.push(child)
  let path = ''
  for (const raw of segments) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    path += /^\d+$/.test(segment) ? `[${segment}]` : path === '' ? segment : `.${segment}`
  }
  return path
}

function describe(error: ErrorObject, part: RequestPart): FieldError {
  const p = error.params as Record<string, unknown>
  const at = (child?: string) => fieldPath(error.instancePath, child)
  switch (error.keyword) {
    case 'required':
      return { field: at(String(p.missingProperty)), code: 'required', message: 'is required' }
    case 'additionalProperties':
      return {
        field: at(String(p.additionalProperty)),
        code: part === 'body' ? 'unknown_field' : 'unknown_parameter',
        message: part === 'body' ? 'is not a known field' : 'is not a known parameter',
      }
    case 'type':
      return { field: at(), code: 'invalid_type', message: `must be ${typeWords(p.type)}` }
    case 'minLength':
      return p.limit === 1
        ? { field: at(), code: 'too_short', message: 'must not be empty' }
        : { field: at(), code: 'too_short', message: `must be at least ${String(p.limit)} characters long` }
    case 'maxLength':
      return { field: at(), code: 'too_long', message: `must be at most ${String(p.limit)} characters long` }
    case 'minimum':
    case 'exclusiveMinimum':
      return { field: at(), code: 'out_of_range', message: `must be ${p.comparison === '>' ? 'greater than' : 'at least'} ${String(p.limit)}` }
    case 'maximum':
    case 'exclusiveMaximum':
      return { field: at(), code: 'out_of_range', message: `must be ${p.comparison === '<' ? 'less than' : 'at most'} ${String(p.limit)}` }
    case 'format':
      return { field: at(), code: 'invalid_format', message: `must be ${FORMAT_WORDS[String(p.format)] ?? `a valid ${String(p.format)}`}` }
    case 'pattern':
      return { field: at(), code: 'invalid_format', message: 'contains characters that are not allowed' }
    case 'enum':
      return { field: at(), code: 'invalid_value', message: `must be one of: ${(p.allowedValues as unknown[]).join(', ')}` }
    case 'const':
      return { field: at(), code: 'invalid_value', message: `must be ${JSON.stringify(p.allowedValue)}` }
    case 'minItems':
      return { field: at(), code: 'too_few', message: `must contain at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}` }
    case 'maxItems':
      return { field: at(), code: 'too_many', message: `must contain at most ${String(p.limit)} items` }
    case DECIMAL_KEYWORD:
      return { field: at(), code: 'invalid_value', message: String(p.problem) }
    case 'uniqueItems':
      return { field: at(), code: 'duplicate_items', message: 'must not contain duplicates' }
    default:
      return { field: at(), code: 'invalid_value', message: 'is not valid' }
  }
}

/**
 * Turns ajv's errors into the contract's field errors: one per field and problem, in request
 * order, bounded. Branch errors under anyOf/oneOf collapse into their parent's single error.
 */
export function toFieldErrors(errors: readonly ErrorObject[], part: RequestPart): FieldError[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
  const seen = new Set<string>()
  const result: FieldError[] = []
  for (const error of errors) {
    // An `if` only says its then/else branch failed: the branch's own errors say why.
    if (error.keyword === 'if') continue
    const insideUnion = unions.some((u) => u !== error && error.schemaPath.startsWith(`${u.schemaPath}/`))
    if (insideUnion) continue
    const fieldError = describe(error, part)
    const key = `${fieldError.field}\u0000${fieldError.code}`
    if (seen.has(key)) continue
    seen.add(key)
    result.push(fieldError)
    if (result.length === MAX_FIELD_ERRORS) break
  }
  return result
}

/**
 * A compiled body validator for documents built in code (a patched resource), reporting the same
 * field errors as request validation.
 */
export function bodyValidator(schema: object): (value: unknown) => FieldError[] {
  const validate = bodyAjv.compile(schema)
  return (value) => (validate(value) ? [] : toFieldErrors(validate.errors ?? [], 'body'))
}
