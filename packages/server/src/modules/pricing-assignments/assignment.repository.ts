import { sql } from 'kysely'
import type { TenantReader } from '../../db/database.ts'
import { resourceTable } from '../../resources/table.ts'
import { inclusiveUsagePlanAssignmentResource, rentalRateCardAssignmentResource, usageRateCardAssignmentResource } from './assignment.fields.ts'
import type { AssignmentLevel } from './levels.ts'
import { buyRentalRateOverrideResource, rentalRateOverrideResource, usageRateOverrideResource } from './override.fields.ts'
import './assignment.table.ts'

/** The holder's foreign keys (auto-named): a customer or site deleted after the check is 400 on the field, not a 500. */
const holderReferences = (table: string) => ({ [`${table}_brand_id_customer_id_fkey`]: 'customerId', [`${table}_brand_id_site_id_fkey`]: 'siteId' })

/** `<table>_assignment_level_sort` (migration 2026_12_09_1100): a deep page by level finds its ids there first. */
const byLevel = { idsByIndex: ['assignment_level'] }

export const rentalRateCardAssignments = resourceTable('rental_rate_card_assignments', rentalRateCardAssignmentResource, {
  ...byLevel,
  references: { ...holderReferences('rental_rate_card_assignments'), rental_rate_card_assignments_card_fkey: 'rentalRateCardId' },
})

export const usageRateCardAssignments = resourceTable('usage_rate_card_assignments', usageRateCardAssignmentResource, {
  ...byLevel,
  references: { ...holderReferences('usage_rate_card_assignments'), usage_rate_card_assignments_card_fkey: 'usageRateCardId' },
})

export const inclusiveUsagePlanAssignments = resourceTable('inclusive_usage_plan_assignments', inclusiveUsagePlanAssignmentResource, {
  ...byLevel,
  references: { ...holderReferences('inclusive_usage_plan_assignments'), inclusive_usage_plan_assignments_plan_fkey: 'inclusiveUsagePlanId' },
})

export const rentalRateOverrides = resourceTable('rental_rate_overrides', rentalRateOverrideResource, {
  ...byLevel,
  references: { ...holderReferences('rental_rate_overrides'), rental_rate_overrides_product_fkey: 'rentalProductId' },
})

export const buyRentalRateOverrides = resourceTable('buy_rental_rate_overrides', buyRentalRateOverrideResource, byLevel)

export const usageRateOverrides = resourceTable('usage_rate_overrides', usageRateOverrideResource, {
  ...byLevel,
  references: { ...holderReferences('usage_rate_overrides'), usage_rate_overrides_product_fkey: 'usageProductId', usage_rate_overrides_charge_group_fkey: 'chargeGroupId' },
})

export type AssignmentTableName =
  | 'rental_rate_card_assignments'
  | 'usage_rate_card_assignments'
  | 'inclusive_usage_plan_assignments'
  | 'rental_rate_overrides'
  | 'buy_rental_rate_overrides'
  | 'usage_rate_overrides'

/** The column holding the holder's id at a level. */
export function holderColumn(level: AssignmentLevel, inventoryColumn: string): string {
  return level === 'CUSTOMER' ? 'customer_id' : level === 'SITE' ? 'site_id' : inventoryColumn
}

/**
 * One series of assignments: one table, one level, one holder and what the series is of (a card
 * category, a product), as column values. Its periods may not overlap.
 */
export interface Series {
  table: AssignmentTableName
  key: Record<string, number | string>
}

const seriesText = (series: Series) => `${series.table}:${Object.entries(series.key).map(([column, value]) => `${column}=${value}`).join(',')}`

/**
 * Locks a series for the rest of the transaction (a transaction-level advisory lock on its text),
 * so two writers of one series cannot both pass the overlap check; other series are not blocked.
 */
