import type { TenantReader, TenantTransaction } from '../../db/database.ts'
import { resourceTable } from '../../resources/table.ts'
import { siteResource } from './site.fields.ts'
import './site.table.ts'

export const sites = resourceTable('sites', siteResource, { unique: { sites_reference_key: 'siteReference' } })

/** A site that could receive another's invoices: its customer, and whether it has its own. */
export async function invoiceReceiver(db: TenantReader, id: number): Promise<{ customerId: number; receivesInvoices: boolean } | undefined> {
  const row = await db.selectFrom('sites').select(['customer_id', 'site_invoice_details']).where('id', '=', id).executeTakeFirst()
  return row === undefined ? undefined : { customerId: row.customer_id, receivesInvoices: row.site_invoice_details !== null }
}

/** Keeps the copied contract owner of a customer's sites in step when the customer moves. */
export async function moveSites(trx: TenantTransaction, customerId: number, contractOwnerId: number): Promise<void> {
  await trx.updateTable('sites').set({ contract_owner_id: contractOwnerId }).where('customer_id', '=', customerId).execute()
}
