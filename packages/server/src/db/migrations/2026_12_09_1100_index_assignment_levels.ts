import type { Kysely } from 'kysely'
import { createSortIndexes, dropSortIndexes, type SortIndex } from './sort-indexes.ts'

// A deep page of assignments or overrides by level (`assignmentLevel=CUSTOMER&page=50`) read and
// skipped 4,900 whole rows in id order to answer 100: with the level in a narrow index, the page
// finds its ids by an index-only scan and reads only those rows (`TableOptions.idsByIndex`):
// 2.1 -> 1.2 ms of PostgreSQL at 10,000 assignments (docs/performance.md). The same index sorts
// by level.
const INDEXES: readonly SortIndex[] = [
  'rental_rate_card_assignments',
  'usage_rate_card_assignments',
  'inclusive_usage_plan_assignments',
  'rental_rate_overrides',
  'buy_rental_rate_overrides',
  'usage_rate_overrides',
].map((table) => [table, ['assignment_level']] as const)

export const up = (db: Kysely<any>) => createSortIndexes(db, INDEXES)
export const down = (db: Kysely<any>) => dropSortIndexes(db, INDEXES)
