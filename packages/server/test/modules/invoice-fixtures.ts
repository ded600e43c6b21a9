import { finaliseInvoices, replaceDraftInvoices, type BillRunRef, type InvoiceInput } from '../../src/modules/invoices/index.ts'
import { contact, createAdminSetup, customerBody, siteBody, type AdminSetup } from '../helpers/fixtures.ts'
import type { TestServer } from '../helpers/server.ts'
import { brandId } from '../helpers/users.ts'

/** A customer with two sites: the head office receives its own invoices and the branch's. */
export interface Billed {
  setup: AdminSetup
  customerId: number
  headOfficeId: number
  branchId: number
}

export async function createBilledCustomer(server: TestServer, token: string, setup?: AdminSetup): Promise<Billed> {
  const admin = setup ?? (await createAdminSetup((m, p, o) => server.request(m, p, o), token))
  const headOffice = siteBody({
    siteInvoiceDetails: { invoiceTemplateId: 1, paymentTermsInDays: 30 },
    contacts: [contact({ email: 'accounts@acme.example' }), contact({ firstName: 'Bob', email: 'bob@acme.example' })],
  })
  const created = await server.request('POST', '/v1/customers', { token, json: customerBody(admin, { sites: [headOffice] }) })
  if (created.status !== 201) throw new Error(`customer: ${created.status} ${created.text}`)
  const headOfficeId = created.body.sites[0].id as number
  const branch = await server.request('POST', '/v1/sites', { token, json: { customerId: created.body.id, ...siteBody(), siteIdReceivingInvoice: headOfficeId } })
  if (branch.status !== 201) throw new Error(`site: ${branch.status} ${branch.text}`)
  return { setup: admin, customerId: created.body.id, headOfficeId, branchId: branch.body.id }
}

/**
 * One month's invoice: a £20 line rental for each site, prorated for the branch (16 of 30 days),
 * and a £35 installation, all at 20% tax. Net 20 + 10.67 + 35 = 65.67; tax 4 + 2.13 + 7 = 13.13;
 * gross 78.80.
 */
export function monthlyInvoice(billed: Billed, overrides: Partial<InvoiceInput> = {}): InvoiceInput {
  return {
    contractOwnerId: billed.setup.contractOwnerId,
    customerId: billed.customerId,
    siteId: billed.headOfficeId,
    currencyCode: 'GBP',
    invoiceDate: '2026-12-01',
    dueDate: '2026-12-31',
    periodStartDate: '2026-11-01',
    periodEndDate: '2026-11-30',
    lines: [
      { siteId: billed.headOfficeId, description: 'Line rental', quantity: 1, unitPrice: '20', taxRate: '20', periodStartDate: '2026-11-01', periodEndDate: '2026-11-30' },
      { siteId: billed.branchId, description: 'Line rental (16 of 30 days)', quantity: '0.5333', unitPrice: '20', amount: '10.666666', taxRate: '20', periodStartDate: '2026-11-15', periodEndDate: '2026-11-30' },
      { siteId: billed.branchId, description: 'Installation', quantity: 1, unitPrice: '35', taxRate: '20' },
    ],
    ...overrides,
  }
}

let billRuns = 1000
/** A bill run reference no other test uses. */
export const billRun = (overrides: Partial<BillRunRef> = {}): BillRunRef => ({ id: ++billRuns, type: 'NORMAL', status: 'CLOSED', ...overrides })

/** Writes the invoices as drafts of `run` and, unless `final` is false, finalises them: their ids. */
export async function writeInvoices(server: TestServer, run: BillRunRef, invoices: InvoiceInput[], final = true): Promise<number[]> {
  return server.db.withTenant(await brandId(server), async (trx) => {
    const ids = await replaceDraftInvoices(trx, run, invoices)
    if (final) await finaliseInvoices(trx, { ...run, status: 'FINALIZED' })
    return ids
  })
}
