import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createAdminSetup, customerBody, type AdminSetup } from '../helpers/fixtures.ts'
import { RoundTripCounter } from '../helpers/round-trips.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

/**
 * Round trips to PostgreSQL per request, counted at the driver: every `query` call of a pooled
 * client is one round trip (a multi-statement `begin; set_config(…)` is one call). Deterministic,
 * unlike a speed: this is the hot path's budget, and the benchmark measures what it buys.
 */
describe('database round trips of an authenticated request', () => {
  let server: TestServer
  let token: string
  let setup: AdminSetup
  const counter = new RoundTripCounter()

  before(async () => {
    // One tenant connection, so every read after the first finds it on the brand.
    server = await startTestServer({ dbPoolSize: 1 })
    token = await server.login()
    setup = await createAdminSetup(server.request.bind(server), token)
    counter.install()
  })
  after(async () => {
    counter.restore()
    await server.close()
  })

  async function roundTrips(path: string, method = 'GET', json?: unknown): Promise<number> {
    counter.calls = 0
    const response = await server.request(method, path, { token, json })
    assert.equal(response.status, method === 'POST' ? 201 : 200, response.text)
    return counter.calls
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

  it('is five for an invoice document profile naming every kind of template: actor, begin, every reference in one lookup, the insert, commit', async () => {
    const id = async (path: string) => (await server.request('POST', path, { token, json: { name: `Round trips ${path}` } })).body.id as number
    const body = {
      invoiceTemplateId: await id('/v1/invoice-templates'),
      invoiceSummaryTemplateId: await id('/v1/invoice-summary-templates'),
      invoiceSummaryTemplateComponentIds: [await id('/v1/invoice-summary-template-components')],
      electronicSummaryTemplateIds: [await id('/v1/electronic-summary-templates')],
      contractOwnerIds: [setup.contractOwnerId],
    }
    await roundTrips('/v1/invoice-document-profiles', 'POST', { ...body, name: 'Round trips 1' })
    assert.equal(await roundTrips('/v1/invoice-document-profiles', 'POST', { ...body, name: 'Round trips 2' }), 5)
  })

  it('is seven for a customer with a site: actor, begin, the references in one lookup, the account number, two inserts, commit', async () => {
    await roundTrips('/v1/customers', 'POST', customerBody(setup)) // the brand set on this connection
    assert.equal(await roundTrips('/v1/customers', 'POST', customerBody(setup)), 7)
    // An account number given by hand needs no draw.
    assert.equal(await roundTrips('/v1/customers', 'POST', customerBody(setup, { customerAccountNumber: 'BYHAND-1' })), 6)
  })
})
