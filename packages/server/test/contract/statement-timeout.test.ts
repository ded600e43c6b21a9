import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import pg from 'pg'
import { assertError } from '../helpers/assertions.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

/**
 * A statement that runs away (here: one waiting on a row another session keeps locked) is
 * cancelled by the pool's `statement_timeout`, not left to hold a connection for ever. The request
 * is answered as the contract answers the unexpected (500, generic, logged under its request id),
 * and the server goes on serving; both timeouts are on every connection of both pools.
 */
describe('statement_timeout and idle_in_transaction_session_timeout', () => {
  let server: TestServer
  let token: string
  before(async () => {
    // Every statement of this server has the limit (login, first start, the writes that must work):
    // 2 s, not less, so a busy machine's slow commit is not cancelled too.
    server = await startTestServer({ dbStatementTimeoutMs: 2_000, dbIdleInTransactionTimeoutMs: 60_000 })
    token = await server.login()
  })
  after(() => server.close())

  it('sets both on the tenant and the system pools', async () => {
    const brand = (await server.db.system.selectFrom('brands').select('id').executeTakeFirstOrThrow()).id
    const show = sql<{ statement: string; idle: string }>`select current_setting('statement_timeout') as statement, current_setting('idle_in_transaction_session_timeout') as idle`
    assert.deepEqual((await show.execute(server.db.system)).rows[0], { statement: '2s', idle: '1min' })
    assert.deepEqual((await server.db.readTenant(brand, (reader) => show.execute(reader))).rows[0], { statement: '2s', idle: '1min' })
  })

  it('cancels a statement stuck behind a lock: 500 internal_error, logged; the next request is served', async () => {
    const band = await server.request('POST', '/v1/tax-bands', { token, json: { code: 'LK', name: 'Locked band', defaultBand: false } })
    assert.equal(band.status, 201, band.text)
    const item = `/v1/tax-bands/${band.body.id}`
    const patch = () => server.request('PATCH', item, { token, body: JSON.stringify([{ op: 'replace', path: '/name', value: 'Renamed band' }]), headers: { 'content-type': 'application/json-patch+json' } })
    // Another session (not the server's pools, which would end it as idle in transaction) holds the row.
    const holder = new pg.Client({ connectionString: server.config.databaseUrl })
    await holder.connect()
    try {
      await holder.query('begin')
      await holder.query('select id from tax_bands where id = $1 for update', [band.body.id])
      const stuck = await patch()
      assertError(stuck, 500, 'internal_error', item)
      assert.doesNotMatch(stuck.text, /statement|timeout|cancel/i, 'no database text in the answer')
      const logged = server.logs.find((line) => line.requestId === stuck.body.requestId && line.level === 50 && JSON.stringify(line).includes('statement timeout'))
      assert.ok(logged, 'the cancelled statement is logged under the request id')
    } finally {
      await holder.query('rollback')
      await holder.end()
    }
    const served = await patch()
    assert.equal(served.status, 200, served.text)
    assert.equal(served.body.name, 'Renamed band')
  })
})
