import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Type } from 'typebox'
import { listQuerySchema, parseConditions } from '../lists/list-query.ts'
import { bodyValidator } from '../validation.ts'
import { idField } from './common-fields.ts'
import { field, type CreateOf } from './fields.ts'
import { describeResource } from './resource.ts'
import { StringEnum } from './schemas.ts'

const fields = {
  id: idField(),
  name: field(Type.String({ minLength: 1 }), { column: 'name' }),
  // One flag with a column of its own, one kept in details: both off unless asked for.
  active: field(Type.Boolean(), { column: 'active', default: false }),
  alerts: field(Type.Boolean(), { default: true }),
  note: field(Type.String(), { optional: true }),
}
const resource = describeResource(fields, { noun: 'Thing' })

describe('a field with a default', () => {
  it('may be left out of a create (in the schema and the type)', () => {
    const body: CreateOf<typeof fields> = { name: 'x' }
    assert.deepEqual(bodyValidator(resource.createBody)(body), [])
    assert.deepEqual(resource.createBody.required, ['name'])
  })

  it('is stored with its default when left out, and as given otherwise', () => {
    assert.deepEqual(resource.toRow({ name: 'x' }), { name: 'x', active: false, details: { alerts: true } })
    assert.deepEqual(resource.toRow({ name: 'x', active: true, alerts: false, note: 'n' }), { name: 'x', active: true, details: { alerts: false, note: 'n' } })
  })

  it('is always answered', () => {
    assert.deepEqual(resource.schema.required, ['id', 'name', 'active', 'alerts'])
    assert.deepEqual(resource.toApi({ id: 1, name: 'x', active: false, details: { alerts: true } }), { id: 1, name: 'x', active: false, alerts: true })
  })
})

describe('an enum filter', () => {
  const levels = describeResource(
    { id: idField(), level: field(StringEnum(['SITE', 'CUSTOMER'] as const), { column: 'entity_level', filter: 'enum', sortable: true }) },
    { noun: 'Level' },
  )

  it('takes exactly one of the field’s values, as the query schema says', () => {
    assert.deepEqual(levels.list.columns.level, { column: 'entity_level', filter: 'string', values: ['SITE', 'CUSTOMER'], sortable: true, param: undefined })
    const parameter = listQuerySchema(levels.list).properties.level as { enum?: unknown }
    assert.deepEqual(parameter.enum, ['SITE', 'CUSTOMER'])
    assert.deepEqual(parseConditions({ level: 'SITE' }, levels.list), [{ column: 'entity_level', operator: '=', value: 'SITE' }])
  })

  it('needs a field whose schema lists string values', () => {
    assert.throws(() => describeResource({ id: idField(), name: field(Type.String(), { column: 'name', filter: 'enum' }) }, { noun: 'X' }), /enum filter needs/)
  })
})

describe('a folded name', () => {
  const named = describeResource({ id: idField(), name: field(Type.String(), { column: 'name', filter: 'string', folded: true }) }, { noun: 'Named' })

  it('is matched by like: through its stored lower case (contains, or a pattern); its other operators keep the column', () => {
    assert.deepEqual(parseConditions({ name: 'like:A_b' }, named.list), [{ column: 'name_folded', operator: 'like lower', value: '%A\\_b%' }])
    assert.deepEqual(parseConditions({ name: 'like:A_b%' }, named.list), [{ column: 'name_folded', operator: 'like lower', value: 'A_b%' }])
    assert.deepEqual(parseConditions({ name: 'Ab' }, named.list), [{ column: 'name', operator: '=', value: 'Ab' }])
    assert.deepEqual(parseConditions({ name: 'in:Ab,c' }, named.list), [{ column: 'name', operator: 'in', value: ['Ab', 'c'] }])
  })

  it('needs a string filter', () => {
    assert.throws(() => describeResource({ id: idField(), n: field(Type.Number(), { column: 'n', filter: 'number', folded: true }) }, { noun: 'X' }), /only a string filter/)
  })
})
