import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { compileOnly } from '../db/compile-only.ts'
import { whereConditions } from '../lists/apply.ts'
import type { Condition } from '../lists/filters.ts'
import { childConditions, childRowsJson, type ChildRows } from './children.ts'

// Compiles only: no database behind it.
const db = compileOnly()
const accounts: ChildRows = { table: 'accounts', parentColumn: 'parent_id', fields: { id: 'id', accountNumber: 'account_number', note: 'note' }, nullable: ['note'] }
const oneLine = (text: string) => text.replace(/\s+/g, ' ')

describe('child rows', () => {
  it('are selected in the parent’s query as JSON text, joined on the brand and the parent id, each nullable field’s nulls removed', () => {
    const query = db.selectFrom('parents').select(['id', childRowsJson(accounts).text('parents').as('accounts')]).compile()
    assert.equal(
      oneLine(query.sql),
      'select "id", coalesce(replace((select json_agg(row_to_json(x)) from (select "c"."id" as "id", "c"."account_number" as "accountNumber", "c"."note" as "note" from "accounts" as c where c.brand_id = "parents"."brand_id" and "c"."parent_id" = "parents"."id" order by c.id) as x)::text, \',"note":null\', \'\'), \'[]\') as "accounts" from "parents"',
    )
    assert.deepEqual(query.parameters, [])
  })

  it('refuse a nullable first field, whose null has no comma before it to remove', () => {
    assert.throws(() => childRowsJson({ ...accounts, fields: { note: 'note', id: 'id' } }), /first field \(note\) cannot be nullable/)
  })

  it('turn the list’s filters on children into one condition on the parent id, values as parameters', () => {
    const conditions: Condition[] = [
      { column: 'name', operator: '=', value: 'Acme' },
      { column: 'accounts.account_number', operator: 'ilike', value: '%12%' },
      { column: 'accounts.id', operator: 'in', value: [4, 5] },
    ]
    const converted = childConditions(accounts, conditions)
    assert.deepEqual(converted.map((c) => `${c.column} ${c.operator}`), ['name =', 'id in'])
    const query = whereConditions(db.selectFrom('parents').select('id'), converted).compile()
    assert.equal(
      oneLine(query.sql),
      'select "id" from "parents" where "name" = $1 and "id" in (select "c"."parent_id" from "accounts" as c where "c"."account_number" ilike $2 and "c"."id" = any($3))',
    )
    assert.deepEqual(query.parameters, ['Acme', '%12%', [4, 5]])
  })

  it('leave conditions alone when none is on the children', () => {
    const conditions: Condition[] = [{ column: 'name', operator: '=', value: 'Acme' }]
    assert.deepEqual(childConditions(accounts, conditions), conditions)
  })
})
