import fc from 'fast-check'
import { generateSync } from 'json-schema-faker'
import { isRealDate } from '../../src/lists/filters.ts'
import { isValid } from './checks.ts'
import type { Operation, Parameter, Schema } from './document.ts'

/** One generated request; `mutation` says what was made invalid on purpose (none: valid per the document). */
export interface FuzzRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string>
  body: string | undefined
  contentType: string | undefined
  token: 'valid' | 'none' | 'garbage'
  mutation: string | undefined
}

/** Ids that exist, by the path parameter that names them (`customerId` → [1, 2]). */
export type KnownIds = Map<string, number[]>

/** A value valid against `schema`, from the JSON-Schema sampler, seeded by fast-check. */
function sampled(schema: Schema): fc.Arbitrary<unknown> {
  return fc.integer({ min: 1, max: 2 ** 31 - 1 }).map((seed) => generateSync(schema as never, { seed, optionalsProbability: 0.6, maxDefaultItems: 3 }))
}

/** Puts existing ids in fields named like a path parameter (`contractOwnerId`), so creates can succeed. */
function withKnownIds(value: unknown, ids: KnownIds, pick: number): unknown {
  if (Array.isArray(value)) return value.map((item) => withKnownIds(item, ids, pick))
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => {
      const known = ids.get(key)
      return [key, known !== undefined && known.length > 0 && typeof child === 'number' ? known[pick % known.length] : withKnownIds(child, ids, pick)]
    }),
  )
}

const WEIRD_STRINGS = ['', ' ', 'a'.repeat(256), 'x'.repeat(20_000), '😀'.repeat(64), '\u0000', '\ud800', 'Ω≈ç√∫', "' OR 1=1 --", '<script>', '0000-00-00', '9999-99-99', '%', 'in:', 'like:', '__proto__']
const WEIRD_NUMBERS = [0, -1, 1.5, 2 ** 31, 2 ** 53, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2]
/** A value of some other type, a boundary, unicode, a long string, or anything JSON. */
const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...WEIRD_STRINGS, ...WEIRD_NUMBERS, null, true, [], {}),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.jsonValue({ maxDepth: 3 }),
)

/** Paths to every value inside `value` (the root included). */
function pathsOf(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const here = [prefix]
  if (Array.isArray(value)) return here.concat(...value.map((item, i) => pathsOf(item, [...prefix, i])))
  if (value !== null && typeof value === 'object') return here.concat(...Object.entries(value).map(([k, v]) => pathsOf(v, [...prefix, k])))
  return here
}

function setAt(value: unknown, path: Array<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) }
  copy[path[0]!] = setAt(copy[path[0]!], path.slice(1), replacement)
  return copy
}

/** A body valid against `schema`, or deliberately not: a field dropped, added, or made weird, or not JSON at all. */
function bodyFor(schema: Schema, ids: KnownIds): fc.Arbitrary<{ body: string; mutation: string | undefined }> {
  const sample = fc.tuple(sampled(schema), fc.nat()).map(([value, pick]) => {
    const withIds = withKnownIds(value, ids, pick)
    if (isValid(schema, withIds)) return { value: withIds, valid: true }
    // The sampler does not know every keyword (Unicode property classes in patterns, x-decimal):
    // what it makes off the schema, by the validator's judgement, is not sent as a valid request.
    return { value, valid: isValid(schema, value) }
  })
  const valid = sample.map(({ value }) => value)
  const json = (mutation: string | undefined) => (value: unknown) => ({ body: JSON.stringify(value) ?? 'null', mutation })
  const required: string[] = schema.required ?? []
  return fc.oneof(
    { weight: 4, arbitrary: sample.map(({ value, valid: ok }) => json(ok ? undefined : 'sampled off its schema')(value)) },
    { weight: 1, arbitrary: fc.tuple(valid, fc.nat()).map(([v, i]) => (required.length === 0 || typeof v !== 'object' || v === null ? v : Object.fromEntries(Object.entries(v).filter(([k]) => k !== required[i % required.length])))).map(json('required field dropped')) },
    { weight: 1, arbitrary: fc.tuple(valid, fc.string({ minLength: 1, maxLength: 12 }), weirdValue).map(([v, k, w]) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? { ...v, [`x${k}`]: w } : [v, w])).map(json('unknown field')) },
    { weight: 3, arbitrary: fc.tuple(valid, fc.nat(), weirdValue).map(([v, i, w]) => { const paths = pathsOf(v); return setAt(v, paths[i % paths.length]!, w) }).map(json('a value made wrong')) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(json('any JSON')) },
    { weight: 1, arbitrary: fc.constantFrom('{', '[1,', '', '{"a":1}}', 'nul', '\u0000').map((body) => ({ body, mutation: 'not JSON' })) },
  )
}

