import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Admin reference data. Fields nobody filters or sorts on live in `details` (jsonb), validated by
// the API schema; what lists filter and sort on has columns and indexes.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table contract_owners (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      name text not null,
      available_from date not null,
      available_to date,
      details jsonb not null default '{}',
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint contract_owners_name_key unique (brand_id, name)
    )`.execute(db)

  await sql`
    create table contract_owner_sub_brands (
      brand_id bigint not null default elevate_current_brand(),
      id bigint generated always as identity,
      contract_owner_id bigint not null,
      name text not null,
      account_number_format text not null,
      next_account_number bigint not null default 1,
      details jsonb not null default '{}',
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint contract_owner_sub_brands_name_key unique (brand_id, contract_owner_id, name),
      foreign key (brand_id, contract_owner_id) references contract_owners (brand_id, id)
    )`.execute(db)

  await sql`
    create table billing_cycles (
      brand_id bigint not null default elevate_current_brand(),
      id bigint generated always as identity,
      contract_owner_id bigint not null,
      name text not null,
      details jsonb not null default '{}',
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint billing_cycles_name_key unique (brand_id, contract_owner_id, name),
      foreign key (brand_id, contract_owner_id) references contract_owners (brand_id, id)
    )`.execute(db)

  await sql`create index contract_owner_sub_brands_owner on contract_owner_sub_brands (brand_id, contract_owner_id, id)`.execute(db)
  await sql`create index billing_cycles_owner on billing_cycles (brand_id, contract_owner_id, id)`.execute(db)

  // A user restricted to one contract owner: now that contract owners exist, make it a reference.
  await sql`
    alter table users add foreign key (brand_id, contract_owner_id) references contract_owners (brand_id, id)`.execute(db)

  for (const table of ['contract_owners', 'contract_owner_sub_brands', 'billing_cycles']) {
    await enableTenantIsolation(db, table)
    await sql`grant select, insert, update on ${sql.table(table)} to elevate_app`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table users drop constraint users_brand_id_contract_owner_id_fkey`.execute(db)
  await sql`drop table billing_cycles, contract_owner_sub_brands, contract_owners`.execute(db)
}
