import assert from 'node:assert/strict'
import http from 'node:http'
import { after, before, describe, it } from 'node:test'
import { assertError } from '../helpers/assertions.ts'
import { ADMIN, startTestServer, type TestServer } from '../helpers/server.ts'

const LIST = '/v1/user-roles?page=1&pageSize=10'

describe('406, 413 and 415', () => {
  let server: TestServer
  let token: string
  before(async () => {
    server = await startTestServer()
    token = await server.login()
  })
  after(() => server.close())

  it('answers an Accept that rules out JSON with 406, in JSON', async () => {
    for (const accept of ['text/html', 'application/xml, text/plain;q=0.5', 'application/json;q=0', 'application/json;q=0, */*']) {
      const response = await server.request('GET', LIST, { token, headers: { accept } })
      assertError(response, 406, 'not_acceptable')
    }
  })

  it('serves JSON to any Accept that admits it (RFC 9110 wildcards and q-values)', async () => {
    for (const accept of ['*/*', 'application/*', 'application/json', 'text/html, application/json;q=0.1', 'APPLICATION/JSON', '']) {
      const response = await server.request('GET', LIST, { token, headers: accept === '' ? {} : { accept } })
      assert.equal(response.status, 200, `Accept: ${accept}`)
    }
  })

  it('checks the token before the media types', async () => {
    const response = await server.request('GET', LIST, { headers: { accept: 'text/html' } })
    assertError(response, 401, 'authentication_required')
  })

  it('answers a body that is not JSON with 415', async () => {
    const cases: Array<Record<string, string>> = [
      { 'content-type': 'text/plain' },
      { 'content-type': 'application/x-www-form-urlencoded' },
      { 'content-type': 'multipart/form-data; boundary=x' },
      { 'content-type': 'application/json; charset=iso-8859-1' },
    ]
    for (const headers of cases) {
      const response = await server.request('POST', '/v1/authenticate', { body: 'brand=acme', headers })
      assertError(response, 415, 'unsupported_media_type', '/v1/authenticate')
    }
  })

  it('answers a body without a Content-Type with 415', async () => {
    const response = await fetch(`${server.url}/v1/authenticate`, { method: 'POST', body: new Blob([JSON.stringify(ADMIN)]) })
    assert.equal(response.status, 415)
    assert.equal(((await response.json()) as { code: string }).code, 'unsupported_media_type')
  })

  it('takes JSON with an explicit UTF-8 charset', async () => {
    const response = await server.request('POST', '/v1/authenticate', {
      body: JSON.stringify(ADMIN),
      headers: { 'content-type': 'application/json; charset=utf-8' },
    })
    assert.equal(response.status, 200)
  })

  it('answers a body over the limit with 413', async () => {
    const response = await server.request('POST', '/v1/authenticate', {
      json: { brand: 'acme', username: 'admin', password: 'x'.repeat(1_100_000) },
    })
    assertError(response, 413, 'payload_too_large', '/v1/authenticate')
  })

  it('reads a body of up to four times the limit before its 413, so the client gets the answer and keeps the connection', async () => {
    const post = (bytes: number) =>
      new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
        const request = http.request(`${server.baseUrl}/v1/authenticate`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': bytes } }, (response) => {
          let body = ''
          response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
          response.on('end', () => resolve({ status: response.statusCode!, connection: response.headers.connection, body }))
        })
        request.on('error', reject)
        request.end(Buffer.alloc(bytes, 0x20))
      })
    const drained = await post(2_000_000)
    assert.equal(drained.status, 413)
    assert.equal(JSON.parse(drained.body).code, 'payload_too_large')
    assert.notEqual(drained.connection, 'close')
  })
})
