import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify'
import { Type } from 'typebox'
import type { Actor } from '../../auth/actor.ts'
import { AppError } from '../../errors.ts'
import type { ListSpec } from '../../lists/list-query.ts'
import { installContract } from '../contract.ts'
import { idParams } from './crud-routes.ts'
import { existsRoute, listRoute } from './list-routes.ts'
import { createRoute } from './write-routes.ts'

const actor: Actor = { userId: 1, brandId: 1, username: 'u', permissions: new Set(['things:read', 'things:write']), contractOwnerId: null }
const Thing = Type.Object({ id: Type.Integer(), parentId: Type.Integer(), name: Type.String() }, { additionalProperties: false })
const list: ListSpec = { fields: ['id', 'parentId', 'name'], columns: { name: { column: 'name', filter: 'string' } }, tiebreaker: 'id' }
const PARENT = 5
const path = '/v1/parents/:parentId/things'
const op = { tag: 'things', path, summary: 's' }

/** The use cases see the parent's id, typed; a parent that is not there is their 404. */
function parent(params: { parentId: number }): number {
  if (params.parentId !== PARENT) throw new AppError('not_found', { message: `Parent ${params.parentId} was not found` })
  return params.parentId
}

describe('route helpers for a collection under a parent', () => {
  let app: FastifyInstance
  const routes: RouteOptions[] = []
  before(async () => {
    app = Fastify()
    const contract = installContract(app, {
      authenticate: async () => actor,
      classifyError: () => undefined,
      idempotency: { claim: () => assert.fail('no key sent'), complete: async () => {}, release: async () => {} },
    })
    app.addHook('onRoute', (route) => void routes.push(route))
    const params = idParams('parentId')
    listRoute(app, { ...op, operationId: 'getThings', permission: 'things:read', list, item: Thing, params, head: false, handler: async (_a, request, p) => ({ page: request.page, hasNext: false, items: [{ id: 1, parentId: parent(p), name: 'a' }] }) })
    existsRoute(app, { ...op, operationId: 'checkThings', permission: 'things:read', list, params, handler: async (_a, conditions, p) => parent(p) === PARENT && conditions.length === 1 })
    createRoute(app, { ...op, operationId: 'createThing', permission: 'things:write', params, itemsPath: '/v1/things', body: Type.Object({ name: Type.String() }), response: Thing, handler: async (_a, body, p) => ({ resource: { id: 9, parentId: parent(p), name: body.name }, version: 1 }) })
    contract.finish()
    await app.ready()
  })
  after(() => app.close())

  const send = (method: 'GET' | 'HEAD' | 'POST', url: string, payload?: unknown) =>
    app.inject({ method, url, headers: { authorization: 'Bearer t', ...(payload === undefined ? {} : { 'content-type': 'application/json' }) }, payload: payload === undefined ? undefined : JSON.stringify(payload) })

  it('hands the parent id, as a number, to the list, the exists-check and the create', async () => {
    const listed = await send('GET', `/v1/parents/${PARENT}/things?page=1&pageSize=5`)
    assert.equal(listed.statusCode, 200, listed.body)
    assert.deepEqual(listed.json(), [{ id: 1, parentId: PARENT, name: 'a' }])
    assert.equal((await send('HEAD', `/v1/parents/${PARENT}/things?name=a`)).statusCode, 200)
    const created = await send('POST', `/v1/parents/${PARENT}/things`, { name: 'b' })
    assert.equal(created.statusCode, 201, created.body)
    assert.equal(created.headers.location, '/v1/things/9', 'the item lives at its own path')
  })

  it('answers 404 for a parent that is not there, and 400 for a parent id that is not one', async () => {
    for (const [method, payload] of [['GET', undefined], ['POST', { name: 'b' }]] as const) {
      const missing = await send(method, `/v1/parents/6/things${method === 'GET' ? '?page=1&pageSize=5' : ''}`, payload)
      assert.equal(missing.statusCode, 404)
      assert.equal(missing.json().code, 'not_found')
      const bad = await send(method, `/v1/parents/x/things${method === 'GET' ? '?page=1&pageSize=5' : ''}`, payload)
      assert.equal(bad.statusCode, 400)
      assert.equal(bad.json().code, 'invalid_path_parameter')
    }
    assert.equal((await send('HEAD', '/v1/parents/6/things')).statusCode, 404)
  })

  it('documents the path parameter and the 404 of each operation', () => {
    for (const method of ['GET', 'HEAD', 'POST']) {
      const route = routes.find((r) => r.method === method && r.url === path)
      const schema = route?.schema as { params?: unknown; response: Record<string, unknown> } | undefined
      assert.ok(schema?.params !== undefined, `${method} declares its params`)
      assert.ok(schema.response['404'] !== undefined, `${method} documents 404`)
    }
  })
})
