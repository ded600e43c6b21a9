import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table customers (
      brand_id bigint not null default elevate_current_brand(),
      id bigint generated always as identity,
      contract_owner_id bigint not null,
      contract_owner_sub_brand_id bigint not null,
      billing_cycle_id bigint not null,
      customer_type text not null,
      customer_name text not null,
      customer_account_number text not null,
      start_date date not null,
      end_date date,
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint customers_account_number_key unique (brand_id, customer_account_number),
      foreign key (brand_id, contract_owner_id) references contract_owners (brand_id, id),
      foreign key (brand_id, contract_owner_sub_brand_id) references contract_owner_sub_brands (brand_id, id),
      foreign key (brand_id, billing_cycle_id) references billing_cycles (brand_id, id)
    )`.execute(db)
  // The orders and filters lists use most, each ending in id so pages are stable and index-only.
  await sql`create index customers_owner on customers (brand_id, contract_owner_id, id)`.execute(db)
  await sql`create index customers_name on customers (brand_id, customer_name, id)`.execute(db)
  await sql`create index customers_created on customers (brand_id, created_date, id)`.execute(db)
  await sql`create index customers_updated on customers (brand_id, updated_date, id)`.execute(db)
  await sql`create index customers_start on customers (brand_id, start_date, id)`.execute(db)
  // No trigram index for like: filters: under row-level security PostgreSQL will not use an index
  // for ILIKE (not leakproof) ahead of the policy, so like: scans the brand's rows (docs/performance.md).

  await sql`
    create table sites (
      brand_id bigint not null default elevate_current_brand(),
      id bigint generated always as identity,
      customer_id bigint not null,
      -- The customer's contract owner, copied so that contract-owner scope filters sites by index.
      contract_owner_id bigint not null,
      site_name text not null,
      site_reference text not null,
      start_date date not null,
      end_date date,
      site_address jsonb not null,
      site_invoice_details jsonb,
      site_id_receiving_invoice bigint,
      contacts jsonb not null,
      repayment_plan_amount numeric(12, 2),
      repayment_plan_remaining_periods integer,
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint sites_reference_key unique (brand_id, customer_id, site_reference),
      foreign key (brand_id, customer_id) references customers (brand_id, id),
      foreign key (brand_id, site_id_receiving_invoice) references sites (brand_id, id)
    )`.execute(db)
  await sql`create index sites_customer on sites (brand_id, customer_id, id)`.execute(db)
  await sql`create index sites_owner on sites (brand_id, contract_owner_id, id)`.execute(db)
  await sql`create index sites_name on sites (brand_id, site_name, id)`.execute(db)
  await sql`create index sites_created on sites (brand_id, created_date, id)`.execute(db)
  await sql`create index sites_updated on sites (brand_id, updated_date, id)`.execute(db)
  await sql`create index sites_reference on sites (brand_id, site_reference, id)`.execute(db)
  await sql`create index sites_start on sites (brand_id, start_date, id)`.execute(db)

  for (const table of ['customers', 'sites']) {
    await enableTenantIsolation(db, table)
    // No delete: customers and sites end with endDate, as published.
    await sql`grant select, insert, update on ${sql.table(table)} to elevate_app`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table sites, customers`.execute(db)
}
