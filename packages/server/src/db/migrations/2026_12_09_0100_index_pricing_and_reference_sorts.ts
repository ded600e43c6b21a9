import type { Kysely } from 'kysely'
import { createSortIndexes, dropSortIndexes, type SortIndex } from './sort-indexes.ts'

// The pricing assignment lists sorted by start date or price, and the charge group categories and
// groups by start date, read and sorted the brand's rows: at 10,000 rows 7-9 ms of the database's
// time a page and a p99 of 26-47 ms (docs/performance.md, "Pricing assignment lists" and
// "Reference data lists"), where an index walk reads one page.
const INDEXES: readonly SortIndex[] = [
  ['rental_rate_card_assignments', ['start_date']],
  ['usage_rate_card_assignments', ['start_date']],
  ['inclusive_usage_plan_assignments', ['start_date']],
  ['rental_rate_overrides', ['start_date']],
  ['rental_rate_overrides', ['price']],
  ['buy_rental_rate_overrides', ['start_date']],
  ['buy_rental_rate_overrides', ['price']],
  ['usage_rate_overrides', ['start_date']],
  ['charge_group_categories', ['start_date']],
  ['charge_groups', ['start_date']],
]

export const up = (db: Kysely<any>) => createSortIndexes(db, INDEXES)
export const down = (db: Kysely<any>) => dropSortIndexes(db, INDEXES)
