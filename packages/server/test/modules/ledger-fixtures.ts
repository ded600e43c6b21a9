import { startTestServer, type TestServer } from '../helpers/server.ts'
import { billRun, createBilledCustomer, writeInvoices, type Billed } from './invoice-fixtures.ts'

/** The clock every payments test runs on: payment dates and event times come from it. */
export const NOW = new Date('2027-01-15T10:00:00.000Z')

export const startPaymentsServer = () => startTestServer({}, undefined, { clock: () => NOW })

/** Final invoices of the customer for these gross amounts (one line each, no tax), dated in the order given: their ids. */
export async function finalInvoices(server: TestServer, billed: Billed, grosses: readonly string[], type: 'NORMAL' | 'ADHOC' = 'NORMAL'): Promise<number[]> {
  const invoices = grosses.map((gross, n) => ({
    contractOwnerId: billed.setup.contractOwnerId,
    customerId: billed.customerId,
    siteId: billed.headOfficeId,
    currencyCode: 'GBP',
    invoiceDate: `2026-${String(n + 1).padStart(2, '0')}-01`,
    lines: [{ siteId: billed.headOfficeId, description: 'Service', quantity: 1, unitPrice: gross, taxRate: '0' }],
  }))
  const ids: number[] = []
  // One bill run per invoice: the invoice numbers follow the order given.
  for (const invoice of invoices) ids.push(...(await writeInvoices(server, billRun({ type }), [invoice])))
  return ids
}

/** A customer of its own (a contract owner, customer and sites) with final invoices of these gross amounts. */
export async function customerWithInvoices(server: TestServer, token: string, grosses: readonly string[], type: 'NORMAL' | 'ADHOC' = 'NORMAL') {
  const billed = await createBilledCustomer(server, token)
  return { billed, invoiceIds: await finalInvoices(server, billed, grosses, type) }
}

export type { Billed }
