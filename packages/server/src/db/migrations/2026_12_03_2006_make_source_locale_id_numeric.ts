import { sql, type Kysely } from 'kysely'

// The `locale` filter of /v1/reference-data-sources takes numbers (`locale=0`, `in:0,7`, `gt:2`),
// and a number such as 20.7 compared with a bigint column made PostgreSQL refuse the query (a 500
// the fuzzer found). The generated locale_id becomes numeric, which compares with any number.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table reference_data_sources drop column locale_id`.execute(db)
  await sql`alter table reference_data_sources add column locale_id numeric generated always as ((locale ->> 'id')::numeric) stored`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table reference_data_sources drop column locale_id`.execute(db)
  await sql`alter table reference_data_sources add column locale_id bigint generated always as ((locale ->> 'id')::bigint) stored`.execute(db)
}
