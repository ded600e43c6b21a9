import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Usage product categories (/v2/usage-product-categories): a name unique within the brand. Usage
// products point at their category, so a category in use is not deleted. Permissions:
// products:read and products:write, granted by 2026_12_05_1000.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table usage_product_categories (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      name text not null,
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint usage_product_categories_name_key unique (brand_id, name)
    )`.execute(db)
  await enableTenantIsolation(db, 'usage_product_categories')
  await sql`grant select, insert, update, delete on usage_product_categories to elevate_app`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table usage_product_categories`.execute(db)
}
