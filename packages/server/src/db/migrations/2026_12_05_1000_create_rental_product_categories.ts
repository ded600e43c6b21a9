import { sql, type Kysely } from 'kysely'
import { grantToSeededRoles } from './role-grants.ts'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Rental product categories (/v2/rental-product-categories): the name is unique within the brand;
// the contract owners and supplier accounts a category serves are id lists checked on write (neither
// is deleted through the API). `si_maintained` categories are set by the platform's operators, never
// through the API, which refuses to change them. Rental products point at their category, so a
// category in use is not deleted. Permissions: products:read (every seeded role) and
// products:write (Administrator).

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table rental_product_categories (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      name text not null,
      start_date date not null,
      end_date date check (end_date >= start_date),
      si_maintained boolean not null default false,
      contract_owner_ids bigint[] not null,
      supplier_account_ids bigint[] not null default '{}',
      display_icon text,
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint rental_product_categories_name_key unique (brand_id, name)
    )`.execute(db)
  await enableTenantIsolation(db, 'rental_product_categories')
  await sql`grant select, insert, update, delete on rental_product_categories to elevate_app`.execute(db)
  await grantToSeededRoles(db, { Administrator: ['products:read', 'products:write'], 'Customer Manager': ['products:read'], 'Read Only': ['products:read'] })
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table rental_product_categories`.execute(db)
}
