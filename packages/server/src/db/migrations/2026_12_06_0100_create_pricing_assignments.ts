import { sql, type Kysely, type RawBuilder } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// The Pricing Assignment API (/v1): rate cards, inclusive usage plans and rate overrides assigned
// to a customer, a site or a product inventory item, each from start_date to end_date (inclusive;
// null: open-ended). Every row keeps its level and its holder's ids: customer_id is the holder's
// customer at every level (contract-owner scope goes through it), site_id the holder's site at
// SITE and INVENTORY level. Overlaps within one series (one holder, one level, one card category / product) are
// refused by the server under an advisory lock. Prices are exact numerics.
// The inventory ids get their foreign keys in 2026_12_06_0600 (the inventory tables come later);
// the server also checks them, with the other references (the inventory modules' lookups).
// Permissions: pricing:read and pricing:write, granted by 2026_12_05_2000.

/** The columns every assignment shares: level, holder, contract owner, dates, version. */
function holderColumns(inventoryColumn: string): RawBuilder<unknown> {
  return sql.raw(`
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      assignment_level text not null check (assignment_level in ('CUSTOMER', 'SITE', 'INVENTORY')),
      customer_id bigint not null,
      site_id bigint,
      ${inventoryColumn} bigint,
      start_date date not null,
      end_date date check (end_date >= start_date),
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      foreign key (brand_id, customer_id) references customers (brand_id, id) on delete cascade,
      foreign key (brand_id, site_id) references sites (brand_id, id) on delete cascade,
      check ((assignment_level = 'CUSTOMER') = (site_id is null and ${inventoryColumn} is null)),
      check (assignment_level <> 'SITE' or site_id is not null),
      check (assignment_level <> 'INVENTORY' or ${inventoryColumn} is not null)`)
}

async function finish(db: Kysely<any>, table: string, inventoryColumn: string): Promise<void> {
  await sql`create index ${sql.raw(`${table}_customer`)} on ${sql.table(table)} (brand_id, customer_id, start_date)`.execute(db)
  await sql`create index ${sql.raw(`${table}_site`)} on ${sql.table(table)} (brand_id, site_id, start_date) where site_id is not null`.execute(db)
  await sql`create index ${sql.raw(`${table}_inventory`)} on ${sql.table(table)} (brand_id, ${sql.ref(inventoryColumn)}, start_date) where ${sql.ref(inventoryColumn)} is not null`.execute(db)
  await enableTenantIsolation(db, table)
  await sql`grant select, insert, update, delete on ${sql.table(table)} to elevate_app`.execute(db)
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table rental_rate_card_assignments (${holderColumns('rental_product_inventory_id')},
      rental_rate_card_id bigint not null,
      rental_product_category_id bigint not null,
      constraint rental_rate_card_assignments_card_fkey foreign key (brand_id, rental_rate_card_id) references rental_rate_cards (brand_id, id)
    )`.execute(db)
  await finish(db, 'rental_rate_card_assignments', 'rental_product_inventory_id')

  await sql`
    create table usage_rate_card_assignments (${holderColumns('usage_product_inventory_id')},
      usage_rate_card_id bigint not null,
      usage_product_id bigint not null,
      assignment_type text not null default 'INVOICE' check (assignment_type in ('INVOICE', 'ADDITIONAL')),
      constraint usage_rate_card_assignments_card_fkey foreign key (brand_id, usage_rate_card_id) references usage_rate_cards (brand_id, id)
    )`.execute(db)
  await finish(db, 'usage_rate_card_assignments', 'usage_product_inventory_id')

  await sql`
    create table inclusive_usage_plan_assignments (${holderColumns('usage_product_inventory_id')},
      inclusive_usage_plan_id bigint not null,
      constraint inclusive_usage_plan_assignments_plan_fkey foreign key (brand_id, inclusive_usage_plan_id) references inclusive_usage_plans (brand_id, id)
    )`.execute(db)
  await finish(db, 'inclusive_usage_plan_assignments', 'usage_product_inventory_id')

  await sql`
    create table rental_rate_overrides (${holderColumns('rental_product_inventory_id')},
      rental_product_id bigint not null,
      price numeric(11, 4) not null check (price between -9999999 and 9999999),
      rental_rate_price_type text not null check (rental_rate_price_type in ('RENTAL', 'ONEOFF')),
      rental_rate_type text check (rental_rate_type in ('ADVANCE', 'ARREARS')),
      periods_in_advance text check (periods_in_advance in ('STANDARD', 'ADVANCEDPLUSONEMONTH')),
      rental_rate_frequency text check (rental_rate_frequency in ('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'QUARTERLY', 'SIXMONTHS', 'TWENTYFOURMONTHS')),
      apply_this_to_children boolean not null default true,
      show_on_invoice boolean not null default true,
      constraint rental_rate_overrides_product_fkey foreign key (brand_id, rental_product_id) references rental_products (brand_id, id)
    )`.execute(db)
  await finish(db, 'rental_rate_overrides', 'rental_product_inventory_id')

  // Buy-side overrides are published at inventory level only; the level columns keep one shape.
  await sql`
    create table buy_rental_rate_overrides (${holderColumns('rental_product_inventory_id')},
      price numeric(11, 4) not null check (price between -9999999 and 9999999),
      rental_rate_price_type text not null check (rental_rate_price_type in ('RENTAL', 'ONEOFF')),
      rental_rate_type text check (rental_rate_type in ('ADVANCE', 'ARREARS')),
      periods_in_advance text check (periods_in_advance in ('STANDARD', 'ADVANCEDPLUSONEMONTH')),
      rental_rate_frequency text check (rental_rate_frequency in ('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'QUARTERLY', 'SIXMONTHS', 'TWENTYFOURMONTHS')),
      check (assignment_level = 'INVENTORY')
    )`.execute(db)
  await finish(db, 'buy_rental_rate_overrides', 'rental_product_inventory_id')

  await sql`
    create table usage_rate_overrides (${holderColumns('usage_product_inventory_id')},
      usage_product_id bigint not null,
      supplier_id bigint,
      charge_group_id bigint not null,
      apply_this_to_children boolean not null default true,
      details jsonb not null default '{}',
      constraint usage_rate_overrides_product_fkey foreign key (brand_id, usage_product_id) references usage_products (brand_id, id),
      constraint usage_rate_overrides_charge_group_fkey foreign key (brand_id, charge_group_id) references charge_groups (brand_id, id)
    )`.execute(db)
  await finish(db, 'usage_rate_overrides', 'usage_product_inventory_id')
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['usage_rate_overrides', 'buy_rental_rate_overrides', 'rental_rate_overrides', 'inclusive_usage_plan_assignments', 'usage_rate_card_assignments', 'rental_rate_card_assignments']) {
    await sql`drop table ${sql.table(table)}`.execute(db)
  }
}