function parameterValue(parameter: Parameter, ids: KnownIds): fc.Arbitrary<{ value: string; mutation: string | undefined }> {
  const known = ids.get(parameter.name) ?? []
  // The sampler ignores lookaheads in patterns: what it makes is valid only if it matches the whole pattern.
  const pattern = typeof parameter.schema.pattern === 'string' ? new RegExp(parameter.schema.pattern, 'u') : undefined
  // Patterns cannot say which days a month has: a value naming 31 November is as wrong as one off its pattern.
  const judged = (value: string) => ({
    value,
    mutation: pattern !== undefined && !pattern.test(value) ? `${parameter.name} off its pattern` : hasImpossibleDate(value) ? `${parameter.name} names a day the calendar lacks` : undefined,
  })
  const valid = sampled(parameter.schema).map((v) => judged(typeof v === 'string' ? v : JSON.stringify(v)))
  const arbitraries = [
    { weight: 3, arbitrary: valid },
    { weight: 1, arbitrary: fc.constantFrom(...WEIRD_STRINGS.filter((s) => s.length < 300), '-1', '0', '1.5', '01', '99999999999999999999', 'abc').map((value) => ({ value, mutation: `${parameter.name} made wrong` })) },
  ]
  if (known.length > 0) arbitraries.push({ weight: 4, arbitrary: fc.constantFrom(...known).map((id) => ({ value: String(id), mutation: undefined })) })
  // Filters written in the syntax the descriptions give, on any parameter that is a plain string.
  if (parameter.in === 'query' && parameter.schema.type === 'string' && parameter.schema.enum === undefined) {
    arbitraries.push({ weight: 2, arbitrary: fc.constantFrom('in:1,2', 'like:a', 'like:a%', 'lt:2024-01-01', 'gt:2024-01-01T00:00:00Z', 'gtn:2024-01-01', 'id', '-id', 'id,name').map(judged) })
  }
  return fc.oneof(...arbitraries)
}

function hasImpossibleDate(value: string): boolean {
  return [...value.matchAll(/\d{4}-\d{2}-\d{2}/g)].some(([date]) => !isRealDate(date))
}

/** Query or path parameters: the required ones, optional ones at random, sometimes one left out or one unknown. */
function parametersFor(parameters: Parameter[], ids: KnownIds) {
  const entries = parameters.map((p) => fc.tuple(fc.constant(p), parameterValue(p, ids), fc.boolean()))
  return fc.tuple(fc.tuple(...entries), fc.constantFrom<string | undefined>(undefined, undefined, undefined, undefined, 'drop', 'unknown')).map(([values, extra]) => {
    const result: Record<string, string> = {}
    const mutations: string[] = []
    for (const [p, { value, mutation }, include] of values) {
      if (!p.required && !include) continue
      result[p.name] = value
      if (mutation !== undefined) mutations.push(mutation)
    }
    const required = parameters.filter((p) => p.required && p.in !== 'path')
    if (extra === 'drop' && required.length > 0) {
      delete result[required[0]!.name]
      mutations.push(`${required[0]!.name} left out`)
    }
    if (extra === 'unknown' && parameters.every((p) => p.in !== 'path')) {
      result.unknownParameter = '1'
      mutations.push('unknown parameter')
    }
    return { values: result, mutations }
  })
}

/** Lone surrogates cannot be percent-encoded; a client sends U+FFFD instead. */
function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
}

export function requestFor(op: Operation, ids: KnownIds): fc.Arbitrary<FuzzRequest> {
  const media = Object.keys(op.requestBody ?? {})
  const body = media.length === 0 ? fc.constant(undefined) : fc.constantFrom(...media).chain((type) => bodyFor(op.requestBody![type]!.schema, ids).map((b) => ({ ...b, type })))
  const header = (name: string, values: Array<[string | undefined, string | undefined]>) =>
    op.parameters.some((p) => p.in === 'header' && p.name === name) ? fc.constantFrom(...values) : fc.constant<[string | undefined, string | undefined]>([undefined, undefined])
  return fc
    .record({
      path: parametersFor(op.parameters.filter((p) => p.in === 'path'), ids),
      query: parametersFor(op.parameters.filter((p) => p.in === 'query'), ids),
      body,
      token: fc.constantFrom<FuzzRequest['token']>('valid', 'valid', 'valid', 'valid', 'valid', 'none', 'garbage'),
      accept: fc.constantFrom<[string | undefined, string | undefined]>([undefined, undefined], ['application/json', undefined], ['*/*', undefined], ['text/html', 'Accept rules out JSON']),
      contentType: fc.constantFrom<string | undefined>(undefined, undefined, undefined, undefined, 'text/plain'),
      ifMatch: header('If-Match', [[undefined, undefined], ['"1"', undefined], ['*', undefined], ['W/"1"', undefined], ['garbage', undefined]]),
      key: op.parameters.some((p) => p.in === 'header' && p.name === 'Idempotency-Key')
        ? fc.oneof(
            fc.constant<[string | undefined, string | undefined]>([undefined, undefined]),
            fc.uuid().map((key): [string, undefined] => [key, undefined]),
            fc.constantFrom<[string, string]>(['', 'empty key'], ['k'.repeat(300), 'long key'], ['clé', 'non-ASCII key']),
          )
        : fc.constant<[string | undefined, string | undefined]>([undefined, undefined]),
    })
    .map((r) => {
      const headers: Record<string, string> = {}
      const mutations = [...r.path.mutations, ...r.query.mutations]
      for (const [name, [value, mutation]] of [['accept', r.accept], ['if-match', r.ifMatch], ['idempotency-key', r.key]] as const) {
        if (value !== undefined) headers[name] = value
        if (mutation !== undefined) mutations.push(mutation)
      }
      let contentType = r.body?.type
      if (r.body !== undefined && r.contentType !== undefined) {
        contentType = r.contentType
        mutations.push('Content-Type not taken')
      }
      if (r.body?.mutation !== undefined) mutations.push(r.body.mutation)
      if (op.needsToken && r.token !== 'valid') mutations.push(`token ${r.token}`)
      const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(wellFormed(r.path.values[name] ?? '')))
      return { method: op.method, path, query: r.query.values, headers, body: r.body?.body, contentType, token: r.token, mutation: mutations.length > 0 ? mutations.join('; ') : undefined }
    })
}
