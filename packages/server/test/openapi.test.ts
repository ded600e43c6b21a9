import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, describe, it } from 'node:test'
import { ERROR_CATALOGUE } from '../src/errors.ts'
import { startTestServer, type TestServer } from './helpers/server.ts'

describe('the published contract', () => {
  let server: TestServer
  before(async () => {
    server = await startTestServer()
  })
  after(() => server.close())

  it('serves an OpenAPI document with every operation, its parameters and its error responses', async () => {
    const response = await server.request('GET', '/openapi.json')
    assert.equal(response.status, 200)
    const document = response.body
    assert.equal(document.openapi, '3.1.0')
    assert.ok(document.components.schemas.ErrorBody)
    const operations = Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method, op })),
    )
    assert.ok(operations.some((o) => o.path === '/v1/user-roles' && o.method === 'get'))
    for (const { path, op } of operations) {
      assert.ok(op.operationId, `${path} has an operationId`)
      assert.ok(op.responses['500'], `${path} documents 500`)
      if (path.startsWith('/v1/') && path !== '/v1/authenticate') assert.ok(op.responses['401'] && op.responses['403'], `${path} documents 401 and 403`)
    }
    for (const { path, op } of operations) {
      for (const [status, response] of Object.entries(op.responses as Record<string, any>)) {
        assert.ok(response.headers?.['X-Request-Id'], `${path} ${status} documents X-Request-Id`)
      }
    }
    const create = document.paths['/v1/customers'].post.responses
    assert.deepEqual(Object.keys(create['201'].headers).sort(), ['ETag', 'Idempotent-Replayed', 'Location', 'X-Request-Id'])
    assert.ok(create['401'].headers['WWW-Authenticate'])
    assert.ok(document.paths['/v1/customers'].get.responses['200'].headers.Link)
    assert.ok(document.paths['/v1/customers/{customerId}'].patch.responses['200'].headers.ETag)
    const list = document.paths['/v1/user-roles'].get
    assert.deepEqual(list.parameters.filter((p: any) => p.required).map((p: any) => p.name).sort(), ['page', 'pageSize'])
  })

  it('keeps the committed openapi.json in step with the code', async () => {
    const committed = JSON.parse(await readFile(new URL('../openapi.json', import.meta.url), 'utf8'))
    const served = (await server.request('GET', '/openapi.json')).body
    assert.deepEqual(served, committed, 'run `npm run openapi` and commit openapi.json')
  })

  it('documents every error code of the catalogue in docs/errors.md, and no other', async () => {
    const docs = await readFile(new URL('../../../docs/errors.md', import.meta.url), 'utf8')
    const documented = new Set([...docs.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]))
    assert.deepEqual([...documented].sort(), Object.keys(ERROR_CATALOGUE).sort())
  })
})
