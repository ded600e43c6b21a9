import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError } from '../helpers/assertions.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

const LIST = '/v1/contract-owners?page=1&pageSize=5'

describe('sandbox mode: faults on request', () => {
  let server: TestServer
  let token: string
  before(async () => {
    server = await startTestServer({ sandbox: true, retryAfterSeconds: 3 })
    token = await server.login()
  })
  after(() => server.close())

  const fault = (value: string, path = LIST) => server.request('GET', path, { token, headers: { 'x-elevate-fault': value } })

  it('answers each requested status with the contract’s body and headers', async () => {
    const unavailable = await fault('503')
    assertError(unavailable, 503, 'database_unavailable', '/v1/contract-owners')
    assert.equal(unavailable.headers.get('retry-after'), '3')
    assert.match(unavailable.body.message, /injected: sandbox mode/)
    const limited = await fault('429')
    assertError(limited, 429, 'rate_limited')
    assert.equal(limited.headers.get('retry-after'), '3')
    assertError(await fault('500'), 500, 'internal_error')
    const expired = await fault('401')
    assertError(expired, 401, 'token_expired')
    assert.match(expired.headers.get('www-authenticate') ?? '', /^Bearer .*error="invalid_token"/)
    assertError(await fault('404'), 404, 'not_found')
    assertError(await fault('teapot'), 400, 'invalid_header')
  })

  it('takes Prism’s Prefer: code=… too', async () => {
    const response = await server.request('GET', LIST, { token, headers: { prefer: 'dynamic=true, code=503' } })
    assertError(response, 503, 'database_unavailable')
  })

  it('delays with latency=…ms and then serves the request', async () => {
    const response = await fault('latency=50ms')
    assert.equal(response.status, 200)
    assert.ok(Array.isArray(response.body))
  })

  it('resets the connection, or never answers until the client gives up', async () => {
    await assert.rejects(fault('reset'), (error: Error) => error instanceof TypeError, 'fetch fails: the connection was reset')
    const gaveUp = server.request('GET', LIST, { token, headers: { 'x-elevate-fault': 'timeout' }, signal: AbortSignal.timeout(300) })
    await assert.rejects(gaveUp, (error: Error) => error.name === 'TimeoutError')
    assert.equal((await server.request('GET', LIST, { token })).status, 200, 'the server goes on serving')
  })

  it('plays a scripted sequence for a path: two 503s, then normal service; other paths are untouched', async () => {
    const script = await server.request('POST', '/sandbox/faults', { token, json: { path: '/v1/contract-owners', method: 'GET', faults: ['503', '503'] } })
    assert.equal(script.status, 201, script.text)
    assert.equal((await server.request('GET', '/sandbox/faults', { token })).body.scripted.length, 1)
    assert.equal((await server.request('GET', '/v1/billing-cycles?page=1&pageSize=5', { token })).status, 200)
    assertError(await server.request('GET', LIST, { token }), 503, 'database_unavailable')
    assertError(await server.request('GET', LIST, { token }), 503, 'database_unavailable')
    assert.equal((await server.request('GET', LIST, { token })).status, 200)
    assert.deepEqual((await server.request('GET', '/sandbox/faults', { token })).body.scripted, [])
  })

  it('matches a route pattern, can be cleared, and checks its input like any route', async () => {
    const item = '/v1/contract-owners/:contractOwnerId'
    await server.request('POST', '/sandbox/faults', { token, json: { path: item, faults: ['404', '500'] } })
    assertError(await server.request('GET', '/v1/contract-owners/1', { token }), 404, 'not_found')
    assert.equal((await server.request('DELETE', '/sandbox/faults', { token })).status, 204)
    assert.equal((await server.request('GET', '/v1/contract-owners/1', { token })).status, 200, 'the 500 was cleared')
    assertError(await server.request('POST', '/sandbox/faults', { token, json: { path: '', faults: ['418'] } }), 400, 'validation_failed')
    assertError(await server.request('POST', '/sandbox/faults', { json: { path: '/x', faults: ['503'] } }), 401, 'authentication_required')
  })
})

describe('outside sandbox mode', () => {
  let server: TestServer
  before(async () => {
    server = await startTestServer()
  })
  after(() => server.close())

  it('the fault headers do nothing and the script endpoint does not exist', async () => {
    const token = await server.login()
    const asks: Array<Record<string, string>> = [{ 'x-elevate-fault': '503' }, { 'x-elevate-fault': 'reset' }, { prefer: 'code=500' }]
    for (const headers of asks) {
      assert.equal((await server.request('GET', LIST, { token, headers })).status, 200)
    }
    assertError(await server.request('POST', '/sandbox/faults', { token, json: { path: '/x', faults: ['503'] } }), 404, 'route_not_found')
  })
})
