import { sql, type Kysely } from 'kysely'

// Inclusive usage plans' nested items (components, the time bands, charge groups, categories and
// dial strings each covers, bolt-on charges) are kept with the plan, in `details`; each carries an
// id the API answers, drawn from this sequence (one for every brand: ids are unique, not counted).

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create sequence inclusive_usage_item_ids as bigint`.execute(db)
  await sql`grant usage on sequence inclusive_usage_item_ids to elevate_app`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop sequence inclusive_usage_item_ids`.execute(db)
}
