import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { project } from './list-query.ts'

describe('project (fields=)', () => {
  const items = [
    { id: 1, name: 'Broadband', price: 10, details: null },
    { id: 2, name: 'Line', tags: [] as string[] },
  ]

  it('keeps the requested fields only, in the order each item has them, and what an item lacks stays out', () => {
    const projected = project(items, ['price', 'tags', 'id'])
    assert.deepEqual(projected, [{ id: 1, price: 10 }, { id: 2, tags: [] }])
    assert.deepEqual(Object.keys(projected[0]!), ['id', 'price'])
    assert.equal(JSON.stringify(project(items, ['details'])), '[{"details":null},{}]')
  })

  it('answers the items themselves without fields', () => {
    assert.equal(project(items, undefined), items)
  })
})
