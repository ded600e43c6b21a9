import { sql, type Kysely } from 'kysely'
import { grantToSeededRoles } from './role-grants.ts'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Rental product inventories (/v2/rental-product-inventories): a rental product on a site between
// two dates. Foreign keys to the site, the product, the supplier account and the parent RPI (a
// feature's); an RPI with features is not deleted until they are (409). Billing reads the billable
// RPIs of a set of sites, hence the index on site. What lists filter on and billing reads has a
// column; the rest lives in `details`. Permissions inventory:read and inventory:write.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table rental_product_inventories (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      site_id bigint not null,
      rental_product_id bigint not null,
      parent_rental_product_inventory_id bigint,
      invoice_presentation_product_name text not null,
      supplier_account_id bigint not null,
      start_date date not null,
      end_date date check (end_date >= start_date),
      invoice_frequency integer not null check (invoice_frequency >= 1),
      quantity integer not null check (quantity >= 1),
      product_reference text,
      additional_product_reference text,
      treat_start_as_whole_period boolean not null,
      treat_end_as_whole_period boolean not null,
      contract_start_date date,
      nominal_code text,
      billable boolean not null,
      in_flight_order boolean not null,
      bill_initial_charges_immediately boolean not null,
      aligned_to_start boolean not null,
      aligned_to_bill_period boolean not null,
      pending_end_date date,
      force_billing boolean not null,
      force_bill_periods integer not null check (force_bill_periods >= 0),
      details jsonb not null default '{}',
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint rental_product_inventories_site_fkey foreign key (brand_id, site_id) references sites (brand_id, id),
      constraint rental_product_inventories_product_fkey foreign key (brand_id, rental_product_id) references rental_products (brand_id, id),
      constraint rental_product_inventories_parent_fkey foreign key (brand_id, parent_rental_product_inventory_id) references rental_product_inventories (brand_id, id),
      constraint rental_product_inventories_supplier_account_fkey foreign key (brand_id, supplier_account_id) references supplier_accounts (brand_id, id),
      check (parent_rental_product_inventory_id <> id)
    )`.execute(db)
  await sql`create index rental_product_inventories_site on rental_product_inventories (brand_id, site_id, id)`.execute(db)
  await sql`create index rental_product_inventories_product on rental_product_inventories (brand_id, rental_product_id)`.execute(db)
  await sql`create index rental_product_inventories_parent on rental_product_inventories (brand_id, parent_rental_product_inventory_id) where parent_rental_product_inventory_id is not null`.execute(db)
  await sql`create index rental_product_inventories_supplier_account on rental_product_inventories (brand_id, supplier_account_id)`.execute(db)
  await sql`create index rental_product_inventories_product_reference on rental_product_inventories (brand_id, product_reference) where product_reference is not null`.execute(db)
  await enableTenantIsolation(db, 'rental_product_inventories')
  await sql`grant select, insert, update, delete on rental_product_inventories to elevate_app`.execute(db)
  await grantToSeededRoles(db, {
    Administrator: ['inventory:read', 'inventory:write'],
    'Customer Manager': ['inventory:read', 'inventory:write'],
    'Read Only': ['inventory:read'],
  })
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table rental_product_inventories`.execute(db)
}
