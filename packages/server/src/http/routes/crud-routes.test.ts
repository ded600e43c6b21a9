import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import Fastify, { type FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { Actor } from '../../auth/actor.ts'
import { idField } from '../../resources/common-fields.ts'
import { field } from '../../resources/fields.ts'
import type { PatchRequest } from '../../resources/patch.ts'
import { describeResource } from '../../resources/resource.ts'
import { installContract } from '../contract.ts'
import { crudRoutes } from './crud-routes.ts'

const actor: Actor = { userId: 1, brandId: 1, username: 'u', permissions: new Set(['things:read', 'things:write']), contractOwnerId: null }
const thing = describeResource({ id: idField(), name: field(Type.String(), { column: 'name' }) }, { noun: 'Thing' })

describe('crudRoutes: the PATCH formats an operation takes', () => {
  let app: FastifyInstance
  const patches: PatchRequest[] = []
  before(async () => {
    app = Fastify()
    const contract = installContract(app, {
      authenticate: async () => actor,
      classifyError: () => undefined,
      idempotency: { claim: () => assert.fail('no key sent'), complete: async () => {}, release: async () => {} },
    })
    const stored = { resource: { id: 1, name: 'a' }, version: 2, row: {} }
    const useCases = {
      list: async () => ({ page: 1, items: [], hasNext: false }),
      get: async () => stored,
      update: async (_actor: Actor, _id: number, patch: PatchRequest) => {
        patches.push(patch)
        return stored
      },
    }
    const base = { param: 'thingId', sdkType: 'Thing', resource: thing, permissions: { read: 'things:read', write: 'things:write' } as const, useCases }
    crudRoutes(app, { ...base, path: '/v1/things', tag: 'things', operations: { list: 'getThings', get: 'getThing', update: 'updateThing' }, patchFormats: ['json-patch'] })
    crudRoutes(app, { ...base, path: '/v1/both', tag: 'both', operations: { list: 'getBoth', get: 'getOne', update: 'updateOne' } })
    contract.finish()
    await app.ready()
  })
  after(() => app.close())

  const patch = (url: string, type: string, payload: string) => app.inject({ method: 'PATCH', url, headers: { authorization: 'Bearer t', 'content-type': type }, payload })

  it('takes JSON Patch only when asked: a merge patch is 415', async () => {
    const json = await patch('/v1/things/1', 'application/json-patch+json', '[{"op":"replace","path":"/name","value":"b"}]')
    assert.equal(json.statusCode, 200, json.body)
    assert.equal(patches.at(-1)?.format, 'json-patch')
    const merge = await patch('/v1/things/1', 'application/merge-patch+json', '{"name":"b"}')
    assert.equal(merge.statusCode, 415, merge.body)
    assert.equal(merge.json().code, 'unsupported_media_type')
    assert.equal(patches.length, 1, 'the use case never saw the merge patch')
  })

  it('takes both by default', async () => {
    assert.equal((await patch('/v1/both/1', 'application/merge-patch+json', '{"name":"b"}')).statusCode, 200)
    assert.equal(patches.at(-1)?.format, 'merge-patch')
  })
})
