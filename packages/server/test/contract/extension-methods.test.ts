import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError } from '../helpers/assertions.ts'
import { exchange, parseResponse } from '../helpers/raw-http.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

const EXTENSION_METHODS = ['QUERY', 'PROPFIND', 'PROPPATCH', 'PURGE', 'LOCK', 'UNLOCK', 'MKCOL', 'SEARCH', 'REPORT', 'LINK', 'UNLINK', 'COPY', 'MOVE', 'TRACE', 'M-SEARCH']

describe('methods beyond the usual ones (WebDAV, QUERY, PURGE, …)', () => {
  let server: TestServer
  before(async () => {
    server = await startTestServer()
  })
  after(() => server.close())

  it('answer 405 with Allow on a known path, before a token and whatever the body', async () => {
    for (const method of EXTENSION_METHODS) {
      for (const body of [undefined, '{"q":1}', 'not json']) {
        const headers = body === undefined ? '' : `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n`
        const raw = parseResponse(await exchange(server.url, `${method} /v1/user-roles HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${headers}\r\n${body ?? ''}`))
        const response = { status: raw.status, headers: new Headers(raw.headers), body: raw.body, text: raw.text }
        assertError(response, 405, 'method_not_allowed', '/v1/user-roles')
        assert.equal(raw.headers.allow, 'GET, HEAD, OPTIONS', method)
      }
    }
  })

  it('answer 404 on an unknown path', async () => {
    for (const method of ['PROPFIND', 'QUERY', 'GET', 'POST']) assertError(await server.request(method, '/v1/nowhere'), 404, 'route_not_found', '/v1/nowhere')
  })
})
