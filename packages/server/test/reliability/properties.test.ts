import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { Type } from 'typebox'
import { AppError, validationMessage, type FieldError } from '../../src/errors.ts'
import { parseFilter } from '../../src/lists/filters.ts'
import { applyPatchRequest, type PatchRequest } from '../../src/resources/patch.ts'
import { compileValidator, MAX_FIELD_ERRORS, toFieldErrors } from '../../src/validation.ts'

/** Properties of the pure parts every request meets: filters, patches, validation messages. */
const RUNS = { numRuns: Number(process.env.ELEVATE_PROPERTY_RUNS ?? 500) }

const FILTER_TYPES = ['string', 'id', 'number', 'date', 'datetime', 'boolean'] as const
const day = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))

describe('the filter parser', () => {
  it('gives a condition on its column or a reason, for any text and type', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom(...FILTER_TYPES), (raw, type) => {
        const result = parseFilter(raw, type, 'col')
        assert.ok(typeof result === 'string' ? result.length > 0 : result.column === 'col')
      }),
      RUNS,
    )
  })

  it('reads any positive id, alone or in an in: list, and nothing else as an id', () => {
    const id = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })
    fc.assert(fc.property(id, (n) => assert.deepEqual(parseFilter(String(n), 'id', 'c'), { column: 'c', operator: '=', value: n })), RUNS)
    fc.assert(fc.property(fc.array(id, { minLength: 1, maxLength: 20 }), (ids) => assert.deepEqual(parseFilter(`in:${ids.join(',')}`, 'id', 'c'), { column: 'c', operator: 'in', value: ids })), RUNS)
    fc.assert(fc.property(fc.string().filter((s) => !/^[1-9]\d*$/.test(s) && !s.startsWith('in:')), (s) => assert.equal(typeof parseFilter(s, 'id', 'c'), 'string')), RUNS)
    for (const raw of ['0', '01', 'in:1,02', '1e3', ' 1', '9007199254740992']) assert.equal(typeof parseFilter(raw, 'id', 'c'), 'string', raw)
  })

  it('reads every real date with lt:, gt: and gtn:, and takes a string that names no operator as it is', () => {
    const operators = { lt: '<', gt: '>', gtn: '>|null' } as const
    fc.assert(
      fc.property(day, fc.constantFrom('lt', 'gt', 'gtn' as const), (date, prefix) => {
        assert.deepEqual(parseFilter(`${prefix}:${date}`, 'date', 'c'), { column: 'c', operator: operators[prefix], value: date })
      }),
      RUNS,
    )
    fc.assert(
      fc.property(fc.string({ minLength: 1 }).filter((s) => !/^(in|like):/.test(s)), (s) => {
        const result = parseFilter(s, 'string', 'c')
        if (typeof result !== 'string') assert.deepEqual(result, { column: 'c', operator: '=', value: s })
      }),
      RUNS,
    )
  })

  it('says a date the calendar lacks is one, rather than repeating the syntax', () => {
    for (const [raw, type] of [['2026-11-31', 'date'], ['gt:2026-02-30', 'date'], ['5114-11-31T22:57Z', 'datetime'], ['2026-01-01T24:00:00Z', 'datetime']] as const) {
      assert.match(parseFilter(raw, type, 'c') as string, /^names a day or time the calendar lacks/)
    }
    assert.match(parseFilter('2026-1-1', 'date', 'c') as string, /^must be yyyy-MM-dd/)
  })
})

const jsonPatch = (document: unknown): PatchRequest => ({ format: 'json-patch', document, ifMatch: undefined })
const mergePatch = (document: unknown): PatchRequest => ({ format: 'merge-patch', document, ifMatch: undefined })
const key = fc.constantFrom('id', 'name', 'createdDate', 'notes', 'address', 'tags', '~', '/')
const resource = fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { minKeys: 1 })
const pointer = fc.array(fc.oneof(key, fc.nat({ max: 3 }).map(String), fc.constant('-')), { minLength: 1, maxLength: 3 }).map((parts) => `/${parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`)
const operation = fc.record(
  { op: fc.constantFrom('add', 'remove', 'replace', 'move', 'copy', 'test'), path: pointer, from: pointer, value: fc.jsonValue({ maxDepth: 2 }) },
  { requiredKeys: ['op', 'path'] },
)
const READ_ONLY = ['id', 'createdDate']

