import type { TenantReader } from '../../db/database.ts'
import type { Condition } from '../../lists/filters.ts'
import type { Lookup } from '../../resources/lookups.ts'
import { childRowsJson } from '../../resources/children.ts'
import { idListConditions } from '../../resources/id-lists.ts'
import { resourceTable } from '../../resources/table.ts'
import { rentalRateRows } from '../rental-rates/index.ts'
import { rentalRateCardResource } from './rental-rate-card.fields.ts'
import './rental-rate-card.table.ts'

export const rentalRateCards = resourceTable('rental_rate_cards', rentalRateCardResource, {
  references: { rental_rate_cards_template_fkey: 'basedOnTemplateId' },
  referencedBy: { rental_rate_cards_template_fkey: 'rental rate cards based on it' },
  inUseAdvice: 'base them on another template first',
  // Kept in the card by triggers on its rates (migration 2026_12_09_0900), read as a column.
  computed: { rental_rates: childRowsJson(rentalRateRows, { table: 'rental_rate_cards', column: 'rental_rates_json' }) },
  // Kept by a trigger (migration 2026_12_09_0600): a page sends it with the rates appended.
  storedResource: 'api_json',
})

/** The type of a rental rate card, or undefined when the brand has none of that id. */
export const rentalRateCardTypeLookup = (id: number): Lookup<string> => (db) =>
  db.selectFrom('rental_rate_cards').select('rental_rate_card_type as value').where('id', '=', id)

/**
 * The published `contractOwnerId` filter names one owner (or `in:` several): it matches the cards
 * whose `contractOwnerIds` include one of them. A condition on the card's own array, so a list
 * walks its index and tests each card as it goes (a self-join by id cost a lookup per card).
 */
export function contractOwnerConditions(conditions: readonly Condition[]): Condition[] {
  return idListConditions('contract_owner_ids', conditions)
}

/** Locks a rental rate card (its rates are written under it); false when there is none. */
export async function lockRentalRateCard(db: TenantReader, id: number): Promise<boolean> {
  return (await db.selectFrom('rental_rate_cards').select('id').where('id', '=', id).forUpdate().executeTakeFirst()) !== undefined
}

/** The rental product category of a card that prices sales (SELL or TEMPLATE: a BUY card is never assigned to a customer). */
export const sellRentalRateCardCategoryLookup = (id: number): Lookup<number> => (db) =>
  db.selectFrom('rental_rate_cards').select('rental_product_category_id as value').where('id', '=', id).where('rental_rate_card_type', '<>', 'BUY')
