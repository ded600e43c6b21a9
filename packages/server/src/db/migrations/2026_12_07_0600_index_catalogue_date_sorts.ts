import type { Kysely } from 'kysely'
import { createSortIndexes, dropSortIndexes, type SortIndex } from './sort-indexes.ts'

// The catalogue's lists sorted by their validity date (availableFrom, a category's startDate; a
// card's rates by startDate, its price history) read the whole brand and sort it: at 10,000 rows
// 2 to 20 ms of the database's time on a busy machine, where an index walk reads one page of
// rows (docs/performance.md, "Catalogue lists at 10,000 rows").
const INDEXES: readonly SortIndex[] = [
  ['rental_product_categories', ['start_date']],
  ['rental_products', ['available_from']],
  ['usage_products', ['available_from']],
  ['rental_rate_cards', ['available_from']],
  ['usage_rate_cards', ['available_from']],
  ['inclusive_usage_plans', ['available_from']],
  ['rental_rates', ['rental_rate_card_id', 'start_date']],
  ['usage_rates', ['usage_rate_card_id', 'start_date']],
]

export const up = (db: Kysely<any>) => createSortIndexes(db, INDEXES)
export const down = (db: Kysely<any>) => dropSortIndexes(db, INDEXES)
