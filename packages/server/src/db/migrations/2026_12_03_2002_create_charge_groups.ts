import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Charge group categories (/v1/charge-group-categories) and charge groups (/v1/charge-groups). A
// charge group belongs to a category (a category with groups is not deleted: 409 in_use) and may
// name the tax band its charges are taxed in (a band in use is not deleted). The charge group's
// four flags live in `details`. Permissions: reference-data:read and reference-data:write, granted
// by 2026_12_03_2000.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table charge_group_categories (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      name text not null,
      charging_unit_type text not null,
      start_date date not null,
      end_date date check (end_date >= start_date),
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id)
    )`.execute(db)
  await sql`create index charge_group_categories_name on charge_group_categories (brand_id, name, id)`.execute(db)
  await enableTenantIsolation(db, 'charge_group_categories')
  await sql`grant select, insert, update, delete on charge_group_categories to elevate_app`.execute(db)

  await sql`
    create table charge_groups (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      name text not null,
      charge_group_category_id bigint not null,
      type text,
      start_date date not null,
      end_date date check (end_date >= start_date),
      tax_band_id bigint,
      details jsonb not null default '{}',
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint charge_groups_category_fkey foreign key (brand_id, charge_group_category_id) references charge_group_categories (brand_id, id),
      constraint charge_groups_tax_band_fkey foreign key (brand_id, tax_band_id) references tax_bands (brand_id, id)
    )`.execute(db)
  await sql`create index charge_groups_category on charge_groups (brand_id, charge_group_category_id, id)`.execute(db)
  await sql`create index charge_groups_tax_band on charge_groups (brand_id, tax_band_id) where tax_band_id is not null`.execute(db)
  await sql`create index charge_groups_name on charge_groups (brand_id, name, id)`.execute(db)
  await enableTenantIsolation(db, 'charge_groups')
  await sql`grant select, insert, update, delete on charge_groups to elevate_app`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table charge_groups`.execute(db)
  await sql`drop table charge_group_categories`.execute(db)
}
