import { sql } from 'kysely'
import type { TenantReader, TenantTransaction } from '../../db/database.ts'
import type { BillRunSubject } from '../bill-runs/index.ts'
import type { ChargeType } from './rated-charge.table.ts'
import './rated-charge.table.ts'

/**
 * The queries of rating: a handful of set-based statements per step, whatever the number of
 * customers (no query per customer, site or RPI). The customers', sites', products' and tax
 * bands' tables are read here in one statement each rather than through a call per record, as
 * the invoices module reads its parties.
 */

/** A site a bill run bills, with who pays and who receives its invoices. */
export interface BilledSite {
  siteId: number
  customerId: number
  contractOwnerId: number
  /** The site that receives its invoices: its siteIdReceivingInvoice, else itself. */
  invoiceSiteId: number
  currencyCode: string
}

/**
 * The sites a bill run bills, in one query: every site of the cycle's customers (scheduled), or
 * the sites of the run's own RPIs and adhoc inventories (adhoc). The currency is the customer's
 * billing cycle's.
 */
export async function billedSites(db: TenantReader, subject: BillRunSubject): Promise<BilledSite[]> {
  const which =
    subject.kind === 'scheduled'
      ? sql`c.billing_cycle_id = ${subject.billingCycleId}`
      : sql`s.id in (select site_id from rental_product_inventories where id = any(${subject.rentalProductInventoryIds}::bigint[])
                     union select site_id from adhoc_inventories where id = any(${subject.adhocProductInventoryIds}::bigint[]))`
  const result = await sql<{ site_id: string; customer_id: string; contract_owner_id: string; invoice_site_id: string; currency_code: string }>`
    select s.id as site_id, s.customer_id, c.contract_owner_id, coalesce(s.site_id_receiving_invoice, s.id) as invoice_site_id,
           coalesce(bc.details ->> 'currencyCode', 'GBP') as currency_code
      from sites as s
      join customers as c on c.brand_id = s.brand_id and c.id = s.customer_id
      join billing_cycles as bc on bc.brand_id = c.brand_id and bc.id = c.billing_cycle_id
     where ${which}
     order by s.id`.execute(db)
  return result.rows.map((row) => ({
    siteId: Number(row.site_id),
    customerId: Number(row.customer_id),
    contractOwnerId: Number(row.contract_owner_id),
    invoiceSiteId: Number(row.invoice_site_id),
    currencyCode: row.currency_code,
  }))
}

/** What rating needs of a rental product: its tax band and whether it prorates. */
export interface ProductTerms {
  taxBandId: number
  doNotProRate: boolean
}

