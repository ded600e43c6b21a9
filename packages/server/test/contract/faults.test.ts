import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { assertError } from '../helpers/assertions.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

describe('500 Internal Server Error', () => {
  let server: TestServer
  let token: string
  before(async () => {
    server = await startTestServer()
    token = await server.login()
  })
  after(() => server.close())

  it('answers an unexpected fault opaquely and logs it in full under the request id', async () => {
    // The fault: the table the list reads vanishes from under the running server.
    await sql`alter table roles rename to roles_gone`.execute(server.db.system)
    try {
      const response = await server.request('GET', '/v1/user-roles?page=1&pageSize=10', { token })
      assertError(response, 500, 'internal_error', '/v1/user-roles')
      assert.match(response.body.message, /quote the request id/)
      for (const leak of ['relation', 'does not exist', 'select', 'postgres', 'stack', '.ts:', 'roles_gone']) {
        assert.ok(!response.text.toLowerCase().includes(leak), `the body leaks '${leak}': ${response.text}`)
      }
      const logged = server.logs.find((line) => line.requestId === response.body.requestId && line.level === 50)
      assert.ok(logged, 'the error is logged under the request id')
      assert.match(JSON.stringify(logged), /relation \\"roles\\" does not exist/)
    } finally {
      await sql`alter table roles_gone rename to roles`.execute(server.db.system)
    }
    assert.equal((await server.request('GET', '/v1/user-roles?page=1&pageSize=10', { token })).status, 200)
  })
})

describe('X-Request-Id', () => {
  let server: TestServer
  before(async () => {
    server = await startTestServer()
  })
  after(() => server.close())

  it('is on every response, and equals requestId in error bodies', async () => {
    const responses = await Promise.all([
      server.request('GET', '/health/live'),
      server.request('GET', '/v1/nowhere'),
      server.request('DELETE', '/v1/user-roles'),
      server.request('OPTIONS', '/v1/user-roles'),
      server.request('GET', '/v1/user-roles'),
    ])
    const ids = responses.map((r) => r.headers.get('x-request-id'))
    for (const id of ids) assert.match(id ?? '', /^[0-9a-f-]{36}$/)
    assert.equal(new Set(ids).size, ids.length, 'ids are unique')
    for (const response of responses) if (response.status >= 400) assert.equal(response.body.requestId, response.headers.get('x-request-id'))
  })

  it('keeps a well-formed client id and replaces anything else', async () => {
    const kept = await server.request('GET', '/v1/nowhere', { headers: { 'x-request-id': 'client-abc.123:9_x' } })
    assert.equal(kept.headers.get('x-request-id'), 'client-abc.123:9_x')
    assert.equal(kept.body.requestId, 'client-abc.123:9_x')
    for (const bad of ['has spaces in it', 'x'.repeat(129), 'semi;colon']) {
      const replaced = await server.request('GET', '/health/live', { headers: { 'x-request-id': bad } })
      assert.match(replaced.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/)
    }
  })
})
