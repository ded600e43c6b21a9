import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Inclusive usage plans (Pricing API, /v2/inclusive-usage-plans): a contract owner's bundles of
// usage, of one usage product, available from a date to an optional date (inclusive). What the
// list filters has a column; the rest is in `details`. A contract owner or tax band a plan names
// cannot be deleted. Permissions: pricing:read and pricing:write, granted by 2026_12_05_2000.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table inclusive_usage_plans (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      contract_owner_id bigint not null,
      name text not null,
      usage_product_id bigint not null,
      available_from date not null,
      available_to date check (available_to >= available_from),
      tax_band_id bigint,
      details jsonb not null default '{}',
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint inclusive_usage_plans_owner_fkey foreign key (brand_id, contract_owner_id) references contract_owners (brand_id, id),
      constraint inclusive_usage_plans_tax_band_fkey foreign key (brand_id, tax_band_id) references tax_bands (brand_id, id)
    )`.execute(db)
  await sql`create index inclusive_usage_plans_owner on inclusive_usage_plans (brand_id, contract_owner_id, name)`.execute(db)
  await enableTenantIsolation(db, 'inclusive_usage_plans')
  await sql`grant select, insert, update, delete on inclusive_usage_plans to elevate_app`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table inclusive_usage_plans`.execute(db)
}
