import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { RawBuilder } from 'kysely'
import { compileOnly } from '../db/compile-only.ts'
import { Type } from 'typebox'
import { bodyValidator } from '../validation.ts'
import { idField } from './common-fields.ts'
import { field } from './fields.ts'
import type { AppError } from '../errors.ts'
import { expectIds, idListConditions, idListField, MAX_LISTED_IDS } from './id-lists.ts'
import { ReferenceErrors } from './references.ts'
import { describeResource } from './resource.ts'

const resource = describeResource(
  { id: idField(), name: field(Type.String(), { column: 'name' }), ownerIds: idListField('owner_ids', 'Owners') },
  { noun: 'Template' },
)

describe('a list of ids', () => {
  it('is stored as given, or empty when a write leaves it out; always answered', () => {
    assert.deepEqual(resource.toRow({ name: 'x', ownerIds: [3, 1] }), { name: 'x', owner_ids: [3, 1] })
    assert.deepEqual(resource.toRow({ name: 'x' }), { name: 'x', owner_ids: [] })
    assert.deepEqual(resource.createBody.required, ['name'])
    assert.deepEqual(resource.schema.required, ['id', 'name', 'ownerIds'])
  })

  it('answers bigint[] text as numbers, in the stored order', () => {
    assert.deepEqual(resource.toApi({ id: 1, name: 'x', owner_ids: ['12', '3'] }), { id: 1, name: 'x', ownerIds: [12, 3] })
  })

  it('takes distinct ids only, bounded', () => {
    const validate = bodyValidator(resource.createBody)
    assert.deepEqual(validate({ name: 'x', ownerIds: [1, 2] }), [])
    assert.deepEqual(validate({ name: 'x', ownerIds: [1, 1] }).map((e) => `${e.field}:${e.code}`), ['ownerIds:duplicate_items'])
    assert.deepEqual(validate({ name: 'x', ownerIds: [0, 'a'] }).map((e) => `${e.field}:${e.code}`), ['ownerIds[0]:out_of_range', 'ownerIds[1]:invalid_type'])
    const tooMany = Array.from({ length: MAX_LISTED_IDS + 1 }, (_, i) => i + 1)
    assert.deepEqual(validate({ name: 'x', ownerIds: tooMany }).map((e) => `${e.field}:${e.code}`), ['ownerIds:too_many'])
  })
})

describe('expectIds', () => {
  it('names every id the owning module did not find (found as bigint text or numbers), in one error on the field', () => {
    const references = new ReferenceErrors()
    expectIds([4, 7, 9], ['7'], references, 'ownerIds', 'contract owner')
    assert.throws(() => references.throwIfAny(), (error: AppError) => {
      assert.equal(error.code, 'invalid_reference')
      assert.deepEqual(error.errors, [{ field: 'ownerIds', code: 'invalid_reference', message: '4, 9: no such contract owner in the brand' }])
      return true
    })
  })

  it('adds nothing when every id was found, or there were none to find', () => {
    const references = new ReferenceErrors()
    expectIds([3, 5], [5, '3'], references, 'ownerIds', 'owner')
    expectIds([], undefined, references, 'ownerIds', 'owner')
    expectIds(undefined, [], references, 'ownerIds', 'owner')
    references.throwIfAny()
  })
})

/** The SQL and parameters of a raw builder, compiled for PostgreSQL. */
const compiled = (value: unknown) => {
  const query = (value as RawBuilder<unknown>).compile(compileOnly())
  return { sql: query.sql, parameters: query.parameters }
}

describe('a filter on a list of ids', () => {
  it('matches a list that holds the id, or any of the in: ids; leaves other conditions alone', () => {
    const other = { column: 'name', operator: '=' as const, value: 'x' }
    const [holds, untouched] = idListConditions('owner_ids', [{ column: 'owner_ids', operator: '=', value: 5 }, other])
    assert.deepEqual([holds!.operator, untouched], ['@>', other])
    assert.deepEqual(compiled(holds!.value), { sql: '$1::bigint[]', parameters: [[5]] })
    const [any] = idListConditions('owner_ids', [{ column: 'owner_ids', operator: 'in', value: [5, 6] }])
    assert.equal(any!.operator, '&&')
    assert.deepEqual(compiled(any!.value), { sql: '$1::bigint[]', parameters: [[5, 6]] })
  })
})
