import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { startTestServer, type TestServer } from '../helpers/server.ts'

interface Operation {
  operationId: string
  security?: unknown[]
  parameters?: Array<{ in: string; name: string; required?: boolean }>
  responses: Record<string, { content?: unknown; headers?: Record<string, unknown> }>
}

/** The OpenAPI document agrees with what the server does, operation by operation. */
describe('the OpenAPI document says what the server does', () => {
  let server: TestServer
  let operations: Array<{ method: string; path: string; op: Operation }>
  before(async () => {
    server = await startTestServer()
    const document = (await server.request('GET', '/openapi.json')).body
    operations = Object.entries(document.paths as Record<string, Record<string, Operation>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ method, path, op })),
    )
  })
  after(() => server.close())

  it('marks the operations that need no token with security: [], and they answer without one', async () => {
    const publicOps = operations.filter(({ op }) => Array.isArray(op.security) && op.security.length === 0)
    assert.deepEqual(publicOps.map(({ op }) => op.operationId).sort(), ['createBearerToken', 'createOAuthToken', 'getLiveness', 'getReadiness'])
    for (const { method, path } of publicOps.filter((o) => o.method === 'get')) {
      assert.equal((await server.request(method.toUpperCase(), path)).status, 200, path)
    }
    for (const { path, op } of operations.filter((o) => !publicOps.includes(o))) {
      assert.equal(op.security, undefined, `${path} inherits bearerAuth`)
    }
  })

  it('documents no body for any response to HEAD', () => {
    const heads = operations.filter((o) => o.method === 'head')
    assert.ok(heads.length >= 2)
    for (const { path, op } of heads) {
      for (const [status, response] of Object.entries(op.responses)) assert.equal(response.content, undefined, `HEAD ${path} ${status}`)
    }
  })

  it('declares the optional If-Match header on every PATCH', () => {
    const patches = operations.filter((o) => o.method === 'patch')
    assert.ok(patches.length >= 5)
    for (const { path, op } of patches) {
      const ifMatch = op.parameters?.find((p) => p.in === 'header' && p.name === 'If-Match')
      assert.ok(ifMatch, `PATCH ${path} declares If-Match`)
      assert.notEqual(ifMatch.required, true)
      assert.ok(op.responses['412'], `PATCH ${path} documents 412`)
    }
  })

  it('documents Retry-After on the 409 of every create that takes an Idempotency-Key', () => {
    const creates = operations.filter((o) => o.op.parameters?.some((p) => p.name === 'Idempotency-Key'))
    assert.ok(creates.length >= 5)
    for (const { path, op } of creates) assert.ok(op.responses['409']?.headers?.['Retry-After'], `POST ${path}`)
  })
})
