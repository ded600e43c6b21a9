import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError } from '../helpers/assertions.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

const LIST = '/v1/contract-owners?page=1&pageSize=10'
const APP = 'https://app.example.com'

describe('HTTP hygiene: CORS, security headers, conditional GET', () => {
  let server: TestServer
  let token: string
  before(async () => {
    server = await startTestServer({ corsOrigins: [APP] })
    token = await server.login()
  })
  after(() => server.close())

  it('answers a preflight from an allowed origin with the contract’s 204 and Allow, plus CORS', async () => {
    const preflight = await server.request('OPTIONS', '/v1/contract-owners', {
      headers: { origin: APP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    })
    assert.equal(preflight.status, 204)
    assert.equal(preflight.headers.get('allow'), 'GET, HEAD, OPTIONS, POST')
    assert.equal(preflight.headers.get('access-control-allow-origin'), APP)
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/)
    assert.equal(preflight.headers.get('access-control-allow-headers'), 'authorization, content-type')
    assert.equal(preflight.text, '')
  })

  it('puts CORS headers on errors too, so a browser can read a 401; none for other origins', async () => {
    const refused = await server.request('GET', LIST, { headers: { origin: APP } })
    assertError(refused, 401, 'authentication_required')
    assert.equal(refused.headers.get('access-control-allow-origin'), APP)
    assert.match(refused.headers.get('access-control-expose-headers') ?? '', /X-Request-Id/)
    const stranger = await server.request('GET', LIST, { token, headers: { origin: 'https://evil.example' } })
    assert.equal(stranger.status, 200)
    assert.equal(stranger.headers.get('access-control-allow-origin'), null)
  })

  it('answers a preflight for a path that does not exist with 404, not the plugin’s catch-all', async () => {
    const unknown = await server.request('OPTIONS', '/v1/nothing-here', { headers: { origin: APP, 'access-control-request-method': 'GET' } })
    assertError(unknown, 404, 'route_not_found', '/v1/nothing-here')
    const wrongMethod = await server.request('PUT', '/v1/contract-owners', { token })
    assertError(wrongMethod, 405, 'method_not_allowed')
  })

  it('sends the security headers of a JSON API, and only those, on answers and errors alike', async () => {
    for (const response of [await server.request('GET', '/health/live'), await server.request('GET', '/v1/nothing-here')]) {
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff')
      assert.equal(response.headers.get('content-security-policy'), "default-src 'none';frame-ancestors 'none'")
      assert.equal(response.headers.get('x-frame-options'), 'SAMEORIGIN')
      assert.equal(response.headers.get('cross-origin-resource-policy'), 'cross-origin')
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer')
      assert.match(response.headers.get('strict-transport-security') ?? '', /^max-age=\d+/)
      for (const htmlOnly of ['x-xss-protection', 'x-dns-prefetch-control', 'x-download-options', 'origin-agent-cluster', 'cross-origin-opener-policy']) {
        assert.equal(response.headers.get(htmlOnly), null, `${htmlOnly} steers HTML documents only`)
      }
    }
  })

  it('answers If-None-Match with 304 when the list has not changed, and 200 once it has', async () => {
    const first = await server.request('GET', LIST, { token })
    const etag = first.headers.get('etag')
    assert.ok(etag !== null && /^"[\w-]+"$/.test(etag), `a strong ETag on a list: ${etag}`)
    const again = await server.request('GET', LIST, { token, headers: { 'if-none-match': `"other", ${etag}` } })
    assert.equal(again.status, 304)
    assert.equal(again.text, '')
    assert.equal(again.headers.get('etag'), etag)
    assert.ok(again.headers.get('x-request-id'))
    const weak = await server.request('GET', LIST, { token, headers: { 'if-none-match': `W/${etag}` } })
    assert.equal(weak.status, 304, 'If-None-Match compares weakly (RFC 9110 §13.1.2)')

    const created = await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody({ name: 'Changed' }) })
    assert.equal(created.status, 201, created.text)
    const changed = await server.request('GET', LIST, { token, headers: { 'if-none-match': etag! } })
    assert.equal(changed.status, 200)
    assert.notEqual(changed.headers.get('etag'), etag)
  })

  it('uses a record’s version as its ETag for If-None-Match, and never answers 304 to an error', async () => {
    const created = await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody({ name: 'Versioned' }) })
    const path = new URL(created.headers.get('location')!, server.url).pathname
    const read = await server.request('GET', path, { token })
    assert.equal(read.headers.get('etag'), created.headers.get('etag'))
    assert.equal((await server.request('GET', path, { token, headers: { 'if-none-match': read.headers.get('etag')! } })).status, 304)
    assert.equal((await server.request('GET', path, { token, headers: { 'if-none-match': '*' } })).status, 304)
    const missing = await server.request('GET', '/v1/contract-owners/999999', { token, headers: { 'if-none-match': '*' } })
    assertError(missing, 404, 'not_found')
  })
})
