import type { Selectable } from 'kysely'
import type { TenantTransaction } from '../../db/database.ts'
import type { SitesTable } from '../../db/tables.ts'
import { tableRepository } from '../../resources/table-repository.ts'

export type SiteRow = Omit<Selectable<SitesTable>, 'brand_id'>
export type SiteValues = Omit<SiteRow, 'id' | 'version' | 'created_date' | 'updated_date'>

const COLUMNS = [
  'id', 'customer_id', 'contract_owner_id', 'site_name', 'site_reference', 'start_date', 'end_date', 'site_address',
  'site_invoice_details', 'site_id_receiving_invoice', 'contacts', 'repayment_plan_amount',
  'repayment_plan_remaining_periods', 'version', 'created_date', 'updated_date',
] as const

export const sites = tableRepository<SiteRow, SiteValues>('sites', COLUMNS)

/** Inserts several sites in one statement, returning them in the order given. */
export async function insertSites(trx: TenantTransaction, values: SiteValues[]): Promise<SiteRow[]> {
  const rows = await trx.insertInto('sites').values(values).returning(COLUMNS).execute()
  return rows.sort((a, b) => a.id - b.id)
}

/** A site that could receive another's invoices: its customer, and whether it has its own. */
export async function invoiceReceiver(trx: TenantTransaction, id: number): Promise<{ customerId: number; receivesInvoices: boolean } | undefined> {
  const row = await trx.selectFrom('sites').select(['customer_id', 'site_invoice_details']).where('id', '=', id).executeTakeFirst()
  return row === undefined ? undefined : { customerId: row.customer_id, receivesInvoices: row.site_invoice_details !== null }
}

/**
 * A customer's contract owner, if the customer exists in the brand. Sites read it here rather
 * than through the customers module, which itself creates sites (no import cycle).
 */
export async function customerOwner(trx: TenantTransaction, customerId: number): Promise<number | undefined> {
  const row = await trx.selectFrom('customers').select('contract_owner_id').where('id', '=', customerId).executeTakeFirst()
  return row?.contract_owner_id
}

/** Keeps the copied contract owner of a customer's sites in step when the customer moves. */
export async function moveSites(trx: TenantTransaction, customerId: number, contractOwnerId: number): Promise<void> {
  await trx.updateTable('sites').set({ contract_owner_id: contractOwnerId }).where('customer_id', '=', customerId).execute()
}
