import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { billingSetup, currentBillRun, invoicesOf, ratedRecords, rpi, step, type BillingSetup } from './billing-fixtures.ts'
import { created } from './inventory-fixtures.ts'

// The bill runs of January 2030 (the clock's month): 31 days, then February's 28.
const clock = () => new Date('2030-01-20T10:00:00Z')

/** What a rated record or invoice line says, without its ids. */
const charge = (record: any) => [record.priceType, record.chargeStartDate, record.chargeEndDate, record.sellPrice]
const line = (l: any) => [l.description, l.periodStartDate, l.periodEndDate, l.amountInMajorCurrency, l.taxAmountInMajorCurrency]

describe('bill runs rate and invoice (rating module)', () => {
  let server: TestServer
  let token: string

  before(async () => {
    server = await startTestServer({ jobWorkers: false }, undefined, { clock })
    token = await server.login()
  })
  after(() => server.close())

  /** A customer with a line rental from the 15th and an installation on its receiving site, and a line rental from the 10th on the other. */
  async function january(): Promise<BillingSetup & { runId: number }> {
    const setup = await billingSetup(server, token)
    await rpi(server, setup, setup.receivingSiteId, setup.lineRentalId, '2030-01-15')
    await rpi(server, setup, setup.receivingSiteId, setup.installationId, '2030-01-15')
    await rpi(server, setup, setup.billedSiteId, setup.lineRentalId, '2030-01-10')
    const run = await currentBillRun(server, setup)
    assert.deepEqual([run.periodStartDate, run.periodEndDate], ['2030-01-01', '2030-01-31'])
    return { ...setup, runId: run.id }
  }

  it('close → draft → full → distribution: the invoice worked out by hand, to the receiving site; the next period is OPEN', async () => {
    const setup = await january()
    const closed = await step(server, token, setup.runId, 'REPORTING', 'CLOSED')
    // Net: 10.97 + 20 + 35 + 14.19 + 20 = 100.16; tax 2.19 + 4 + 7 + 2.84 + 4 = 20.03; gross 120.19.
    assert.deepEqual([closed.revenueInMajorCurrency, closed.maxInvoiceValue, closed.maxInvoiceCustomerId, closed.rentalSuspenseCount], [100.16, 120.19, setup.customerId, 0])
    const records = await ratedRecords(server, token, setup.customerId, setup.runId)
    assert.deepEqual(records.map(charge), [
      ['Rental', '2030-01-15', '2030-01-31', 10.97], // 20 × 17/31 = 10.9677… → 10.97
      ['OneOff', '2030-01-15', '2030-01-15', 35],
      ['Rental', '2030-02-01', '2030-02-28', 20], // February in advance
      ['Rental', '2030-01-10', '2030-01-31', 14.19], // 20 × 22/31 = 14.1935… → 14.19
      ['Rental', '2030-02-01', '2030-02-28', 20],
    ])
    assert.deepEqual(records.map((r) => [r.siteId, r.billRunName, r.billRunStatus, r.creationDate, r.qty]).slice(0, 1), [[setup.receivingSiteId, '2030-01-01/2030-01-31', 'CLOSED', '2030-01-20', 1]])

    await step(server, token, setup.runId, 'DRAFT_INVOICES')
    const [draft, ...others] = await invoicesOf(server, token, setup.runId)
    assert.deepEqual(others, [], 'one invoice: the second site’s charges go to the receiving site')
    assert.deepEqual([draft.invoiceStatus, draft.siteId, draft.customerId], ['DRAFT', setup.receivingSiteId, setup.customerId])

    await step(server, token, setup.runId, 'FULL_INVOICES')
    const distributed = await step(server, token, setup.runId, 'DISTRIBUTION')
    assert.deepEqual([distributed.billRunStatus, distributed.summaryStatus, distributed.revenueInMajorCurrency], ['FINALIZED', 'FINISHED', 100.16])
    const [invoice] = await invoicesOf(server, token, setup.runId)
    assert.deepEqual([invoice.invoiceStatus, invoice.billRunStatus, invoice.paymentStatus, invoice.currencyCode], ['FINAL', 'FINALIZED', 'UNPAID', 'GBP'])
    assert.deepEqual([invoice.netAmountInMajorCurrency, invoice.taxAmountInMajorCurrency, invoice.grossAmountInMajorCurrency], [100.16, 20.03, 120.19])
    assert.deepEqual([invoice.periodStartDate, invoice.periodEndDate, invoice.invoiceDate], ['2030-01-01', '2030-01-31', '2030-02-01'])
    const full = (await server.request('GET', `/v1/invoices/${invoice.id}`, { token })).body
    assert.deepEqual(full.invoiceLines.map(line), [
      ['Line rental', '2030-01-15', '2030-01-31', 10.97, 2.19],
      ['Line rental', '2030-02-01', '2030-02-28', 20, 4],
      ['Installation', '2030-01-15', '2030-01-15', 35, 7],
      ['Line rental', '2030-01-10', '2030-01-31', 14.19, 2.84],
      ['Line rental', '2030-02-01', '2030-02-28', 20, 4],
    ])
    assert.deepEqual(full.invoiceLines.map((l: any) => l.siteId), [setup.receivingSiteId, setup.receivingSiteId, setup.receivingSiteId, setup.billedSiteId, setup.billedSiteId])

    const next = await currentBillRun(server, setup)
    assert.deepEqual([next.periodStartDate, next.billRunStatus, next.summaryStatus], ['2030-02-01', 'OPEN', 'PROPERTIES'])
    // February bills March in advance; nothing already billed comes again (the installation, February).
    await step(server, token, next.id, 'REPORTING', 'CLOSED')
    assert.deepEqual((await ratedRecords(server, token, setup.customerId, next.id)).map(charge), [
      ['Rental', '2030-03-01', '2030-03-31', 20],
      ['Rental', '2030-03-01', '2030-03-31', 20],
    ])
  })

  it('reopening discards the rating and the drafts, and gives the adhoc charges back; rating again gives the same result', async () => {
    const setup = await january()
    const adhoc = await created(server, token, '/v2/adhoc-inventories', {
      siteId: setup.billedSiteId,
      name: 'Router',
      supplierAccountId: setup.supplierAccountId,
      sellPrice: 49.99,
      quantity: 2,
      rentalProductCategoryId: setup.categoryId,
      taxBandId: setup.taxBandId,
    })
    const first = await step(server, token, setup.runId, 'REPORTING', 'CLOSED')
    assert.equal(first.revenueInMajorCurrency, 200.14, '100.16 + the router: 49.99 × 2 = 99.98')
    const records = (await ratedRecords(server, token, setup.customerId, setup.runId)).map(charge)
    await step(server, token, setup.runId, 'DRAFT_INVOICES')
    const [draft] = await invoicesOf(server, token, setup.runId)
    assert.equal(draft.grossAmountInMajorCurrency, 240.17, '120.19 + 99.98 + tax 20.00')
    assert.equal((await server.request('GET', `/v2/adhoc-inventories/${adhoc.id}`, { token })).body.billRunId, setup.runId)

    const reopened = await step(server, token, setup.runId, 'PROPERTIES', 'OPEN')
    assert.deepEqual([reopened.revenueInMajorCurrency, reopened.maxInvoiceValue ?? null], [0, null])
    assert.deepEqual(await ratedRecords(server, token, setup.customerId, setup.runId), [])
    assert.deepEqual(await invoicesOf(server, token, setup.runId), [])
    assert.equal((await server.request('GET', `/v2/adhoc-inventories/${adhoc.id}`, { token })).body.billRunId, undefined)

    const again = await step(server, token, setup.runId, 'REPORTING', 'CLOSED')
    assert.equal(again.revenueInMajorCurrency, 200.14)
    assert.deepEqual((await ratedRecords(server, token, setup.customerId, setup.runId)).map(charge), records)
    await step(server, token, setup.runId, 'FULL_INVOICES')
    const [final] = await invoicesOf(server, token, setup.runId)
    assert.deepEqual([final.invoiceStatus, final.grossAmountInMajorCurrency, final.invoiceLines.length], ['FINAL', 240.17, 6])
  })

  it('an RPI that nothing prices is counted in suspense and not invoiced', async () => {
    const setup = await billingSetup(server, token)
    const unpriced = (await created(server, token, '/v2/rental-products', {
      rentalProductCategoryId: setup.categoryId,
      productType: 'PRODUCT',
      name: `Unpriced ${process.pid}-${setup.customerId}`,
      invoicePresentationName: 'Unpriced',
      supplierId: setup.supplierId,
      taxBandId: setup.taxBandId,
      availableFrom: '2024-01-01',
    })).id
    await rpi(server, setup, setup.receivingSiteId, unpriced, '2030-01-01')
    const run = await currentBillRun(server, setup)
    const closed = await step(server, token, run.id, 'REPORTING', 'CLOSED')
    assert.deepEqual([closed.rentalSuspenseCount, closed.revenueInMajorCurrency, closed.maxInvoiceValue ?? null], [1, 0, null])
    await step(server, token, run.id, 'FULL_INVOICES')
    assert.deepEqual(await invoicesOf(server, token, run.id), [])
  })
})
