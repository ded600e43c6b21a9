import { childRowsJson } from '../../resources/children.ts'
import type { Lookup } from '../../resources/lookups.ts'
import { resourceTable } from '../../resources/table.ts'
import { usageRateRows } from '../usage-rates/index.ts'
import { usageRateCardResource } from './usage-rate-card.fields.ts'
import './usage-rate-card.table.ts'

export const usageRateCards = resourceTable('usage_rate_cards', usageRateCardResource, {
  references: { usage_rate_cards_supplier_fkey: 'supplierId', usage_rate_cards_usage_product_fkey: 'usageProductId' },
  // Kept in the card by triggers on its rates (migration 2026_12_09_0900), read as a column.
  computed: { usage_rates: childRowsJson(usageRateRows, { table: 'usage_rate_cards', column: 'usage_rates_json' }) },
  // Kept by a trigger (migration 2026_12_09_0600): a page sends it with the rates appended.
  storedResource: 'api_json',
})

/** The usage product of a card that prices sales (SELL or TEMPLATE: a BUY card is never assigned to a customer). */
export const sellUsageRateCardProductLookup = (id: number): Lookup<number> => (db) =>
  db.selectFrom('usage_rate_cards').select('usage_product_id as value').where('id', '=', id).where('rate_card_type', '<>', 'BUY')
