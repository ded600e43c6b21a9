import type { TenantReader } from '../../db/database.ts'
import type { ChildRows } from '../../resources/children.ts'
import { decimalNumber } from '../../resources/decimal.ts'
import type { FieldOptions } from '../../resources/fields.ts'
import { resourceTable } from '../../resources/table.ts'
import { usageRateFields, usageRateResource } from './usage-rate.fields.ts'
import './usage-rate.table.ts'

const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)

/** A card's rates as the card answers them (`usageRates`, one query with the card): every field, by its column. */
export const usageRateRows: ChildRows = {
  table: 'usage_rates',
  parentColumn: 'usage_rate_card_id',
  fields: Object.fromEntries(Object.keys(usageRateFields).map((name) => [name, snake(name)])),
  decimals: Object.entries(usageRateFields).flatMap(([name, f]): string[] => ((f.options as FieldOptions).read === decimalNumber ? [name] : [])),
  nullable: ['endDate'],
  // Kept by a trigger (migration 2026_12_09_0500): a card page joins its rates' text.
  stored: 'api_json',
}

export const usageRates = resourceTable('usage_rates', usageRateResource, {
  references: { usage_rates_card_fkey: 'usageRateCardId', usage_rates_charge_group_fkey: 'chargeGroupId' },
  // A page of every field answers the rates' stored JSON, as their card does.
  storedJson: usageRateRows,
})

/** The card a rate belongs to, or undefined when the brand has no such rate. */
export async function cardOfRate(db: TenantReader, id: number): Promise<number | undefined> {
  const row = await db.selectFrom('usage_rates').select('usage_rate_card_id').where('id', '=', id).executeTakeFirst()
  return row === undefined ? undefined : Number(row.usage_rate_card_id)
}

/**
 * Locks the usage rate card whose rates are written (so two writers cannot both pass the overlap
 * check) and bumps its version: the card answers its rates, so its ETag changes with them.
 */
export async function lockAndTouchCard(db: TenantReader, cardId: number): Promise<boolean> {
  const row = await db
    .updateTable('usage_rate_cards')
    .set((eb) => ({ version: eb('version', '+', 1), updated_date: new Date() }))
    .where('id', '=', cardId)
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

/** The periods of one series of a card's rates (one charge group), but `except`. */
export async function seriesPeriods(db: TenantReader, cardId: number, chargeGroupId: number, except: number | undefined) {
  let query = db
    .selectFrom('usage_rates')
    .select(['id', 'start_date as startDate', 'end_date as endDate'])
    .where('usage_rate_card_id', '=', cardId)
    .where('charge_group_id', '=', chargeGroupId)
  if (except !== undefined) query = query.where('id', '<>', except)
  return (await query.orderBy('start_date').execute()).map((row) => ({ ...row, id: Number(row.id) }))
}
