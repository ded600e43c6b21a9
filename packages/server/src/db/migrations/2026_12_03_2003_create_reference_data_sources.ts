import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Reference data sources (/v1/reference-data-sources) and their charge groups
// (/v1/reference-data-source-charge-groups). A source is maintained by Elevate (si_maintained:
// loaded from its feed, not changed through the API) or externally (every source the API
// creates); its name is unique. Its locale is kept as given, its id generated beside it for the
// `locale` filter. A source charge group maps the source's own code (unique within the source)
// onto one of the brand's charge groups; a source or charge group with source charge groups is
// not deleted (409 in_use). Permissions: reference-data:read and reference-data:write, granted by
// 2026_12_03_2000.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table reference_data_sources (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      name text not null,
      locale jsonb,
      locale_id bigint generated always as ((locale ->> 'id')::bigint) stored,
      si_maintained boolean not null default false,
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint reference_data_sources_name_key unique (brand_id, name)
    )`.execute(db)
  await enableTenantIsolation(db, 'reference_data_sources')
  await sql`grant select, insert, update, delete on reference_data_sources to elevate_app`.execute(db)

  await sql`
    create table reference_data_source_charge_groups (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      name text not null,
      code text not null,
      charge_group_id bigint not null,
      reference_data_source_id bigint not null,
      start_date date not null,
      end_date date check (end_date >= start_date),
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint reference_data_source_charge_groups_code_key unique (brand_id, reference_data_source_id, code),
      constraint reference_data_source_charge_groups_source_fkey foreign key (brand_id, reference_data_source_id) references reference_data_sources (brand_id, id),
      constraint reference_data_source_charge_groups_charge_group_fkey foreign key (brand_id, charge_group_id) references charge_groups (brand_id, id)
    )`.execute(db)
  await sql`create index reference_data_source_charge_groups_charge_group on reference_data_source_charge_groups (brand_id, charge_group_id, id)`.execute(db)
  await enableTenantIsolation(db, 'reference_data_source_charge_groups')
  await sql`grant select, insert, update, delete on reference_data_source_charge_groups to elevate_app`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table reference_data_source_charge_groups`.execute(db)
  await sql`drop table reference_data_sources`.execute(db)
}
