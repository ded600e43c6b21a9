import { sql, type Kysely } from 'kysely'

// The catalogue's lists sorted by their validity date (availableFrom, a category's startDate; a
// card's rates by startDate, its price history) read the whole brand and sort it: at 10,000 rows
// 2 to 20 ms of the database's time on a busy machine, where an index walk reads one page of
// rows (docs/performance.md, "Catalogue lists at 10,000 rows"). Each index leads with the brand
// and ends with the id, the lists' tiebreaker, as every list index does.
const INDEXES: ReadonlyArray<readonly [table: string, columns: readonly string[]]> = [
  ['rental_product_categories', ['start_date']],
  ['rental_products', ['available_from']],
  ['usage_products', ['available_from']],
  ['rental_rate_cards', ['available_from']],
  ['usage_rate_cards', ['available_from']],
  ['inclusive_usage_plans', ['available_from']],
  ['rental_rates', ['rental_rate_card_id', 'start_date']],
  ['usage_rates', ['usage_rate_card_id', 'start_date']],
]

const nameOf = (table: string, columns: readonly string[]) => `${table}_${columns.at(-1)}_sort`

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, columns] of INDEXES) {
    const keys = sql.join(['brand_id', ...columns, 'id'].map((column) => sql.ref(column)))
    await sql`create index ${sql.raw(nameOf(table, columns))} on ${sql.table(table)} (${keys})`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [table, columns] of INDEXES) await sql`drop index ${sql.raw(nameOf(table, columns))}`.execute(db)
}
