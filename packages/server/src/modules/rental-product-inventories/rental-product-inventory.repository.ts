import { sql } from 'kysely'
import type { TenantReader } from '../../db/database.ts'
import type { Lookup } from '../../resources/lookups.ts'
import { resourceTable } from '../../resources/table.ts'
import { rentalProductInventoryResource } from './rental-product-inventory.fields.ts'
import './rental-product-inventory.table.ts'

export const rentalProductInventories = resourceTable('rental_product_inventories', rentalProductInventoryResource, {
  references: {
    rental_product_inventories_site_fkey: 'siteId',
    rental_product_inventories_product_fkey: 'rentalProductId',
    rental_product_inventories_parent_fkey: 'parentRentalProductInventoryId',
    rental_product_inventories_supplier_account_fkey: 'supplierAccountId',
  },
  referencedBy: { rental_product_inventories_parent_fkey: 'child rental product inventories (features)' },
  inUseAdvice: 'delete its child rental product inventories first, or end it with an endDate instead',
})

/** The RPI's id, when it exists in the brand (for `lookUp`). */
export const rentalProductInventoryLookup = (id: number): Lookup<number> => (db) => db.selectFrom('rental_product_inventories').select('id as value').where('id', '=', id)

/** What a child RPI checks against its parent. */
export interface ParentTerms {
  siteId: number
  rentalProductId: number
  parentRentalProductInventoryId: number | null
  startDate: string
  endDate: string | null
}

export const parentTermsLookup = (id: number): Lookup<ParentTerms> => (db) =>
  db
    .selectFrom('rental_product_inventories')
    .select(
      sql<ParentTerms>`json_build_object('siteId', site_id, 'rentalProductId', rental_product_id,
        'parentRentalProductInventoryId', parent_rental_product_inventory_id, 'startDate', start_date, 'endDate', end_date)`.as('value'),
    )
    .where('id', '=', id)

/** A rental product inventory as billing rates it. */
export interface BillableRentalProductInventory {
  id: number
  siteId: number
  rentalProductId: number
  parentRentalProductInventoryId: number | null
  invoicePresentationProductName: string
  productReference: string | null
  nominalCode: string | null
  startDate: string
  endDate: string | null
  contractStartDate: string | null
  invoiceFrequency: number
  quantity: number
  treatStartAsWholePeriod: boolean
  treatEndAsWholePeriod: boolean
  alignedToStart: boolean
  alignedToBillPeriod: boolean
  billInitialChargesImmediately: boolean
  forceBilling: boolean
  forceBillPeriods: number
}

/**
 * The billable RPIs of some sites for a bill period, in one query, ordered by site and id: those
 * `billable` and not an in-flight order, that start on or before the period's last day and do
 * not end before its first, plus those ended earlier with `forceBilling` (billing decides how many
 * periods they still owe). Dates are inclusive, `yyyy-MM-dd`.
 */
export async function billableRentalProductInventories(
  db: TenantReader,
  siteIds: readonly number[],
  period: { startDate: string; endDate: string },
): Promise<BillableRentalProductInventory[]> {
  if (siteIds.length === 0) return []
  const rows = await db
    .selectFrom('rental_product_inventories')
    .select([
      'id', 'site_id', 'rental_product_id', 'parent_rental_product_inventory_id', 'invoice_presentation_product_name', 'product_reference', 'nominal_code',
      'start_date', 'end_date', 'contract_start_date', 'invoice_frequency', 'quantity', 'treat_start_as_whole_period', 'treat_end_as_whole_period',
      'aligned_to_start', 'aligned_to_bill_period', 'bill_initial_charges_immediately', 'force_billing', 'force_bill_periods',
    ])
    .where('site_id', '=', sql<number>`any(${[...siteIds]}::bigint[])`)
    .where('billable', '=', true)
    .where('in_flight_order', '=', false)
    .where('start_date', '<=', period.endDate)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', period.startDate), eb('force_billing', '=', true)]))
    .orderBy('site_id')
    .orderBy('id')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    siteId: row.site_id,
    rentalProductId: row.rental_product_id,
    parentRentalProductInventoryId: row.parent_rental_product_inventory_id,
    invoicePresentationProductName: row.invoice_presentation_product_name,
    productReference: row.product_reference,
    nominalCode: row.nominal_code,
    startDate: row.start_date,
    endDate: row.end_date,
    contractStartDate: row.contract_start_date,
    invoiceFrequency: row.invoice_frequency,
    quantity: row.quantity,
    treatStartAsWholePeriod: row.treat_start_as_whole_period,
    treatEndAsWholePeriod: row.treat_end_as_whole_period,
    alignedToStart: row.aligned_to_start,
    alignedToBillPeriod: row.aligned_to_bill_period,
    billInitialChargesImmediately: row.bill_initial_charges_immediately,
    forceBilling: row.force_billing,
    forceBillPeriods: row.force_bill_periods,
  }))
}

/** Where an RPI is held and what it holds, when the brand has it (for `lookUp`: the pricing assignments). */
export const rentalProductInventoryHolderLookup = (id: number): Lookup<{ siteId: number; productId: number }> => (db) =>
  db
    .selectFrom('rental_product_inventories')
    .select(sql<{ siteId: number; productId: number }>`json_build_object('siteId', site_id, 'productId', rental_product_id)`.as('value'))
    .where('id', '=', id)