/** RFC 7396 §2, as written. */
function mergeReference(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch
  const result: Record<string, unknown> = target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {}
  for (const [name, value] of Object.entries(patch)) {
    if (value === null) delete result[name]
    else result[name] = mergeReference(result[name], value)
  }
  return result
}

/** The patch's outcome: the patched document, or the code of the contract error it was refused with. */
function outcome(current: Record<string, unknown>, patch: PatchRequest): Record<string, unknown> | string {
  try {
    return applyPatchRequest(current, patch, READ_ONLY)
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error // anything else would be a 500
  }
}

describe('patches with read-only fields', () => {
  it('any JSON Patch: a patched object that keeps the read-only fields, or a contract error; the resource is never changed in place', () => {
    fc.assert(
      fc.property(resource, fc.array(operation, { maxLength: 5 }), (current, ops) => {
        const before = JSON.stringify(current)
        const result = outcome(current, jsonPatch(ops))
        assert.equal(JSON.stringify(current), before, 'the current resource is untouched')
        if (typeof result === 'string') return assert.ok(['invalid_patch', 'patch_test_failed', 'validation_failed'].includes(result), result)
        for (const field of READ_ONLY) assert.equal(JSON.stringify(result[field]), JSON.stringify(current[field]))
      }),
      RUNS,
    )
  })

  it('any merge patch: RFC 7396’s result, unless it touches a read-only field (400 read_only naming it)', () => {
    fc.assert(
      fc.property(resource, fc.dictionary(key, fc.oneof(fc.constant(null), fc.jsonValue({ maxDepth: 2 }))), (current, patch) => {
        const expected = mergeReference(current, patch) as Record<string, unknown>
        const changed = READ_ONLY.filter((f) => JSON.stringify(expected[f]) !== JSON.stringify(current[f]))
        let errors: FieldError[] = []
        try {
          assert.deepEqual(applyPatchRequest(current, mergePatch(patch), READ_ONLY), expected)
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error
          errors = error.errors ?? []
        }
        assert.deepEqual(errors.map((e) => `${e.field}:${e.code}`), changed.map((f) => `${f}:read_only`))
      }),
      RUNS,
    )
  })

  it('replacing writable fields changes exactly them', () => {
    fc.assert(
      fc.property(resource, fc.dictionary(fc.constantFrom('name', 'notes', 'address', 'tags'), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1 }), (current, changes) => {
        const ops = Object.entries(changes).map(([field, value]) => ({ op: 'add', path: `/${field}`, value }))
        assert.deepEqual(applyPatchRequest(current, jsonPatch(ops), READ_ONLY), { ...current, ...changes })
      }),
      RUNS,
    )
  })
})

describe('validation messages', () => {
  const schema = Type.Object({
    name: Type.String({ minLength: 1, maxLength: 10 }),
    count: Type.Integer({ minimum: 1, maximum: 5 }),
    email: Type.String({ format: 'email' }),
    day: Type.String({ format: 'date' }),
    kind: Type.Union([Type.Literal('A'), Type.Literal('B')]),
    items: Type.Array(Type.Object({ code: Type.String({ minLength: 1 }) }, { additionalProperties: false }), { maxItems: 3 }),
  }, { additionalProperties: false })
  const validate = compileValidator(schema, 'body')

  it('for any invalid body: bounded, one error per field and problem, each with a field, a code and a sentence, all named in the message', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('name', 'count', 'email', 'day', 'kind', 'items', 'extra'), fc.jsonValue({ maxDepth: 3 })), (body) => {
        if (validate(body)) return
        const errors = toFieldErrors(validate.errors ?? [], 'body')
        assert.ok(errors.length >= 1 && errors.length <= MAX_FIELD_ERRORS)
        assert.equal(new Set(errors.map((e) => `${e.field}\u0000${e.code}`)).size, errors.length)
        for (const e of errors) assert.ok(/^[a-z_]+$/.test(e.code) && e.message.length > 0 && !e.message.includes('must NOT'), JSON.stringify(e))
        const message = validationMessage(errors, 'body')
        assert.match(message, errors.length === 1 ? /^Validation failed for field '/ : new RegExp(`^Validation failed for ${errors.length} fields: `))
        for (const e of errors) assert.ok(message.includes(`'${e.field || '(root)'}'`), `${message} names ${e.field}`)
      }),
      RUNS,
    )
  })
})
