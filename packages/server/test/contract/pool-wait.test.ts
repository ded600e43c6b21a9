import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError } from '../helpers/assertions.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { openTransaction, untilBlocked } from '../helpers/transactions.ts'

/**
 * A request that cannot get a database connection within ELEVATE_DB_CONNECT_TIMEOUT_MS (every one
 * busy) is answered 503 with Retry-After, not held; the request holding the connection finishes.
 * One tenant connection, held by a PATCH waiting on a row this test keeps locked: no timing.
 */
describe('a request waiting too long for a database connection', () => {
  let server: TestServer
  let token: string
  before(async () => {
    server = await startTestServer({ dbPoolSize: 1, dbConnectTimeoutMs: 200, retryAfterSeconds: 3 })
    token = await server.login()
  })
  after(() => server.close())

  it('answers 503 database_unavailable with Retry-After while every connection is busy, and serves it once one is free', async () => {
    const band = await server.request('POST', '/v1/tax-bands', { token, json: { code: 'PW', name: 'Pool wait band', defaultBand: false } })
    assert.equal(band.status, 201, band.text)
    const item = `/v1/tax-bands/${band.body.id}`
    const holder = await openTransaction(server.config.databaseUrl!)
    let patched: ReturnType<typeof server.request> | undefined
    try {
      await holder.query('select id from tax_bands where id = $1 for update', [band.body.id])
      patched = server.request('PATCH', item, { token, body: JSON.stringify([{ op: 'replace', path: '/name', value: 'Renamed' }]), headers: { 'content-type': 'application/json-patch+json' } })
      await untilBlocked(holder)
      const waited = await server.request('GET', '/v1/tax-bands?page=1&pageSize=10', { token })
      assertError(waited, 503, 'database_unavailable', '/v1/tax-bands')
      assert.equal(waited.headers.get('retry-after'), '3')
    } finally {
      await holder.rollback()
    }
    assert.equal((await patched).status, 200)
    assert.equal((await server.request('GET', item, { token })).body.name, 'Renamed')
    assert.equal((await server.request('GET', '/v1/tax-bands?page=1&pageSize=10', { token })).status, 200)
  })
})
