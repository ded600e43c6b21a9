import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError } from '../helpers/assertions.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

/**
 * A DELETE with If-Match is conditional like a PATCH (RFC 9110 §13.1.1): a stale tag is 412
 * `precondition_failed` and the record stays; the current tag (or `*`) deletes it. Covers a
 * resource deleted by the shared CRUD step and modules with deletes of their own.
 */
describe('DELETE with If-Match', () => {
  let server: TestServer
  let token: string
  before(async () => {
    server = await startTestServer()
    token = await server.login()
  })
  after(() => server.close())

  const cases: Array<[string, () => Record<string, unknown>]> = [
    ['/v1/tax-bands', () => ({ code: `D${process.pid % 1000}`, name: `Deleted band ${process.pid}`, defaultBand: false })],
    ['/v1/currencies', () => ({ name: 'Deleted Credit', code: 'QZZ', majorCurrencyName: 'credits', minorCurrencyName: 'bits' })],
    ['/v1/reference-data-sources', () => ({ name: `Deleted source ${process.pid}` })],
  ]
  for (const [path, body] of cases) {
    it(`${path}: 412 for a stale If-Match, the record kept; 204 for the current one`, async () => {
      const created = await server.request('POST', path, { token, json: body() })
      assert.equal(created.status, 201, created.text)
      const item = `${path}/${created.body.id}`
      const etag = created.headers.get('etag')
      assert.ok(etag !== null)
      const stale = await server.request('DELETE', item, { token, headers: { 'if-match': '"999"' } })
      assertError(stale, 412, 'precondition_failed', item)
      assert.equal((await server.request('GET', item, { token })).status, 200)
      const deleted = await server.request('DELETE', item, { token, headers: { 'if-match': etag } })
      assert.equal(deleted.status, 204, deleted.text)
      assert.equal((await server.request('GET', item, { token })).status, 404)
      assertError(await server.request('DELETE', item, { token, headers: { 'if-match': etag } }), 404, 'not_found')
    })
  }

  it('deletes with If-Match: * like an unconditional delete', async () => {
    const created = await server.request('POST', '/v1/reference-data-sources', { token, json: { name: `Starred source ${process.pid}` } })
    const deleted = await server.request('DELETE', `/v1/reference-data-sources/${created.body.id}`, { token, headers: { 'if-match': '*' } })
    assert.equal(deleted.status, 204, deleted.text)
  })
})
