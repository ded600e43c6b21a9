import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { runDocExamples } from '../helpers/docs.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { billingSetup, currentBillRun, rpi, step, type BillingSetup } from './billing-fixtures.ts'

const RECORDS = '/v1/rental-rated-sell-records'
const clock = () => new Date('2030-01-20T10:00:00Z')

describe('/v1/rental-rated-sell-records', () => {
  let server: TestServer
  let token: string
  let setup: BillingSetup
  let runId: number
  let rentalRpi: number
  let installationRpi: number
  const get = (query: string, as = token) => server.request('GET', `${RECORDS}?${query}`, { token: as })

  before(async () => {
    server = await startTestServer({ jobWorkers: false }, undefined, { clock })
    token = await server.login()
    setup = await billingSetup(server, token)
    rentalRpi = await rpi(server, setup, setup.receivingSiteId, setup.lineRentalId, '2030-01-15', { productReference: '01132345678' })
    installationRpi = await rpi(server, setup, setup.billedSiteId, setup.installationId, '2030-01-20')
    runId = (await currentBillRun(server, setup)).id
    await step(server, token, runId, 'REPORTING', 'CLOSED')
  })
  after(() => server.close())

  it('answers the records of an RPI, of a site or a customer in a bill run, with the published fields', async () => {
    const byRpi = await get(`page=1&pageSize=10&rentalProductInventoryId=${rentalRpi}&sort=chargeStartDate`)
    assert.equal(byRpi.status, 200, byRpi.text)
    const [{ id, ...first }] = byRpi.body
    assert.deepEqual(first, {
      rentalProductInventoryId: rentalRpi,
      customerId: setup.customerId,
      siteId: setup.receivingSiteId,
      billRunId: runId,
      billRunName: '2030-01-01/2030-01-31',
      billRunStatus: 'CLOSED',
      creationDate: '2030-01-20',
      chargeStartDate: '2030-01-15',
      chargeEndDate: '2030-01-31',
      sellPrice: 10.97,
      priceType: 'Rental',
      qty: 1,
      productReference: '01132345678',
      invoicePresentationName: 'Line rental',
    })
    assert.deepEqual(byRpi.body.map((r: any) => r.chargeStartDate), ['2030-01-15', '2030-02-01'])
    const bySite = await get(`page=1&pageSize=10&siteId=${setup.billedSiteId}&billRunId=${runId}`)
    assert.deepEqual(bySite.body.map((r: any) => [r.rentalProductInventoryId, r.priceType, r.sellPrice]), [[installationRpi, 'OneOff', 35]])
    const byCustomer = await get(`page=1&pageSize=10&customerId=${setup.customerId}&billRunId=${runId}&priceType=Rental&fields=id,sellPrice`)
    assert.deepEqual(byCustomer.body.map((r: any) => Object.keys(r).sort()), [['id', 'sellPrice'], ['id', 'sellPrice']])
    const like = await get(`page=1&pageSize=10&customerId=${setup.customerId}&billRunId=${runId}&productReference=like:0113`)
    assert.equal(like.body.length, 2)
    assert.deepEqual((await get(`page=1&pageSize=10&customerId=${setup.customerId}&adhocBillRunId=${runId}`)).body, [], 'no adhoc bill run rated it')
    const paged = await get(`page=2&pageSize=1&customerId=${setup.customerId}&billRunId=${runId}&sort=id`)
    assert.equal(paged.body.length, 1)
    assert.match(paged.headers.get('link') ?? '', /rel="prev"/)
  })

  it('refuses a query without a published filter combination (400), and bad filters with every error at once', async () => {
    for (const query of ['', `siteId=${setup.receivingSiteId}`, `customerId=${setup.customerId}`, `billRunId=${runId}`, `customerId=${setup.customerId}&siteId=${setup.receivingSiteId}`]) {
      const refused = await get(`page=1&pageSize=10&${query}`)
      assertError(refused, 400, 'validation_failed', RECORDS)
      assertFieldErrors(refused, ['rentalProductInventoryId:required'])
    }
    assertFieldErrors(await get('page=1&pageSize=10&rentalProductInventoryId=abc&billRunId=in:x'), ['rentalProductInventoryId:invalid_filter', 'billRunId:invalid_filter'])
    assertError(await get(`page=1&pageSize=10&rentalProductInventoryId=${rentalRpi}&colour=red`), 400, 'invalid_query')
    assertError(await get(`rentalProductInventoryId=${rentalRpi}`), 400, 'invalid_query')
    assertError(await get(`page=1&pageSize=10&rentalProductInventoryId=${rentalRpi}&sort=billRunName`), 400, 'invalid_query')
  })

  it('HEAD: 200 when a record matches the filters, 404 when none; any filters (no combination needed), no paging', async () => {
    const head = (query: string) => server.request('HEAD', `${RECORDS}?${query}`, { token }).then((response) => response.status)
    assert.deepEqual(
      [await head(`rentalProductInventoryId=${rentalRpi}`), await head(`siteId=${setup.billedSiteId}`), await head(''), await head('rentalProductInventoryId=987654'), await head(`siteId=${setup.billedSiteId}&priceType=Rental`)],
      [200, 200, 200, 404, 404],
    )
    assert.equal(await head(`page=1&pageSize=1&rentalProductInventoryId=${rentalRpi}`), 400)
  })

  it('keeps records to their brand and contract owner; 401 without a token, 403 without the permission, 405 for other methods', async () => {
    const query = `page=1&pageSize=10&rentalProductInventoryId=${rentalRpi}`
    assert.deepEqual((await get(query, await otherBrandAdmin(server))).body, [])
    const elsewhere = await billingSetup(server, token)
    assert.deepEqual((await get(query, await loginAs(server, ['Read Only'], elsewhere.contractOwnerId))).body, [])
    assert.equal((await get(query, await loginAs(server, ['Read Only'], setup.contractOwnerId))).body.length, 2)
    assertError(await server.request('GET', `${RECORDS}?${query}`), 401, 'authentication_required')
    assertError(await get(query, await loginAs(server, [])), 403, 'insufficient_permission')
    assertError(await server.request('POST', RECORDS, { token, json: {} }), 405, 'method_not_allowed')
  })
})

describe('docs/modules/rating.md', () => {
  let server: TestServer
  before(async () => {
    server = await startTestServer({}, undefined, { clock })
  })
  after(() => server.close())

  it('runs the example as written, after customers-and-sites.md and product-inventory.md', async () => {
    const stdout = await runDocExamples(server.url, ['customers-and-sites.md', 'product-inventory.md', 'rating.md'])
    assert.match(stdout, /^80.96 97.15$/m, stdout)
    assert.match(stdout, /^\[\{"chargeStartDate":"2030-01-15","chargeEndDate":"2030-01-31","sellPrice":10.97,"priceType":"Rental"\},\{"chargeStartDate":"2030-02-01","chargeEndDate":"2030-02-28","sellPrice":20,"priceType":"Rental"\}\]$/m)
    assert.match(stdout, /^400$/m)
    assert.match(stdout, /^\[\{"invoiceStatus":"FINAL","netAmountInMajorCurrency":80.96,"taxAmountInMajorCurrency":16.19,"grossAmountInMajorCurrency":97.15\}\]$/m)
    await server.app.jobs.idle()
  })
})
