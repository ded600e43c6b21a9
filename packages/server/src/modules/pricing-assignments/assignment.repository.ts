import { sql } from 'kysely'
import type { TenantReader } from '../../db/database.ts'
import { resourceTable } from '../../resources/table.ts'
import { inclusiveUsagePlanAssignmentResource, rentalRateCardAssignmentResource, usageRateCardAssignmentResource } from './assignment.fields.ts'
import type { AssignmentLevel } from './levels.ts'
import { buyRentalRateOverrideResource, rentalRateOverrideResource, usageRateOverrideResource } from './override.fields.ts'
import './assignment.table.ts'

/** The holder's foreign keys (auto-named): a customer or site deleted after the check is 400 on the field, not a 500. */
const holderReferences = (table: string) => ({ [`${table}_brand_id_customer_id_fkey`]: 'customerId', [`${table}_brand_id_site_id_fkey`]: 'siteId' })

export const rentalRateCardAssignments = resourceTable('rental_rate_card_assignments', rentalRateCardAssignmentResource, {
  references: { ...holderReferences('rental_rate_card_assignments'), rental_rate_card_assignments_card_fkey: 'rentalRateCardId' },
})

export const usageRateCardAssignments = resourceTable('usage_rate_card_assignments', usageRateCardAssignmentResource, {
  references: { ...holderReferences('usage_rate_card_assignments'), usage_rate_card_assignments_card_fkey: 'usageRateCardId' },
})

export const inclusiveUsagePlanAssignments = resourceTable('inclusive_usage_plan_assignments', inclusiveUsagePlanAssignmentResource, {
  references: { ...holderReferences('inclusive_usage_plan_assignments'), inclusive_usage_plan_assignments_plan_fkey: 'inclusiveUsagePlanId' },
})

export const rentalRateOverrides = resourceTable('rental_rate_overrides', rentalRateOverrideResource, {
  references: { ...holderReferences('rental_rate_overrides'), rental_rate_overrides_product_fkey: 'rentalProductId' },
})

export const buyRentalRateOverrides = resourceTable('buy_rental_rate_overrides', buyRentalRateOverrideResource)

export const usageRateOverrides = resourceTable('usage_rate_overrides', usageRateOverrideResource, {
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