export async function lockSeries(db: TenantReader, series: Series): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${seriesText(series)}, 0))`.execute(db)
}

/** The periods of a series, but `except` (the record being updated). */
export async function seriesPeriods(db: TenantReader, series: Series, except: number | undefined) {
  const conditions = Object.entries(series.key).map(([column, value]) => sql`${sql.ref(column)} = ${value}`)
  const result = await sql<{ id: number; startDate: string; endDate: string | null }>`
    select id, start_date::text as "startDate", end_date::text as "endDate"
      from ${sql.table(series.table)}
     where ${sql.join(conditions, sql` and `)} and id <> ${except ?? 0}
     order by start_date`.execute(db)
  return result.rows.map((row) => ({ ...row, id: Number(row.id) }))
}

/** An inventory item billing prices: its product and where it is held. */
export interface HeldItem {
  inventoryId: number
  siteId: number | null
  customerId: number
  productId: number
}

export interface CandidateRows {
  assignments: Array<{ id: number; assignment_level: AssignmentLevel; customer_id: number | null; site_id: number | null; rental_product_inventory_id: number | null; rental_rate_card_id: number; start_date: string; end_date: string | null; accept_overrides_from_parents: boolean }>
  rates: Array<{ id: number; rental_rate_card_id: number; rental_product_id: number; rental_rate_price_type: string; price: string; start_date: string; end_date: string | null } & RentalTermsRow>
  overrides: Array<{ id: number; assignment_level: AssignmentLevel; customer_id: number | null; site_id: number | null; rental_product_inventory_id: number | null; rental_product_id: number; rental_rate_price_type: string; price: string; start_date: string; end_date: string | null; apply_this_to_children: boolean } & RentalTermsRow>
}

/** How a recurring price is charged (null on one-off prices). */
export interface RentalTermsRow {
  rental_rate_type: string | null
  periods_in_advance: string | null
  rental_rate_frequency: string | null
}

/**
 * Every rental price candidate of many inventory items over a period, in one statement: the card
 * assignments holding any of them (by customer, site or item) with their cards' override rule,
 * those cards' rates for the items' products, and the sell overrides holding them, each covering
 * some date of the period. Prices stay text (every digit). Each level is matched with an `in`
 * over the items (hashed by PostgreSQL), not a join per item: linear in assignments plus items.
 */
export async function rentalPriceCandidateRows(db: TenantReader, items: readonly HeldItem[], from: string, to: string): Promise<CandidateRows> {
  const column = <K extends keyof HeldItem>(key: K) => items.map((item) => item[key])
  const result = await sql<CandidateRows>`
    with items as (
      select * from unnest(${column('inventoryId')}::bigint[], ${column('siteId')}::bigint[], ${column('customerId')}::bigint[], ${column('productId')}::bigint[])
        as i (inventory_id, site_id, customer_id, product_id)
    ),
    assignments as (
      select a.id, a.assignment_level, a.customer_id, a.site_id, a.rental_product_inventory_id, a.rental_rate_card_id, a.start_date, a.end_date, c.accept_overrides_from_parents
        from rental_rate_card_assignments a
        join rental_rate_cards c on c.brand_id = a.brand_id and c.id = a.rental_rate_card_id
       where a.start_date <= ${to}::date and (a.end_date is null or a.end_date >= ${from}::date)
         and ((a.assignment_level = 'CUSTOMER' and a.customer_id in (select customer_id from items))
           or (a.assignment_level = 'SITE' and a.site_id in (select site_id from items))
           or (a.assignment_level = 'INVENTORY' and a.rental_product_inventory_id in (select inventory_id from items)))
    ),
    rates as (
      select r.id, r.rental_rate_card_id, r.rental_product_id, r.rental_rate_price_type, r.price::text as price, r.start_date, r.end_date,
             r.rental_rate_type, r.periods_in_advance, r.rental_rate_frequency
        from rental_rates r
       where r.rental_rate_card_id in (select rental_rate_card_id from assignments)
         and r.rental_product_id in (select product_id from items)
         and r.start_date <= ${to}::date and (r.end_date is null or r.end_date >= ${from}::date)
    ),
    overrides as (
      select o.id, o.assignment_level, o.customer_id, o.site_id, o.rental_product_inventory_id, o.rental_product_id, o.rental_rate_price_type, o.price::text as price,
             o.start_date, o.end_date, o.apply_this_to_children, o.rental_rate_type, o.periods_in_advance, o.rental_rate_frequency
        from rental_rate_overrides o
       where o.start_date <= ${to}::date and (o.end_date is null or o.end_date >= ${from}::date)
         and ((o.assignment_level = 'CUSTOMER' and (o.customer_id, o.rental_product_id) in (select customer_id, product_id from items))
           or (o.assignment_level = 'SITE' and (o.site_id, o.rental_product_id) in (select site_id, product_id from items))
           or (o.assignment_level = 'INVENTORY' and (o.rental_product_inventory_id, o.rental_product_id) in (select inventory_id, product_id from items)))
    )
    select (select coalesce(json_agg(assignments order by id), '[]') from assignments) as assignments,
           (select coalesce(json_agg(rates order by id), '[]') from rates) as rates,
           (select coalesce(json_agg(overrides order by id), '[]') from overrides) as overrides`.execute(db)
  return result.rows[0] ?? { assignments: [], rates: [], overrides: [] }
}
