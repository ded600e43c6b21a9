import { sql } from 'kysely'
import type { TenantReader, TenantTransaction } from '../../db/database.ts'
import type { Lookup } from '../../resources/lookups.ts'
import { resourceTable } from '../../resources/table.ts'
import { adhocInventoryResource } from './adhoc-inventory.fields.ts'
import './adhoc-inventory.table.ts'

export const adhocInventories = resourceTable('adhoc_inventories', adhocInventoryResource, {
  references: {
    adhoc_inventories_site_fkey: 'siteId',
    adhoc_inventories_supplier_account_fkey: 'supplierAccountId',
    adhoc_inventories_category_fkey: 'rentalProductCategoryId',
    adhoc_inventories_tax_band_fkey: 'taxBandId',
    adhoc_inventories_label_fkey: 'invoiceGroupTagLabelId',
  },
})

/** The adhoc inventory's id, when it exists in the brand (for `lookUp`). */
export const adhocInventoryLookup = (id: number): Lookup<number> => (db) => db.selectFrom('adhoc_inventories').select('id as value').where('id', '=', id)

/** An adhoc charge as billing rates it: money as exact decimal text. */
export interface BillableAdhocInventory {
  id: number
  siteId: number
  name: string
  sellPrice: string
  quantity: string
  isCredit: boolean
  billImmediately: boolean
  rentalProductCategoryId: number
  taxBandId: number
  nominalCode: string | null
  invoiceGroupTagLabelId: number | null
  invoiceGroupTagValue: string | null
}

/**
 * The adhoc inventories of some sites not billed yet, in one query, ordered by site and id:
 * those for the sites' next bill run (`billImmediately` false), or for an adhoc bill run.
 */
export async function unbilledAdhocInventories(db: TenantReader, siteIds: readonly number[], options: { billImmediately: boolean }): Promise<BillableAdhocInventory[]> {
  if (siteIds.length === 0) return []
  const rows = await db
    .selectFrom('adhoc_inventories')
    .select(['id', 'site_id', 'name', 'sell_price', 'quantity', 'is_credit', 'bill_immediately', 'rental_product_category_id', 'tax_band_id', 'nominal_code', 'invoice_group_tag_label_id', 'invoice_group_tag_value'])
    .where('site_id', '=', sql<number>`any(${[...siteIds]}::bigint[])`)
    .where('bill_run_id', 'is', null)
    .where('adhoc_bill_run_id', 'is', null)
    .where('bill_immediately', '=', options.billImmediately)
    .orderBy('site_id')
    .orderBy('id')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    siteId: row.site_id,
    name: row.name,
    sellPrice: row.sell_price,
    quantity: row.quantity,
    isCredit: row.is_credit,
    billImmediately: row.bill_immediately,
    rentalProductCategoryId: row.rental_product_category_id,
    taxBandId: row.tax_band_id,
    nominalCode: row.nominal_code,
    invoiceGroupTagLabelId: row.invoice_group_tag_label_id,
    invoiceGroupTagValue: row.invoice_group_tag_value,
  }))
}

/**
 * Records the bill run (or adhoc bill run) that billed these adhoc inventories, in one statement;
 * answers the ids it marked (those not billed already), so a retried run marks nothing twice.
 */
export async function markAdhocInventoriesBilled(trx: TenantTransaction, ids: readonly number[], by: { billRunId: number } | { adhocBillRunId: number }): Promise<number[]> {
  if (ids.length === 0) return []
  const set = 'billRunId' in by ? { bill_run_id: by.billRunId } : { adhoc_bill_run_id: by.adhocBillRunId }
  const rows = await trx
    .updateTable('adhoc_inventories')
    .set({ ...set, updated_date: new Date(), version: sql<number>`version + 1` })
    .where('id', '=', sql<number>`any(${[...ids]}::bigint[])`)
    .where('bill_run_id', 'is', null)
    .where('adhoc_bill_run_id', 'is', null)
    .returning('id')
    .execute()
  return rows.map((row) => row.id)
}

/**
 * Forgets which adhoc inventories a bill run (or adhoc bill run) billed, in one statement: a
 * reopened run gives them back to be billed again. Answers the ids it released.
 */
export async function releaseAdhocInventoriesBilled(trx: TenantTransaction, by: { billRunId: number } | { adhocBillRunId: number }): Promise<number[]> {
  const query = trx.updateTable('adhoc_inventories').set({ bill_run_id: null, adhoc_bill_run_id: null, updated_date: new Date(), version: sql<number>`version + 1` })
  const rows = await ('billRunId' in by ? query.where('bill_run_id', '=', by.billRunId) : query.where('adhoc_bill_run_id', '=', by.adhocBillRunId)).returning('id').execute()
  return rows.map((row) => row.id)
}
