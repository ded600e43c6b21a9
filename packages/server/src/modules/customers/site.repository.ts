import { sql } from 'kysely'
import type { Actor } from '../../auth/actor.ts'
import type { TenantReader, TenantTransaction } from '../../db/database.ts'
import type { Condition } from '../../lists/filters.ts'
import { childConditions, type ChildRows } from '../../resources/children.ts'
import type { Lookup } from '../../resources/lookups.ts'
import { resourceTable } from '../../resources/table.ts'
import { siteResource } from './site.fields.ts'
import './site.table.ts'

export const sites = resourceTable('sites', siteResource, { unique: { sites_reference_key: 'siteReference' } })

/**
 * A site's payment mandates (the payment-providers module's table), as far as the sites list
 * filters by them: not answered inside the site, as published.
 */
const mandateRows: ChildRows = { table: 'site_payment_mandates', parentColumn: 'site_id', fields: {} }

/**
 * The list's mandate filters as one condition, "its id is among the sites of a mandate matching
 * them all" (one indexed semi-join); without them the conditions pass through unchanged.
 */
export const mandateConditions = (conditions: readonly Condition[]) => childConditions(mandateRows, conditions)

/** A site that could receive another's invoices: its customer, and whether it has its own. */
export async function invoiceReceiver(db: TenantReader, id: number): Promise<{ customerId: number; receivesInvoices: boolean } | undefined> {
  const row = await db.selectFrom('sites').select(['customer_id', 'site_invoice_details']).where('id', '=', id).executeTakeFirst()
  return row === undefined ? undefined : { customerId: row.customer_id, receivesInvoices: row.site_invoice_details !== null }
}

/** Keeps the copied contract owner of a customer's sites in step when the customer moves. */
export async function moveSites(trx: TenantTransaction, customerId: number, contractOwnerId: number): Promise<void> {
  await trx.updateTable('sites').set({ contract_owner_id: contractOwnerId }).where('customer_id', '=', customerId).execute()
}

/** The customer of a site, when the brand has it (for `lookUp`). */
export const siteCustomerLookup = (id: number): Lookup<number> => (db) => db.selectFrom('sites').select('customer_id as value').where('id', '=', id)

/** The contract owner of a site (its customer's, copied), when the brand has it (for `lookUp`). */
export const siteOwnerLookup = (id: number): Lookup<number> => (db) => db.selectFrom('sites').select('contract_owner_id as value').where('id', '=', id)

/** What a write on a site's inventory checks: the site's contract owner (scope) and the dates it is live. */
export interface SiteTerms {
  contractOwnerId: number
  startDate: string
  endDate: string | null
}

/** The site's terms, when it exists in the brand (for `lookUp`). */
export const siteTermsLookup = (id: number): Lookup<SiteTerms> => (db) =>
  db
    .selectFrom('sites')
    .select(sql<SiteTerms>`json_build_object('contractOwnerId', contract_owner_id, 'startDate', start_date, 'endDate', end_date)`.as('value'))
    .where('id', '=', id)

/**
 * Contract-owner scope for records that hang off a site (inventory): their site is one of the
 * owner's. Sites keep their customer's owner in step (`moveSites`), so this follows a move.
 */
export function siteScopeConditions(actor: Actor, siteColumn: string): Condition[] {
  if (actor.contractOwnerId === null) return []
  return [{ column: siteColumn, operator: 'in', value: sql`(select s.id from sites as s where s.contract_owner_id = ${actor.contractOwnerId})` }]
}