export async function productTerms(db: TenantReader, productIds: readonly number[]): Promise<Map<number, ProductTerms>> {
  if (productIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('rental_products')
    .select(['id', 'tax_band_id', sql<boolean>`coalesce((details ->> 'doNotProRate')::boolean, false)`.as('do_not_pro_rate')])
    .where('id', '=', sql<number>`any(${[...new Set(productIds)]}::bigint[])`)
    .execute()
  return new Map(rows.map((row) => [Number(row.id), { taxBandId: Number(row.tax_band_id), doNotProRate: row.do_not_pro_rate }]))
}

export interface TaxRate {
  taxBandId: number
  rate: string
  startDate: string
  endDate: string | null
}

/** Every rate of some tax bands (a brand has a few bands with a few rates each). */
export async function taxRates(db: TenantReader, bandIds: readonly number[]): Promise<TaxRate[]> {
  if (bandIds.length === 0) return []
  const rows = await db
    .selectFrom('tax_band_rates')
    .select(['tax_band_id', sql<string>`rate::text`.as('rate'), 'start_date', 'end_date'])
    .where('tax_band_id', '=', sql<number>`any(${[...new Set(bandIds)]}::bigint[])`)
    .execute()
  return rows.map((row) => ({ taxBandId: Number(row.tax_band_id), rate: row.rate, startDate: row.start_date, endDate: row.end_date }))
}

/** What earlier bill runs billed of an RPI: its rentals up to a day, its one-off charge. */
export interface Billed {
  rentedTo: string | null
  oneOffBilled: boolean
}

export async function billedSoFar(db: TenantReader, rpiIds: readonly number[]): Promise<Map<number, Billed>> {
  if (rpiIds.length === 0) return new Map()
  const result = await sql<{ rpi_id: string; rented_to: string | null; one_off_billed: boolean }>`
    select rental_product_inventory_id as rpi_id,
           max(charge_end_date) filter (where charge_type = 'Rental')::text as rented_to,
           bool_or(charge_type = 'OneOff') as one_off_billed
      from rated_charges
     where rental_product_inventory_id = any(${[...rpiIds]}::bigint[])
     group by rental_product_inventory_id`.execute(db)
  return new Map(result.rows.map((row) => [Number(row.rpi_id), { rentedTo: row.rented_to, oneOffBilled: row.one_off_billed }]))
}

/** One rated charge to store: money as exact decimal text. */
export interface NewRatedCharge {
  customerId: number
  siteId: number
  rentalProductInventoryId: number | null
  adhocInventoryId: number | null
  chargeType: ChargeType
  description: string
  productReference: string | null
  chargeStartDate: string
  chargeEndDate: string
  unitPrice: string
  quantity: string
  amount: string
  taxBandId: number | null
  taxRate: string
  currencyCode: string
}

const owner = (subject: BillRunSubject) => (subject.kind === 'scheduled' ? { bill_run_id: subject.id, adhoc_bill_run_id: null } : { bill_run_id: null, adhoc_bill_run_id: subject.id })

/**
 * Stores a bill run's rated charges in one statement. A charge another bill run billed already
 * (the unique keys: one charge period of an RPI, one one-off, one adhoc inventory) is skipped,
 * never billed twice. Answers how many were stored.
 */
export async function insertRatedCharges(trx: TenantTransaction, subject: BillRunSubject, creationDate: string, charges: readonly NewRatedCharge[]): Promise<number> {
  if (charges.length === 0) return 0
  const { bill_run_id, adhoc_bill_run_id } = owner(subject)
  const result = await sql`
    insert into rated_charges (bill_run_id, adhoc_bill_run_id, customer_id, site_id, rental_product_inventory_id, adhoc_inventory_id, charge_type, description,
                               product_reference, charge_start_date, charge_end_date, unit_price, quantity, amount, tax_band_id, tax_rate, currency_code, creation_date)
    select ${bill_run_id}::bigint, ${adhoc_bill_run_id}::bigint, c."customerId", c."siteId", c."rentalProductInventoryId", c."adhocInventoryId", c."chargeType", c.description,
           c."productReference", c."chargeStartDate", c."chargeEndDate", c."unitPrice", c.quantity, c.amount, c."taxBandId", c."taxRate", c."currencyCode", ${creationDate}::date
      from jsonb_to_recordset(${JSON.stringify(charges)}::jsonb) as c("customerId" bigint, "siteId" bigint, "rentalProductInventoryId" bigint, "adhocInventoryId" bigint,
           "chargeType" text, description text, "productReference" text, "chargeStartDate" date, "chargeEndDate" date, "unitPrice" numeric, quantity numeric,
           amount numeric, "taxBandId" bigint, "taxRate" numeric, "currencyCode" text)
        on conflict do nothing`.execute(trx)
  return Number(result.numAffectedRows ?? 0)
}

/** Forgets what a bill run rated (reopening, or rating again). */
export async function deleteRatedCharges(trx: TenantTransaction, subject: BillRunSubject): Promise<void> {
  const column = subject.kind === 'scheduled' ? 'bill_run_id' : 'adhoc_bill_run_id'
  await trx.deleteFrom('rated_charges').where(column, '=', subject.id).execute()
}

/** A rated charge as invoicing reads it, with who receives its invoice. */
export interface ChargeToInvoice extends NewRatedCharge {
  contractOwnerId: number
  invoiceSiteId: number
}

/** A bill run's rated charges, in one query, in invoice order: customer, receiving site, site, id. */
export async function chargesToInvoice(db: TenantReader, subject: BillRunSubject): Promise<ChargeToInvoice[]> {
  const column = sql.ref(subject.kind === 'scheduled' ? 'r.bill_run_id' : 'r.adhoc_bill_run_id')
  const result = await sql<Record<string, string | null>>`
    select r.customer_id, r.site_id, r.rental_product_inventory_id, r.adhoc_inventory_id, r.charge_type, r.description, r.product_reference,
           r.charge_start_date::text, r.charge_end_date::text, r.unit_price::text, r.quantity::text, r.amount::text, r.tax_band_id, r.tax_rate::text,
           r.currency_code, c.contract_owner_id, coalesce(s.site_id_receiving_invoice, s.id) as invoice_site_id
      from rated_charges as r
      join sites as s on s.brand_id = r.brand_id and s.id = r.site_id
      join customers as c on c.brand_id = r.brand_id and c.id = r.customer_id
     where ${column} = ${subject.id}
     order by r.customer_id, invoice_site_id, r.site_id, r.id`.execute(db)
  const id = (value: string | null) => (value === null ? null : Number(value))
  return result.rows.map((row) => ({
    customerId: Number(row.customer_id),
    siteId: Number(row.site_id),
    rentalProductInventoryId: id(row.rental_product_inventory_id ?? null),
    adhocInventoryId: id(row.adhoc_inventory_id ?? null),
    chargeType: row.charge_type as ChargeType,
    description: row.description!,
    productReference: row.product_reference ?? null,
    chargeStartDate: row.charge_start_date!,
    chargeEndDate: row.charge_end_date!,
    unitPrice: row.unit_price!,
    quantity: row.quantity!,
    amount: row.amount!,
    taxBandId: id(row.tax_band_id ?? null),
    taxRate: row.tax_rate!,
    currencyCode: row.currency_code!,
    contractOwnerId: Number(row.contract_owner_id),
    invoiceSiteId: Number(row.invoice_site_id),
  }))
}

/**
 * Distribution: the run's final invoices show the bill run finalised. Only `bill_run_status`
 * changes (the one column of a final invoice that follows its bill run).
 */
export async function markInvoicesDistributed(trx: TenantTransaction, billRun: { id: number; type: 'NORMAL' | 'ADHOC'; status: string }): Promise<void> {
  await trx
    .updateTable('invoices')
    .set({ bill_run_status: billRun.status, updated_date: new Date() })
    .where('bill_run_type', '=', billRun.type)
    .where('bill_run_id', '=', billRun.id)
    .where('invoice_status', '=', 'FINAL')
    .execute()
}

/** Whether the run has draft invoices (written by its draft step, current until it is reopened). */
export async function hasDraftInvoices(db: TenantReader, billRun: { id: number; type: 'NORMAL' | 'ADHOC' }): Promise<boolean> {
  const row = await db
    .selectFrom('invoices')
    .select('id')
    .where('bill_run_type', '=', billRun.type)
    .where('bill_run_id', '=', billRun.id)
    .where('invoice_status', '=', 'DRAFT')
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}
