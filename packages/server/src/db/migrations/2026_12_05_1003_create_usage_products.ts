import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Usage products (/v2/usage-products): each in a usage product category (a foreign key, so a
// category in use is not deleted). The listed fields have columns; the flags, formats and custom
// field values live in `details`. Not deleted through the API. Permissions: products:read and
// products:write, granted by 2026_12_05_1000.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table usage_products (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      name text not null,
      nominal_code text,
      usage_product_category_id bigint not null,
      direction text not null check (direction in ('INBOUND', 'OUTBOUND')),
      available_from date not null,
      available_to date check (available_to >= available_from),
      details jsonb not null default '{}',
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint usage_products_category_fkey foreign key (brand_id, usage_product_category_id) references usage_product_categories (brand_id, id)
    )`.execute(db)
  await sql`create index usage_products_category on usage_products (brand_id, usage_product_category_id)`.execute(db)
  await sql`create index usage_products_name on usage_products (brand_id, name)`.execute(db)
  await enableTenantIsolation(db, 'usage_products')
  await sql`grant select, insert, update on usage_products to elevate_app`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table usage_products`.execute(db)
}
