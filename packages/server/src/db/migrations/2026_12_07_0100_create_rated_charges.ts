import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Rated charges: what a bill run's rating step made, one row per invoice line to be. Rentals
// (one per charge period of an RPI), one-off charges of an RPI, and adhoc inventories. The Rental
// API answers the RPI rows as rental rated sell records (GET /v1/rental-rated-sell-records).
//
// The partial unique indexes are the promise that nothing is billed twice across bill runs: one
// charge period of an RPI (by its first day), one one-off charge per RPI, one row per adhoc
// inventory. Reopening a bill run deletes its rows, so they can be rated again. No foreign keys
// to inventories: an RPI or adhoc inventory may be deleted after it was billed; the rows keep
// what was rated. Permissions: billruns:read (granted with the bill runs).

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table rated_charges (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      bill_run_id bigint,
      adhoc_bill_run_id bigint,
      customer_id bigint not null,
      site_id bigint not null,
      rental_product_inventory_id bigint,
      adhoc_inventory_id bigint,
      charge_type text not null check (charge_type in ('Rental', 'OneOff', 'Adhoc')),
      description text not null,
      product_reference text,
      charge_start_date date not null,
      charge_end_date date not null check (charge_end_date >= charge_start_date),
      unit_price numeric(15, 4) not null,
      quantity numeric(15, 4) not null,
      amount numeric(15, 2) not null,
      tax_band_id bigint,
      tax_rate numeric(7, 4) not null check (tax_rate between 0 and 100),
      currency_code text not null,
      creation_date date not null,
      primary key (brand_id, id),
      check ((bill_run_id is null) <> (adhoc_bill_run_id is null)),
      check ((charge_type = 'Adhoc') = (adhoc_inventory_id is not null)),
      check ((charge_type = 'Adhoc') = (rental_product_inventory_id is null))
    )`.execute(db)
  await sql`create unique index rated_charges_rental_period on rated_charges (brand_id, rental_product_inventory_id, charge_start_date) where charge_type = 'Rental'`.execute(db)
  await sql`create unique index rated_charges_one_off on rated_charges (brand_id, rental_product_inventory_id) where charge_type = 'OneOff'`.execute(db)
  await sql`create unique index rated_charges_adhoc on rated_charges (brand_id, adhoc_inventory_id) where charge_type = 'Adhoc'`.execute(db)
  await sql`create index rated_charges_bill_run on rated_charges (brand_id, bill_run_id, customer_id, site_id) where bill_run_id is not null`.execute(db)
  await sql`create index rated_charges_adhoc_bill_run on rated_charges (brand_id, adhoc_bill_run_id) where adhoc_bill_run_id is not null`.execute(db)
  await sql`create index rated_charges_customer on rated_charges (brand_id, customer_id)`.execute(db)
  await sql`create index rated_charges_site on rated_charges (brand_id, site_id)`.execute(db)
  await enableTenantIsolation(db, 'rated_charges')
  await sql`grant select, insert, delete on rated_charges to elevate_app`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table rated_charges`.execute(db)
}
