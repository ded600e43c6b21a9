import assert from 'node:assert/strict'
import { siteBody } from '../helpers/fixtures.ts'
import type { HttpClient } from '../helpers/http.ts'
import type { TestServer } from '../helpers/server.ts'
import { created, inventorySetup, rentalProduct, type InventorySetup } from './inventory-fixtures.ts'

const JSON_PATCH = { 'content-type': 'application/json-patch+json' }

/**
 * A customer ready to bill, on a monthly cycle of its own: its first site receives the invoices of
 * a second (`siteIdReceivingInvoice`); a £20 monthly line rental in advance and a £35 one-off
 * installation on a rate card assigned to the customer; tax band T1 (20%).
 */
export interface BillingSetup extends InventorySetup {
  receivingSiteId: number
  billedSiteId: number
  lineRentalId: number
  installationId: number
  rateCardId: number
}

export async function billingSetup(server: HttpClient, token: string): Promise<BillingSetup> {
  const setup = await inventorySetup(server, token)
  const billed = await created(server, token, '/v1/sites', { customerId: setup.customerId, ...siteBody({ siteIdReceivingInvoice: setup.siteId }) })
  const lineRentalId = (await rentalProduct(server, setup, { invoicePresentationName: 'Line rental' })).id
  const installationId = (await rentalProduct(server, setup, { invoicePresentationName: 'Installation' })).id
  const card = await created(server, token, '/v2/rental-rate-cards', {
    contractOwnerIds: [setup.contractOwnerId],
    name: `Billing card ${process.pid}-${setup.customerId}`,
    rentalProductCategoryId: setup.categoryId,
    rentalRateCardType: 'SELL',
    availableFrom: '2024-01-01',
    rentalRates: [
      { rentalProductId: lineRentalId, price: 20, rentalRatePriceType: 'RENTAL', rentalRateType: 'ADVANCE', periodsInAdvance: 'STANDARD', rentalRateFrequency: 'MONTHLY', startDate: '2024-01-01' },
      { rentalProductId: installationId, price: 35, rentalRatePriceType: 'ONEOFF', startDate: '2024-01-01' },
    ],
  })
  await created(server, token, '/v1/rental-rate-card-assignments', { assignmentLevel: 'CUSTOMER', customerId: setup.customerId, rentalRateCardId: card.id, startDate: '2024-01-01' })
  return { ...setup, receivingSiteId: setup.siteId, billedSiteId: billed.id, lineRentalId, installationId, rateCardId: card.id }
}

/** An RPI of the setup: a product on a site from a day. */
export async function rpi(server: HttpClient, setup: BillingSetup, siteId: number, rentalProductId: number, startDate: string, more: Record<string, unknown> = {}): Promise<number> {
  const name = rentalProductId === setup.installationId ? 'Installation' : 'Line rental'
  const body = { siteId, rentalProductId, invoicePresentationProductName: name, supplierAccountId: setup.supplierAccountId, startDate, invoiceFrequency: 1, quantity: 1, ...more }
  return (await created(server, setup.token, '/v2/rental-product-inventories', body)).id
}

/** The current (OPEN) bill run of the setup's billing cycle. */
export async function currentBillRun(server: HttpClient, setup: BillingSetup): Promise<any> {
  const response = await server.request('GET', `/v1/bill-runs?page=1&pageSize=1&billingCycleId=${setup.billingCycleId}&billRunStatus=OPEN`, { token: setup.token })
  assert.equal(response.status, 200, response.text)
  return response.body[0]
}

/** Moves a bill run to a step and runs the step's job in-process (no sleeping); answers the bill run after it. */
export async function step(server: TestServer, token: string, id: number, summaryStatus: string, billRunStatus?: string): Promise<any> {
  const operations = [{ op: 'replace', path: '/summaryStatus', value: summaryStatus }, ...(billRunStatus === undefined ? [] : [{ op: 'replace', path: '/billRunStatus', value: billRunStatus }])]
  const moved = await server.request('PATCH', `/v1/bill-runs/${id}`, { token, headers: JSON_PATCH, body: JSON.stringify(operations) })
  assert.equal(moved.status, 200, moved.text)
  await server.app.jobs.runPending()
  const after = await server.request('GET', `/v1/bill-runs/${id}`, { token })
  assert.equal(after.body.summaryStatusPercentage, 100, `the ${summaryStatus} step finished`)
  return after.body
}

/** The invoices of a bill run, with their lines. */
export async function invoicesOf(server: HttpClient, token: string, billRunId: number): Promise<any[]> {
  const listed = await server.request('GET', `/v1/invoices?page=1&pageSize=100&billRunId=${billRunId}&billRunType=NORMAL`, { token })
  assert.equal(listed.status, 200, listed.text)
  return listed.body
}

/** The rated sell records of a bill run for a customer. */
export async function ratedRecords(server: HttpClient, token: string, customerId: number, billRunId: number): Promise<any[]> {
  const listed = await server.request('GET', `/v1/rental-rated-sell-records?page=1&pageSize=100&customerId=${customerId}&billRunId=${billRunId}&sort=siteId,chargeStartDate,id`, { token })
  assert.equal(listed.status, 200, listed.text)
  return listed.body
}
