import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Call classes (/v1/call-classes) and dialstrings (/v1/dialstrings): values usage is recognised
// by, each mapped onto a reference data source charge group over a period. Within one source a
// value means one thing at any date (checked by the server under a transaction lock on the value).
// A source charge group with call classes or dialstrings is not deleted. Permissions: reference-data:read and reference-data:write, granted by 2026_12_03_2000.

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, column] of [['call_classes', 'call_class'], ['dialstrings', 'dialstring']] as const) {
    await sql`
      create table ${sql.table(table)} (
        brand_id bigint not null default elevate_current_brand() references brands (id),
        id bigint generated always as identity,
        ${sql.ref(column)} text not null,
        reference_data_source_charge_group_id bigint not null,
        start_date date not null,
        end_date date check (end_date >= start_date),
        version integer not null default 1,
        created_date timestamptz not null default now(),
        updated_date timestamptz not null default now(),
        primary key (brand_id, id),
        constraint ${sql.ref(`${table}_source_charge_group_fkey`)} foreign key (brand_id, reference_data_source_charge_group_id)
          references reference_data_source_charge_groups (brand_id, id)
      )`.execute(db)
    await sql`create index ${sql.ref(`${table}_value`)} on ${sql.table(table)} (brand_id, ${sql.ref(column)}, id)`.execute(db)
    await sql`create index ${sql.ref(`${table}_source_charge_group`)} on ${sql.table(table)} (brand_id, reference_data_source_charge_group_id, id)`.execute(db)
    await enableTenantIsolation(db, table)
    await sql`grant select, insert, update, delete on ${sql.table(table)} to elevate_app`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table dialstrings`.execute(db)
  await sql`drop table call_classes`.execute(db)
}
