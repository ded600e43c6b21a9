import { sql } from 'kysely'
import type { TenantReader } from '../../db/database.ts'
import type { Condition } from '../../lists/filters.ts'
import type { Lookup } from '../../resources/lookups.ts'
import { childRowsJson } from '../../resources/children.ts'
import { resourceTable } from '../../resources/table.ts'
import { rentalRateRows } from '../rental-rates/index.ts'
import { rentalRateCardResource } from './rental-rate-card.fields.ts'
import './rental-rate-card.table.ts'

export const rentalRateCards = resourceTable('rental_rate_cards', rentalRateCardResource, {
  references: { rental_rate_cards_template_fkey: 'basedOnTemplateId' },
  referencedBy: { rental_rate_cards_template_fkey: 'rental rate cards based on it' },
  inUseAdvice: 'base them on another template first',
  computed: { rental_rates: childRowsJson(rentalRateRows) },
})

/** The type of a rental rate card, or undefined when the brand has none of that id. */
export const rentalRateCardTypeLookup = (id: number): Lookup<string> => (db) =>
  db.selectFrom('rental_rate_cards').select('rental_rate_card_type as value').where('id', '=', id)

/**
 * The published `contractOwnerId` filter names one owner (or `in:` several): it matches the cards
 * whose `contractOwnerIds` include one of them, as a condition on the card's id.
 */
export function contractOwnerConditions(conditions: readonly Condition[], table: 'rental_rate_cards' | 'usage_rate_cards' = 'rental_rate_cards'): Condition[] {
  return conditions.map((condition) => {
    if (condition.column !== 'contract_owner_ids') return condition
    const owners = condition.operator === 'in' ? (condition.value as number[]) : [condition.value as number]
    return { column: 'id', operator: 'in', value: sql`(select c.id from ${sql.table(table)} as c where c.contract_owner_ids && ${owners}::bigint[])` }
  })
}

/** Locks a rental rate card (its rates are written under it); false when there is none. */
export async function lockRentalRateCard(db: TenantReader, id: number): Promise<boolean> {
  return (await db.selectFrom('rental_rate_cards').select('id').where('id', '=', id).forUpdate().executeTakeFirst()) !== undefined
}

/** The rental product category of a card that prices sales (SELL or TEMPLATE: a BUY card is never assigned to a customer). */
export const sellRentalRateCardCategoryLookup = (id: number): Lookup<number> => (db) =>
  db.selectFrom('rental_rate_cards').select('rental_product_category_id as value').where('id', '=', id).where('rental_rate_card_type', '<>', 'BUY')
