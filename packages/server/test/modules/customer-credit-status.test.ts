import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import type { TestServer } from '../helpers/server.ts'
import { brandId, loginAs } from '../helpers/users.ts'
import { customerWithInvoices, startPaymentsServer, type Billed } from './ledger-fixtures.ts'

const STATUS = '/v1/customer-credit-status'

describe('/v1/customer-credit-status', () => {
  let server: TestServer
  let token: string
  const list = (query: string, as = token) => server.request('GET', `${STATUS}?page=1&pageSize=100&${query}`, { token: as })
  const setThreshold = (customerId: number, creditThreshold: unknown, as = token) => server.request('PUT', `${STATUS}/${customerId}`, { token: as, json: { creditThreshold } })

  /** A charge rated for the customer on its billing cycle's current bill run (OPEN until finalised): that bill run's id. */
  async function ratedOnCurrentBillRun(billed: Billed, amount: string, taxRate: string): Promise<number> {
    const runs = await server.request('GET', `/v1/bill-runs?page=1&pageSize=1&billingCycleId=${billed.setup.billingCycleId}`, { token })
    assert.equal(runs.status, 200, runs.text)
    const billRunId = runs.body[0].id as number
    await server.db.withTenant(await brandId(server), async (trx) => {
      await trx
        .insertInto('rated_charges')
        .values({
          bill_run_id: billRunId,
          adhoc_bill_run_id: null,
          customer_id: billed.customerId,
          site_id: billed.headOfficeId,
          rental_product_inventory_id: null,
          adhoc_inventory_id: 1,
          charge_type: 'Adhoc',
          description: 'Installation',
          product_reference: null,
          charge_start_date: '2026-12-01',
          charge_end_date: '2026-12-01',
          unit_price: amount,
          quantity: '1',
          amount,
          tax_band_id: null,
          tax_rate: taxRate,
          currency_code: 'GBP',
          creation_date: '2026-12-01',
        })
        .execute()
    })
    return billRunId
  }

  before(async () => {
    server = await startPaymentsServer()
    token = await server.login()
  })
  after(() => server.close())

  it('measures what a customer owes against its threshold, and what its bill run under way has rated', async () => {
    const { billed } = await customerWithInvoices(server, token, ['30.00', '50.00'])
    assert.deepEqual((await list(`customerId=${billed.customerId}`)).body, [], 'no threshold: not listed')
    const set = await setThreshold(billed.customerId, 100)
    assert.equal(set.status, 200, set.text)
    assert.deepEqual(set.body, { customerId: billed.customerId, creditThreshold: 100, billAmount: 80, valueDifference: 20, percentageDifference: 80, openBillRunValue: 0 })
    assert.deepEqual((await list(`customerId=${billed.customerId}`)).body, [set.body])

    const billRunId = await ratedOnCurrentBillRun(billed, '10.05', '20')
    // 10.05 + 2.01 tax (2.01 rounded half up from 2.010).
    assert.equal((await list(`customerId=${billed.customerId}`)).body[0].openBillRunValue, 12.06)
    await server.db.withTenant(await brandId(server), (trx) => sql`update bill_runs set bill_run_status = 'FINALIZED' where id = ${billRunId}`.execute(trx))
    assert.equal((await list(`customerId=${billed.customerId}`)).body[0].openBillRunValue, 0, 'a finalised bill run is no longer open')

    const paid = await server.request('POST', '/v1/customer-payments', { token, json: { customerId: billed.customerId, amountInMajorCurrency: 100 } })
    assert.equal(paid.status, 201, paid.text)
    const inCredit = await setThreshold(billed.customerId, 250.5)
    assert.deepEqual(inCredit.body, { customerId: billed.customerId, creditThreshold: 250.5, billAmount: -20, valueDifference: 270.5, percentageDifference: -7.98, openBillRunValue: 0 })
  })

  it('filters, sorts and picks fields like every list; HEAD says whether any matches', async () => {
    const customers = []
    for (const [gross, threshold] of [['90.00', 100], ['45.00', 50], ['10.00', 100]] as const) {
      const { billed } = await customerWithInvoices(server, token, [gross])
      assert.equal((await setThreshold(billed.customerId, threshold)).status, 200)
      customers.push(billed.customerId)
    }
    const ids = `customerId=in:${customers.join(',')}`
    const near = await list(`${ids}&percentageDifference=ge:80&sort=percentageDifference:desc&fields=customerId,percentageDifference`)
    assert.equal(near.status, 200, near.text)
    assert.deepEqual(near.body, [
      { customerId: customers[1], percentageDifference: 90 },
      { customerId: customers[0], percentageDifference: 90 },
    ], 'ties in the order of the sort')
    assert.deepEqual((await list(`${ids}&percentageDifference=10`)).body.map((s: { customerId: number }) => s.customerId), [customers[2]])
    assert.equal((await server.request('HEAD', `${STATUS}?${ids}&percentageDifference=gt:90`, { token })).status, 404)
    assert.equal((await server.request('HEAD', `${STATUS}?${ids}&percentageDifference=lt:20`, { token })).status, 200)
    assertFieldErrors(await list('percentageDifference=like:8'), ['percentageDifference:invalid_filter'])
    assertFieldErrors(await list('sort=customerName'), ['sort:unknown_field'])
    assertError(await server.request('GET', STATUS, { token }), 400, 'invalid_query')
  })

  it('sets and removes thresholds only for customers the user may see, with the contract’s errors', async () => {
    const { billed } = await customerWithInvoices(server, token, ['20.00'])
    assertFieldErrors(await setThreshold(billed.customerId, 0), ['creditThreshold:out_of_range'])
    assertFieldErrors(await setThreshold(billed.customerId, 10.001), ['creditThreshold:invalid_value'])
    assertFieldErrors(await server.request('PUT', `${STATUS}/${billed.customerId}`, { token, json: { limit: 5 } }), ['creditThreshold:required', 'limit:unknown_field'])
    assertError(await setThreshold(999999, 10), 404, 'not_found')
    assertError(await server.request('PUT', `${STATUS}/${billed.customerId}`, { token, body: 'creditThreshold=5', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported_media_type')

    const readOnly = await loginAs(server, ['Read Only'])
    assertError(await setThreshold(billed.customerId, 10, readOnly), 403, 'insufficient_permission')
    assert.equal((await setThreshold(billed.customerId, 40)).status, 200)
    assert.equal((await list(`customerId=${billed.customerId}`, readOnly)).body.length, 1, 'reading needs payments:read only')

    const { billed: other } = await customerWithInvoices(server, token, [])
    const restricted = await loginAs(server, ['Customer Manager'], other.setup.contractOwnerId)
    assertError(await setThreshold(billed.customerId, 10, restricted), 404, 'not_found')
    assertError(await server.request('DELETE', `${STATUS}/${billed.customerId}`, { token: restricted }), 404, 'not_found')
    assert.deepEqual((await list(`customerId=${billed.customerId}`, restricted)).body, [], 'another contract owner’s customer is not listed')
    assert.equal((await setThreshold(other.customerId, 10, restricted)).status, 200)

    const removed = await server.request('DELETE', `${STATUS}/${billed.customerId}`, { token })
    assert.equal(removed.status, 204, removed.text)
    assert.deepEqual((await list(`customerId=${billed.customerId}`)).body, [])
    const again = await server.request('DELETE', `${STATUS}/${billed.customerId}`, { token })
    assertError(again, 404, 'not_found')
    assert.match(again.body.message, /has no credit threshold/)
    const get = await server.request('GET', `${STATUS}/${billed.customerId}`, { token })
    assertError(get, 405, 'method_not_allowed')
    assert.equal(get.headers.get('allow'), 'DELETE, OPTIONS, PUT')
  })
})
