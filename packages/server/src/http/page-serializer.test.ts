import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fastJsonStringify from 'fast-json-stringify'
import { Type } from 'typebox'
import { JsonText } from '../resources/json-text.ts'
import { pageSerializer } from './page-serializer.ts'

const Rate = Type.Object({ id: Type.Integer(), price: Type.Number(), note: Type.Optional(Type.String()) })
const Card = Type.Object({ id: Type.Integer(), name: Type.String(), ownerIds: Type.Array(Type.Integer()), rates: Type.Optional(Type.Array(Rate)), tail: Type.Optional(Type.String()) })
const compiled = fastJsonStringify(Type.Array(Type.Partial(Card)))
const serializer = pageSerializer(Card)!

describe('a list page with child rows PostgreSQL wrote', () => {
  it('sends the child JSON as written, in its place, and the rest as the route would', () => {
    const rates = [[{ id: 1, price: 0.5 }], [], [{ id: 2, price: 12.25, note: 'a "quoted", \u00e9 note' }, { id: 3, price: -1 }]]
    const page = () => rates.map((r, i) => ({ id: i + 1, name: `card "${i}"`, ownerIds: [i], rates: r, tail: i === 1 ? 'last' : undefined }))
    const asText = page().map((item) => ({ ...item, rates: new JsonText(JSON.stringify(item.rates)) }))
    assert.equal(serializer.applies(asText), true)
    const sent = serializer.serialize(asText)
    assert.equal(sent, compiled(page()))
    assert.deepEqual(JSON.parse(sent), JSON.parse(JSON.stringify(page())))
  })

  it('serialises child arrays that are not JSON text with their own schema, the same as the route', () => {
    const items = () => [{ id: 1, name: 'a', ownerIds: [], rates: [{ id: 1, price: 2, extra: 'dropped' }] }, { id: 2, name: 'b', ownerIds: [] }]
    assert.equal(serializer.applies(items()), false)
    assert.equal(serializer.serialize(items()), compiled(items()))
  })

  it('is not made for items without child arrays (arrays of numbers are not children)', () => {
    assert.equal(pageSerializer(Type.Object({ id: Type.Integer(), ownerIds: Type.Array(Type.Integer()) })), undefined)
  })

  it('keeps a field whose text looks like a marker apart from the markers', () => {
    // No string from PostgreSQL holds a NUL; a backslash-u text is escaped, so it cannot pose as one.
    const items = [{ id: 1, name: '"\\u0000"', ownerIds: [], rates: new JsonText('[{"id":7,"price":1}]') }]
    assert.deepEqual(JSON.parse(serializer.serialize(items)), [{ id: 1, name: '"\\u0000"', ownerIds: [], rates: [{ id: 7, price: 1 }] }])
  })
})
