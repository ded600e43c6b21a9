import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import Fastify from 'fastify'
import { Type } from 'typebox'
import { sharedSerializers } from './serializers.ts'

const route = (schema: unknown) => ({ method: 'GET', url: '/', httpStatus: '200', schema })

describe('shared response serialisers', () => {
  it('compiles equal schemas once, and different schemas or shared schemas apart', () => {
    const factory = sharedSerializers()
    const compile = factory({ Thing: { $id: 'Thing', type: 'object', properties: { a: { type: 'integer' } } } }, {})
    const one = compile(route(Type.Object({ id: Type.Integer() })))
    assert.equal(compile(route(Type.Object({ id: Type.Integer() }))), one)
    assert.notEqual(compile(route(Type.Object({ id: Type.String() }))), one)
    // Another app with the same shared schemas reuses them; other shared schemas do not.
    assert.equal(sharedSerializers()({ Thing: { $id: 'Thing', type: 'object', properties: { a: { type: 'integer' } } } }, {})(route(Type.Object({ id: Type.Integer() }))), one)
    assert.notEqual(factory({ Thing: { $id: 'Thing', type: 'object', properties: { b: { type: 'integer' } } } }, {})(route(Type.Object({ id: Type.Integer() }))), one)
  })

  it('answers each route by its own schema in an app', async () => {
    const app = Fastify({ schemaController: { compilersFactory: { buildSerializer: sharedSerializers() } } })
    app.addSchema({ $id: 'Body', type: 'object', properties: { message: { type: 'string' } } })
    const payload = { id: 7, name: 'x', message: 'hi', secret: 's' }
    for (const path of ['/a', '/b']) app.get(path, { schema: { response: { 200: Type.Object({ id: Type.Integer(), name: Type.String() }) } } }, async () => payload)
    app.get('/c', { schema: { response: { 200: Type.Object({ id: Type.String() }) } } }, async () => payload)
    app.get('/d', { schema: { response: { 200: Type.Ref('Body') } } }, async () => payload)
    try {
      for (const path of ['/a', '/b']) assert.deepEqual((await app.inject({ url: path })).json(), { id: 7, name: 'x' })
      assert.deepEqual((await app.inject({ url: '/c' })).json(), { id: '7' })
      assert.deepEqual((await app.inject({ url: '/d' })).json(), { message: 'hi' })
    } finally {
      await app.close()
    }
  })
})
