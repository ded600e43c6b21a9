import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Product custom fields (/v2/product-custom-fields): a label unique within its entity level, and
// the product categories the field applies to (an id list checked on write; a GIN index serves the
// `productCategoryId` filter, which asks whether the list holds an id). Permissions: products:read
// and products:write, granted by 2026_12_05_1000.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table product_custom_fields (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      label text not null,
      entity_level text not null check (entity_level in ('USAGE_PRODUCT', 'RENTAL_PRODUCT', 'RENTAL_PRODUCT_INVENTORY')),
      product_category_ids bigint[] not null default '{}',
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint product_custom_fields_label_key unique (brand_id, entity_level, label)
    )`.execute(db)
  await sql`create index product_custom_fields_categories on product_custom_fields using gin (product_category_ids)`.execute(db)
  await enableTenantIsolation(db, 'product_custom_fields')
  await sql`grant select, insert, update, delete on product_custom_fields to elevate_app`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table product_custom_fields`.execute(db)
}
