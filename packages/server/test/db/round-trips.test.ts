import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import pg from 'pg'
import { startTestServer, type TestServer } from '../helpers/server.ts'

/**
 * Round trips to PostgreSQL per request, counted at the driver: every `query` call of a pooled
 * client is one round trip (a multi-statement `begin; set_config(…)` is one call). Deterministic,
 * unlike a speed: this is the hot path's budget, and the benchmark measures what it buys.
 */
describe('database round trips of an authenticated read', () => {
  let server: TestServer
  let token: string
  let calls = 0
  const original = pg.Client.prototype.query

  before(async () => {
    // One tenant connection, so every read after the first finds it on the brand.
    server = await startTestServer({ dbPoolSize: 1 })
    token = await server.login()
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      calls++
      return (original as (...a: unknown[]) => unknown).apply(this, args)
    } as typeof original
  })
  after(async () => {
    pg.Client.prototype.query = original
    await server.close()
  })

  async function roundTrips(path: string): Promise<number> {
    calls = 0
    const response = await server.request('GET', path, { token })
    assert.equal(response.status, 200, response.text)
    return calls
  }

  it('is two: the actor check and the query (the brand set once per connection, then free)', async () => {
    const first = await roundTrips('/v1/user-roles/1')
    assert.ok(first <= 3, `the first read sets the brand: ${first}`)
    assert.equal(await roundTrips('/v1/user-roles/1'), 2)
    assert.equal(await roundTrips('/v1/user-roles?page=1&pageSize=10&sort=name'), 2)
  })

  it('is two for a resource with its child rows: a supplier and its accounts come in one query', async () => {
    const supplier = await server.request('POST', '/v1/suppliers', { token, json: { name: 'Round-trip supplier' } })
    for (const accountNumber of ['RT-1', 'RT-2']) {
      await server.request('POST', `/v1/suppliers/${supplier.body.id}/supplier-accounts`, { token, json: { accountNumber } })
    }
    await roundTrips(`/v1/suppliers/${supplier.body.id}`)
    assert.equal(await roundTrips(`/v1/suppliers/${supplier.body.id}`), 2)
    assert.equal(await roundTrips('/v1/suppliers?page=1&pageSize=10&accountNumber=RT-2'), 2)
  })
})
