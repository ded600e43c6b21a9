import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Type } from 'typebox'
import { validationMessage } from './errors.ts'
import { compileValidator, fieldPath, MAX_FIELD_ERRORS, toFieldErrors } from './validation.ts'

function errorsFor(schema: object, value: unknown, httpPart: 'body' | 'querystring' = 'body') {
  const validate = compileValidator(schema, httpPart)
  assert.equal(validate(value), false)
  return toFieldErrors(validate.errors ?? [], httpPart)
}

describe('validation errors', () => {
  it('writes JSON pointers as dotted paths with indexes', () => {
    assert.equal(fieldPath('/sites/0/siteAddress/postcode'), 'sites[0].siteAddress.postcode')
    assert.equal(fieldPath('', 'customerName'), 'customerName')
    assert.equal(fieldPath('/a~1b/c~0d'), 'a/b.c~d')
    assert.equal(fieldPath('/contacts/12', 'email'), 'contacts[12].email')
  })

  it('reports every problem of a nested body', () => {
    const Site = Type.Object({ postcode: Type.String({ minLength: 1 }), country: Type.String({ maxLength: 2 }) }, { additionalProperties: false })
    const schema = Type.Object({ name: Type.String({ minLength: 1 }), sites: Type.Array(Site, { minItems: 1 }), startDate: Type.String({ format: 'date' }) }, { additionalProperties: false })
    const errors = errorsFor(schema, { name: '', sites: [{ postcode: '', country: 'GBR', extra: 1 }], startDate: '24/08/2019' })
    assert.deepEqual(
      errors.map((e) => `${e.field}:${e.code}:${e.message}`).sort(),
      [
        'name:too_short:must not be empty',
        'sites[0].country:too_long:must be at most 2 characters long',
        'sites[0].extra:unknown_field:is not a known field',
        'sites[0].postcode:too_short:must not be empty',
        'startDate:invalid_format:must be a date (yyyy-MM-dd)',
      ],
    )
  })

  it('compiles equal schemas of a request part once', () => {
    const body = compileValidator(Type.Object({ n: Type.Integer() }), 'body')
    assert.equal(compileValidator(Type.Object({ n: Type.Integer() }), 'body'), body)
    assert.notEqual(compileValidator(Type.Object({ n: Type.Integer() }), 'querystring'), body)
    assert.notEqual(compileValidator(Type.Object({ n: Type.Integer({ minimum: 1 }) }), 'body'), body)
    assert.equal(compileValidator(Type.Object({ n: Type.Integer() }), 'params'), compileValidator(Type.Object({ n: Type.Integer() }), 'querystring'))
  })

  it('does not coerce body types, but coerces query strings', () => {
    const schema = Type.Object({ n: Type.Integer() })
    assert.deepEqual(errorsFor(schema, { n: '5' }).map((e) => e.code), ['invalid_type'])
    const validate = compileValidator(schema, 'querystring')
    const query = { n: '5' }
    assert.equal(validate(query), true)
    assert.deepEqual(query, { n: 5 })
  })

  it('collapses a union’s branch errors into one', () => {
    const schema = Type.Object({ v: Type.Union([Type.String(), Type.Integer()]) })
    assert.deepEqual(errorsFor(schema, { v: true }).map((e) => `${e.field}:${e.code}`), ['v:invalid_value'])
  })

  it('bounds the number of errors', () => {
    const properties = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`f${i}`, Type.String()]))
    const errors = errorsFor(Type.Object(properties), {})
    assert.equal(errors.length, MAX_FIELD_ERRORS)
  })

  it('phrases one or several errors as the guide does', () => {
    const one = [{ field: 'customerName', code: 'too_short', message: 'must not be empty' }]
    assert.equal(validationMessage(one, 'body'), "Validation failed for field 'customerName': must not be empty")
    const two = [...one, { field: 'startDate', code: 'invalid_format', message: 'must be a date (yyyy-MM-dd)' }]
    assert.equal(
      validationMessage(two, 'body'),
      "Validation failed for 2 fields: 'customerName' must not be empty; 'startDate' must be a date (yyyy-MM-dd)",
    )
    assert.equal(validationMessage([{ field: 'page', code: 'required', message: 'is required' }], 'querystring'), "Validation failed for query parameter 'page': is required")
  })

  it('takes format: email as the document’s readers do: a one-label host is an address', () => {
    const validate = compileValidator(Type.Object({ email: Type.String({ format: 'email' }) }), 'body')
    for (const email of ['0@com', 'ada@example.com', "o'neil+tag@mail.example.co.uk", 'A.B-C@x-y.z']) assert.ok(validate({ email }), email)
    for (const email of ['not-an-email', 'a b@example.com', 'a@-example.com', 'a@example..com', '@example.com', 'a@']) assert.ok(!validate({ email }), email)
  })
})
