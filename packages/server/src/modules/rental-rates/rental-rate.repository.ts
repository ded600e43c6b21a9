import type { TenantReader } from '../../db/database.ts'
import type { Condition } from '../../lists/filters.ts'
import { childConditions, type ChildRows } from '../../resources/children.ts'
import { resourceTable } from '../../resources/table.ts'
import { rentalRateResource } from './rental-rate.fields.ts'
import './rental-rate.table.ts'

/** A card's rates as the card answers them (`rentalRates`, one query with the card). */
export const rentalRateRows: ChildRows = {
  table: 'rental_rates',
  parentColumn: 'rental_rate_card_id',
  fields: {
    id: 'id',
    rentalProductId: 'rental_product_id',
    price: 'price',
    rentalRateType: 'rental_rate_type',
    rentalRatePriceType: 'rental_rate_price_type',
    periodsInAdvance: 'periods_in_advance',
    rentalRateFrequency: 'rental_rate_frequency',
    startDate: 'start_date',
    endDate: 'end_date',
    showOnInvoice: 'show_on_invoice',
  },
  decimals: ['price'],
  nullable: ['rentalRateType', 'periodsInAdvance', 'rentalRateFrequency', 'endDate'],
  // Kept by a trigger (migration 2026_12_09_0500): a card of 10,000 rates joins their text.
  stored: 'api_json',
}

export const rentalRates = resourceTable('rental_rates', rentalRateResource, {
  references: { rental_rates_card_fkey: 'rentalRateCardId', rental_rates_product_fkey: 'rentalProductId' },
  // A page of every field answers the rates' stored JSON, as their card does.
  storedJson: rentalRateRows,
})

/** The card a rate belongs to, or undefined when the brand has no such rate. */
export async function cardOfRate(db: TenantReader, id: number): Promise<number | undefined> {
  const row = await db.selectFrom('rental_rates').select('rental_rate_card_id').where('id', '=', id).executeTakeFirst()
  return row === undefined ? undefined : Number(row.rental_rate_card_id)
}

/**
 * Locks the rate card whose rates are written (so two writers cannot both pass the overlap check)
 * and bumps its version: the card answers its rates, so its ETag changes with them.
 */
export async function lockAndTouchCard(db: TenantReader, cardId: number): Promise<boolean> {
  const row = await db
    .updateTable('rental_rate_cards')
    .set((eb) => ({ version: eb('version', '+', 1), updated_date: new Date() }))
    .where('id', '=', cardId)
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

/** The periods of one series of a card's rates (one product, one price type), but `except`. */
export async function seriesPeriods(db: TenantReader, cardId: number, productId: number, priceType: string, except: number | undefined) {
  let query = db
    .selectFrom('rental_rates')
    .select(['id', 'start_date as startDate', 'end_date as endDate'])
    .where('rental_rate_card_id', '=', cardId)
    .where('rental_product_id', '=', productId)
    .where('rental_rate_price_type', '=', priceType)
  if (except !== undefined) query = query.where('id', '<>', except)
  return (await query.orderBy('start_date').execute()).map((row) => ({ ...row, id: Number(row.id) }))
}

/** The products a `rentalProductName` filter reaches: their ids, matched by name. */
const productNames: ChildRows = { table: 'rental_products', parentColumn: 'id', fields: { name: 'name' } }

/**
 * The published `rentalProductName` filter: rates of the products whose name matches, as a
 * condition on `rental_product_id` (one subquery; the other conditions pass through).
 */
export function productNameConditions(conditions: readonly Condition[]): Condition[] {
  const own = conditions.filter((condition) => !condition.column.startsWith('rental_products.'))
  if (own.length === conditions.length) return [...conditions]
  const [products] = childConditions(productNames, conditions.filter((condition) => condition.column.startsWith('rental_products.')))
  return [...own, { ...products!, column: 'rental_product_id' }]
}
