import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError } from '../helpers/assertions.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { exchange, open, parseResponse, readUntilClosed, type RawResponse } from '../helpers/raw-http.ts'

/** The contract's error, as `assertError` checks it, on a response read off a raw socket. */
function assertRawError(raw: RawResponse, status: number, code: string, path?: string): void {
  assertError({ status: raw.status, headers: new Headers(raw.headers), body: raw.body, text: raw.text }, status, code, path)
  assert.equal(raw.headers.connection, 'close')
}

// Short timeouts, so the tests wait for the server's own timers (an event), not for long.
describe('answers Node gives before any route runs: the contract body and X-Request-Id', { timeout: 300_000 }, () => {
  let server: TestServer
  before(async () => {
    server = await startTestServer({ requestTimeoutMs: 600, headersTimeoutMs: 400, keepAliveTimeoutMs: 300 })
  })
  after(() => server.close())

  it('408 for a body that never arrives in full (Content-Length 100, one byte sent), even unauthenticated', async () => {
    const raw = parseResponse(
      await exchange(server.url, 'POST /v1/authenticate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{'),
    )
    assertRawError(raw, 408, 'request_timeout', '/v1/authenticate')
    assert.match(raw.body.message, /did not arrive in full/)
  })

  it('408 for headers that never finish', async () => {
    const raw = parseResponse(await exchange(server.url, 'GET /v1/user-roles?page=1 HTTP/1.1\r\nHost: x\r\nX-Slow: '))
    assertRawError(raw, 408, 'request_timeout')
  })

  it('431 for headers over 16 KiB (a 20 KB bearer token)', async () => {
    const token = 'a'.repeat(20_000)
    const raw = parseResponse(await exchange(server.url, `GET /v1/user-roles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n\r\n`))
    assertRawError(raw, 431, 'headers_too_large')
    assert.equal(raw.body.error, 'Request Header Fields Too Large')
  })

  it('400 malformed_request for framing that cannot be read: CL with TE, two Content-Lengths, a bare CR', async () => {
    const framings = [
      'POST /v1/authenticate HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      'POST /v1/authenticate HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}',
      'GET /v1/user-roles HTTP/1.1\rHost: x\r\n\r\n',
      'GET /v1/user-roles HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n',
      'GET /v1/user-roles HTTP/9.9\r\nHost: x\r\n\r\n',
    ]
    for (const bytes of framings) {
      const raw = parseResponse(await exchange(server.url, bytes))
      assertRawError(raw, 400, 'malformed_request')
    }
  })

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    const socket = await open(server.url)
    const received = readUntilClosed(socket)
    socket.write('GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n')
    // The connection stays open after the answer, then the server closes it by itself.
    const raw = parseResponse(await received)
    assert.equal(raw.status, 200)
    assert.notEqual(raw.headers.connection, 'close')
  })

  it('still serves requests normally', async () => {
    assert.equal((await server.request('GET', '/health/live')).status, 200)
  })
})

describe('a path parameter longer than the router takes', () => {
  let server: TestServer
  before(async () => {
    server = await startTestServer()
  })
  after(() => server.close())

  it('is a client error in the contract’s order: 401 without a token, 400 invalid_path_parameter with one', async () => {
    const path = `/v1/user-roles/${'9'.repeat(300)}`
    assertError(await server.request('GET', path), 401, 'authentication_required', path)
    assertError(await server.request('GET', path, { token: await server.login() }), 400, 'invalid_path_parameter', path)
  })
})
