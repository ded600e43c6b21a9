import { sql, type Kysely } from 'kysely'

// `like:` on a name scanned the brand's rows and `ilike` folded the case of each one (PostgreSQL
// lowers both sides in a UTF-8 database): 5.5-6 ms of the database's time for 10,000 currencies, a
// p99 of 43 ms (docs/performance.md, "Reference data lists"). A stored `lower(name)` is folded once,
// when the row is written; the lists match it with `like (select lower($1))`, the same answer.
// An index cannot serve the match: under row-level security PostgreSQL only uses one for a
// leakproof operator, and `like` is not. The names clients search in tables that grow to thousands
// of rows per brand; the small configuration tables (templates, contract owners) keep `ilike`.
const NAMES: ReadonlyArray<readonly [table: string, column: string]> = [
  ['currencies', 'name'],
  ['tax_bands', 'name'],
  ['charge_group_categories', 'name'],
  ['charge_groups', 'name'],
  ['rental_product_categories', 'name'],
  ['usage_product_categories', 'name'],
  ['rental_products', 'name'],
  ['usage_products', 'name'],
  ['rental_rate_cards', 'name'],
  ['usage_rate_cards', 'name'],
  ['inclusive_usage_plans', 'name'],
  ['suppliers', 'name'],
  ['adhoc_inventories', 'name'],
  ['customers', 'customer_name'],
  ['sites', 'site_name'],
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, column] of NAMES) {
    await sql`alter table ${sql.table(table)} add column ${sql.ref(`${column}_folded`)} text generated always as (lower(${sql.ref(column)})) stored`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [table, column] of NAMES) await sql`alter table ${sql.table(table)} drop column ${sql.ref(`${column}_folded`)}`.execute(db)
}
