import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Rental products (/v2/rental-products): each in a rental product category, bought from a
// supplier, taxed in a tax band, optionally under a parent product (one level deep, checked by the
// server). Foreign keys keep a category, supplier, tax band or parent in use from being deleted.
// The listed and referenced fields have columns; the inventory defaults, reference formats and
// custom field values live in `details`. Not deleted through the API. Permissions: products:read
// and products:write, granted by 2026_12_05_1000.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table rental_products (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      rental_product_category_id bigint not null,
      product_type text not null check (product_type in ('PRODUCT', 'FEATURE', 'EVENT')),
      name text not null,
      invoice_presentation_name text not null,
      parent_rental_product_id bigint,
      supplier_id bigint not null,
      tax_band_id bigint not null,
      available_from date not null,
      available_to date check (available_to >= available_from),
      nominal_code text,
      details jsonb not null default '{}',
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint rental_products_category_fkey foreign key (brand_id, rental_product_category_id) references rental_product_categories (brand_id, id),
      constraint rental_products_supplier_fkey foreign key (brand_id, supplier_id) references suppliers (brand_id, id),
      constraint rental_products_tax_band_fkey foreign key (brand_id, tax_band_id) references tax_bands (brand_id, id),
      constraint rental_products_parent_fkey foreign key (brand_id, parent_rental_product_id) references rental_products (brand_id, id),
      check (parent_rental_product_id <> id)
    )`.execute(db)
  await sql`create index rental_products_category on rental_products (brand_id, rental_product_category_id)`.execute(db)
  await sql`create index rental_products_parent on rental_products (brand_id, parent_rental_product_id) where parent_rental_product_id is not null`.execute(db)
  await sql`create index rental_products_name on rental_products (brand_id, name)`.execute(db)
  await sql`create index rental_products_supplier on rental_products (brand_id, supplier_id)`.execute(db)
  await sql`create index rental_products_tax_band on rental_products (brand_id, tax_band_id)`.execute(db)
  await enableTenantIsolation(db, 'rental_products')
  await sql`grant select, insert, update on rental_products to elevate_app`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table rental_products`.execute(db)
}
