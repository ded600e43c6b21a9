import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { ApiError, ElevateClient, type BillRun, type ElevateClientOptions } from '../../src/index.ts'
import { billingCycleBody, contractOwnerBody, customerBody, siteBody, subBrandBody, unique } from '../helpers/bodies.ts'
import { ADMIN, startRealServer, type RealServer } from '../helpers/real-server.ts'

/** Whole months from one period start (yyyy-MM-01) to another. */
const monthsFrom = (from: string, to: string) => (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7))

describe('the Bill Run API against the real server (its job workers on)', () => {
  let server: RealServer
  let client: ElevateClient

  before(async () => {
    server = await startRealServer()
    client = new ElevateClient({ baseUrl: server.url, ...ADMIN } as ElevateClientOptions)
  })
  after(() => server?.stop())

  /**
   * Reads the bill run until its step's job (run by the server's worker) is done: each read a
   * request, no timer. Bounded by time, not a count of reads: a busy machine's worker can take
   * longer than a few thousand quick reads.
   */
  async function untilStepDone(run: BillRun): Promise<BillRun> {
    const deadline = Date.now() + 120_000
    while (run.summaryStatusPercentage !== 100 && Date.now() < deadline) run = await client.billRuns.get(run.id)
    return run
  }

  /** Moves the bill run to a step, then reads it until the step's job is done. */
  async function step(id: number, summaryStatus: string, billRunStatus?: string): Promise<BillRun> {
    const operations = [{ op: 'replace' as const, path: '/summaryStatus', value: summaryStatus }, ...(billRunStatus === undefined ? [] : [{ op: 'replace' as const, path: '/billRunStatus', value: billRunStatus }])]
    const run = await untilStepDone(await client.billRuns.update(id, operations))
    assert.equal(run.summaryStatusPercentage, 100, `the ${summaryStatus} step finished`)
    return run
  }

  it('adjusts the schedule, closes the bill run (a job the server runs), and creates an adhoc bill run', async () => {
    const [open] = await client.billRuns.list({ page: 1, pageSize: 1, billRunStatus: 'OPEN' })
    assert.ok(open !== undefined, 'the seeded cycle has its current bill run')
    const moved = await client.billRuns.adjustSchedule(open.id, { periods: 1 })
    assert.equal(Date.parse(moved.periodStartDate) > Date.parse(open.periodStartDate), true)
    const closing = await client.billRuns.update(open.id, [
      { op: 'replace', path: '/billRunStatus', value: 'CLOSED' },
      { op: 'replace', path: '/summaryStatus', value: 'REPORTING' },
    ])
    assert.deepEqual([closing.billRunStatus, closing.summaryStatus], ['CLOSED', 'REPORTING'])
    assert.equal((await untilStepDone(closing)).summaryStatusPercentage, 100)
    const refused = await client.billRuns.update(open.id, [{ op: 'replace', path: '/summaryStatus', value: 'PROPERTIES' }, { op: 'replace', path: '/billRunStatus', value: 'CLOSED' }]).catch((error: unknown) => error)
    assert.ok(refused instanceof ApiError && refused.status === 400)
    const adhoc = await client.adhocBillRuns.create({ name: 'SDK adhoc', invoiceDate: '2030-01-31' })
    assert.deepEqual([adhoc.billRunStatus, adhoc.summaryStatus], ['OPEN', 'PROPERTIES'])
  })

  // The acceptance test of billing (docs/billing.md, worked example): a catalogue, a customer with
  // two sites, RPIs from mid-January 2030, the bill run closed, drafted, made final and distributed,
  // and the invoice checked against the figures worked out by hand.
  it('rates and invoices a month: proration, advance, a one-off, 20% tax, one invoice to the receiving site; the next period is OPEN; then paid in two parts, part refunded, and the balance and credit status follow', async () => {
    // Catalogue: a monthly £20 line rental in advance, a £35 one-off installation, tax band T1 (20%).
    const owner = await client.contractOwners.create(contractOwnerBody())
    const subBrand = await client.contractOwnerSubBrands.create(subBrandBody(owner.id))
    const cycle = await client.billingCycles.create(billingCycleBody(owner.id))
    const supplier = await client.suppliers.create({ name: unique('Openreach') })
    const account = await client.supplierAccounts.create(supplier.id, { accountNumber: unique('OR') })
    const category = await client.rentalProductCategories.create({ name: unique('Lines'), startDate: '2024-01-01', contractOwnerIds: [owner.id] })
    const [band] = await client.taxBands.list({ page: 1, pageSize: 1, code: 'T1' })
    const product = (name: string) =>
      client.rentalProducts.create({ rentalProductCategoryId: category.id, productType: 'PRODUCT', name: unique(name), invoicePresentationName: name, supplierId: supplier.id, taxBandId: band!.id, availableFrom: '2024-01-01' })
    const lineRental = await product('Line rental')
    const installation = await product('Installation')
    const card = await client.rentalRateCards.create({
      contractOwnerIds: [owner.id],
      name: unique('Standard'),
      rentalProductCategoryId: category.id,
      rentalRateCardType: 'SELL',
      availableFrom: '2024-01-01',
      rentalRates: [
        { rentalProductId: lineRental.id, price: 20, rentalRatePriceType: 'RENTAL', rentalRateType: 'ADVANCE', periodsInAdvance: 'STANDARD', rentalRateFrequency: 'MONTHLY', startDate: '2024-01-01' },
        { rentalProductId: installation.id, price: 35, rentalRatePriceType: 'ONEOFF', startDate: '2024-01-01' },
      ],
    })

    // A customer with two sites: B's invoices go to A.
    const receiving = { ...siteBody(), siteInvoiceDetails: { invoiceTemplateId: 1, paymentTermsInDays: 30 } }
    const customer = await client.customers.create(customerBody({ contractOwnerId: owner.id, subBrandId: subBrand.id, billingCycleId: cycle.id }, { sites: [receiving] }))
    const siteA = customer.sites[0]!.id
    const siteB = (await client.sites.create({ customerId: customer.id, ...siteBody(), siteIdReceivingInvoice: siteA })).id
    await client.rentalRateCardAssignments.create({ assignmentLevel: 'CUSTOMER', customerId: customer.id, rentalRateCardId: card.id, startDate: '2024-01-01' })
    const rpi = (siteId: number, rentalProductId: number, name: string, startDate: string) =>
      client.rentalProductInventories.create({ siteId, rentalProductId, invoicePresentationProductName: name, supplierAccountId: account.id, startDate, invoiceFrequency: 1, quantity: 1 })
    await rpi(siteA, lineRental.id, 'Line rental', '2030-01-15')
    await rpi(siteA, installation.id, 'Installation', '2030-01-15')
    await rpi(siteB, lineRental.id, 'Line rental', '2030-01-10')

    // The cycle's bill run, moved to January 2030 (the real clock's month would vary in length).
    const [current] = await client.billRuns.list({ page: 1, pageSize: 1, billingCycleId: String(cycle.id), billRunStatus: 'OPEN' })
    const january = await client.billRuns.adjustSchedule(current!.id, { periods: monthsFrom(current!.periodStartDate, '2030-01-01') })
    assert.deepEqual([january.periodStartDate, january.periodEndDate], ['2030-01-01', '2030-01-31'])

    const closed = await step(january.id, 'REPORTING', 'CLOSED')
    assert.deepEqual([closed.revenueInMajorCurrency, closed.maxInvoiceValue, closed.maxInvoiceCustomerId], [100.16, 120.19, customer.id])
    const records = await client.rentalRatedSellRecords.list({ page: 1, pageSize: 10, customerId: String(customer.id), billRunId: String(january.id), sort: 'siteId,chargeStartDate,id' })
    assert.deepEqual(records.map((r) => [r.priceType, r.chargeStartDate, r.chargeEndDate, r.sellPrice]), [
      ['Rental', '2030-01-15', '2030-01-31', 10.97],
      ['OneOff', '2030-01-15', '2030-01-15', 35],
      ['Rental', '2030-02-01', '2030-02-28', 20],
      ['Rental', '2030-01-10', '2030-01-31', 14.19],
      ['Rental', '2030-02-01', '2030-02-28', 20],
    ])
    await step(january.id, 'DRAFT_INVOICES')
    await step(january.id, 'FULL_INVOICES')
    const distributed = await step(january.id, 'DISTRIBUTION')
    assert.deepEqual([distributed.billRunStatus, distributed.summaryStatus], ['FINALIZED', 'FINISHED'])

    const invoices = await client.invoices.list({ page: 1, pageSize: 10, billRunId: String(january.id) })
    assert.equal(invoices.length, 1, 'one invoice, to the receiving site')
    const invoice = await client.invoices.get(invoices[0]!.id)
    assert.deepEqual([invoice.invoiceStatus, invoice.customerId, invoice.siteId, invoice.invoiceDate], ['FINAL', customer.id, siteA, '2030-02-01'])
    // By hand: 20 × 17/31 = 10.97 and 20 × 22/31 = 14.19 (half up), February in advance, the installation once; tax per line.
    assert.deepEqual(invoice.invoiceLines.map((l) => [l.siteId, l.description, l.periodStartDate, l.periodEndDate, l.amountInMajorCurrency, l.taxAmountInMajorCurrency]), [
      [siteA, 'Line rental', '2030-01-15', '2030-01-31', 10.97, 2.19],
      [siteA, 'Line rental', '2030-02-01', '2030-02-28', 20, 4],
      [siteA, 'Installation', '2030-01-15', '2030-01-15', 35, 7],
      [siteB, 'Line rental', '2030-01-10', '2030-01-31', 14.19, 2.84],
      [siteB, 'Line rental', '2030-02-01', '2030-02-28', 20, 4],
    ])
    assert.deepEqual([invoice.netAmountInMajorCurrency, invoice.taxAmountInMajorCurrency, invoice.grossAmountInMajorCurrency], [100.16, 20.03, 120.19])
    assert.match(invoice.invoiceNumber ?? '', /^\d+$/)

    const [next] = await client.billRuns.list({ page: 1, pageSize: 1, billingCycleId: String(cycle.id), billRunStatus: 'OPEN' })
    assert.deepEqual([next?.periodStartDate, next?.periodEndDate, next?.summaryStatus], ['2030-02-01', '2030-02-28', 'PROPERTIES'])

    // The money (Payment and Refund API): pay the £120.19 in two parts, refund part, read the balance.
    const balance = async () => (await client.customerBalances.retrieve({ customer_id: customer.id })).balance
    assert.equal(await balance(), -120.19, 'a debt is negative')
    await client.invoicePayments.create({ invoiceId: invoice.id, amountInMajorCurrency: 100, paymentMethod: 'CHEQUE', reference: 'CHQ 1' })
    assert.equal((await client.invoices.get(invoice.id)).paymentStatus, 'PARTIALLY_PAID')
    await assert.rejects(client.invoicePayments.create({ invoiceId: invoice.id, amountInMajorCurrency: 20.2 }), (error: ApiError) => error.status === 409 && /20\.19/.test(error.message))
    const second = await client.invoicePayments.create({ invoiceId: invoice.id, amountInMajorCurrency: 20.19 })
    assert.equal((await client.invoices.get(invoice.id)).paymentStatus, 'PAID')
    assert.equal(await balance(), 0)
    await client.refunds.create({ invoicePaymentId: second.id, amountInMajorCurrency: 15, description: 'Goodwill' })
    assert.equal((await client.invoices.get(invoice.id)).paymentStatus, 'REFUND_PENDING')
    await client.invoicePaymentEvents.create({ invoiceId: invoice.id, billRunType: 'NORMAL', paymentStatus: 'PART_REFUNDED' })
    assert.equal(await balance(), -15, 'the refunded £15 is owed again')
    // The credit status measures the £15 owed against a threshold set for the customer.
    const status = await client.customerCreditStatus.setThreshold(customer.id, { creditThreshold: 20 })
    assert.deepEqual(status, { customerId: customer.id, creditThreshold: 20, billAmount: 15, valueDifference: 5, percentageDifference: 75, openBillRunValue: 0 })
    assert.deepEqual(await client.customerCreditStatus.list({ page: 1, pageSize: 10, customerId: String(customer.id), percentageDifference: 'ge:75' }), [status])
  })
})
