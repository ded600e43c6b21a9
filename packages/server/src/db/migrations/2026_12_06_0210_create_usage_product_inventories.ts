import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Usage product inventories (/v2/usage-product-inventories) and their product references: a usage
// product on a site between two dates, and the numbers its usage is rated against, each dated,
// in a table of their own (the UPI answers them inside itself; a reference is also patched on
// its own). The server keeps one primary at a time and one UPI per number at a time (under an
// advisory lock per number); the index on product_reference is what that check and mediation
// read. Usage caps are exact decimals in minor units. Permissions: inventory:read and
// inventory:write, granted by 2026_12_06_0200.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table usage_product_inventories (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      site_id bigint not null,
      usage_product_id bigint not null,
      start_date date not null,
      end_date date check (end_date >= start_date),
      supplier_account_id bigint,
      bill_by_service_id boolean not null,
      service_id text,
      billable boolean not null,
      in_flight_order boolean not null,
      pending_end_date date,
      usage_cap_enabled boolean not null,
      default_usage_cap numeric(12, 2) check (default_usage_cap >= 0),
      override_usage_cap numeric(12, 2) check (override_usage_cap >= 0),
      apply_surcharges boolean not null,
      details jsonb not null default '{}',
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint usage_product_inventories_site_fkey foreign key (brand_id, site_id) references sites (brand_id, id),
      constraint usage_product_inventories_product_fkey foreign key (brand_id, usage_product_id) references usage_products (brand_id, id),
      constraint usage_product_inventories_supplier_account_fkey foreign key (brand_id, supplier_account_id) references supplier_accounts (brand_id, id)
    )`.execute(db)
  await sql`create index usage_product_inventories_site on usage_product_inventories (brand_id, site_id, id)`.execute(db)
  await sql`create index usage_product_inventories_product on usage_product_inventories (brand_id, usage_product_id)`.execute(db)
  await sql`create index usage_product_inventories_service_id on usage_product_inventories (brand_id, service_id) where service_id is not null`.execute(db)
  await sql`
    create table usage_product_references (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      usage_product_inventory_id bigint not null,
      product_reference text not null,
      is_primary boolean not null,
      label text,
      start_date date not null,
      end_date date check (end_date >= start_date),
      user_id text,
      user_email text,
      cost_centre_code text,
      department_code text,
      notes text,
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint usage_product_references_inventory_fkey foreign key (brand_id, usage_product_inventory_id) references usage_product_inventories (brand_id, id) on delete cascade
    )`.execute(db)
  await sql`create index usage_product_references_inventory on usage_product_references (brand_id, usage_product_inventory_id, id)`.execute(db)
  await sql`create index usage_product_references_reference on usage_product_references (brand_id, product_reference)`.execute(db)
  for (const table of ['usage_product_inventories', 'usage_product_references']) await enableTenantIsolation(db, table)
  await sql`grant select, insert, update on usage_product_inventories to elevate_app`.execute(db)
  await sql`grant select, insert, update, delete on usage_product_references to elevate_app`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table usage_product_references`.execute(db)
  await sql`drop table usage_product_inventories`.execute(db)
}
