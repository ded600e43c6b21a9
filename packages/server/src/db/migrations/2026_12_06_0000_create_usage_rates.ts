import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Usage rates (Pricing API, /v2/usage-rates): the price of one charge group's usage on a usage rate
// card from start_date to end_date (inclusive; null: open-ended), by time band (peak, off peak,
// weekend, surcharge). Charges are exact, numeric(15, 6) in the minor unit. The rates of one charge
// group on one card never overlap (checked by the server under a lock on the card). A card's rates
// go with it; a charge group with rates cannot be deleted.
// The usage products exist now (the Products API): usage rate cards and inclusive usage plans
// refer to theirs by key (NOT VALID: rows written before the check are left as they are; every new
// or changed reference is checked), so a usage product priced by them cannot be deleted.
// Permissions: pricing:read and pricing:write, granted by 2026_12_05_2000.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table usage_rates (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      usage_rate_card_id bigint not null,
      charge_group_id bigint not null,
      usage_rate_type text not null check (usage_rate_type in ('MARKUP', 'VARIABLE')),
      peak_initial_charge numeric(15, 6) not null default 0 check (peak_initial_charge between 0 and 999999999),
      peak_initial_period integer not null default 0 check (peak_initial_period between 0 and 1000000000),
      peak_value numeric(15, 6) not null default 0 check (peak_value between -999999999 and 999999999),
      peak_minimum numeric(15, 6) not null default 0 check (peak_minimum between 0 and 999999999),
      off_peak_initial_charge numeric(15, 6) not null default 0 check (off_peak_initial_charge between 0 and 999999999),
      off_peak_initial_period integer not null default 0 check (off_peak_initial_period between 0 and 1000000000),
      off_peak_value numeric(15, 6) not null default 0 check (off_peak_value between -999999999 and 999999999),
      off_peak_minimum numeric(15, 6) not null default 0 check (off_peak_minimum between 0 and 999999999),
      weekend_initial_charge numeric(15, 6) not null default 0 check (weekend_initial_charge between 0 and 999999999),
      weekend_initial_period integer not null default 0 check (weekend_initial_period between 0 and 1000000000),
      weekend_value numeric(15, 6) not null default 0 check (weekend_value between -999999999 and 999999999),
      weekend_minimum numeric(15, 6) not null default 0 check (weekend_minimum between 0 and 999999999),
      surcharge_initial_charge numeric(15, 6) not null default 0 check (surcharge_initial_charge between 0 and 999999999),
      surcharge_initial_period integer not null default 0 check (surcharge_initial_period between 0 and 1000000000),
      surcharge_value numeric(15, 6) not null default 0 check (surcharge_value between -999999999 and 999999999),
      surcharge_minimum numeric(15, 6) not null default 0 check (surcharge_minimum between 0 and 999999999),
      quantity_rounding_increment integer not null default 1 check (quantity_rounding_increment between 1 and 1000000),
      variable_charge_unit_size integer not null default 1 check (variable_charge_unit_size between 1 and 1000000),
      start_date date not null,
      end_date date check (end_date >= start_date),
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint usage_rates_card_fkey foreign key (brand_id, usage_rate_card_id) references usage_rate_cards (brand_id, id) on delete cascade,
      constraint usage_rates_charge_group_fkey foreign key (brand_id, charge_group_id) references charge_groups (brand_id, id)
    )`.execute(db)
  await sql`create index usage_rates_card on usage_rates (brand_id, usage_rate_card_id, id)`.execute(db)
  await sql`create index usage_rates_charge_group on usage_rates (brand_id, charge_group_id)`.execute(db)
  await enableTenantIsolation(db, 'usage_rates')
  await sql`grant select, insert, update, delete on usage_rates to elevate_app`.execute(db)
  await sql`
    alter table usage_rate_cards add constraint usage_rate_cards_usage_product_fkey
      foreign key (brand_id, usage_product_id) references usage_products (brand_id, id) not valid`.execute(db)
  await sql`
    alter table inclusive_usage_plans add constraint inclusive_usage_plans_usage_product_fkey
      foreign key (brand_id, usage_product_id) references usage_products (brand_id, id) not valid`.execute(db)
  await sql`create index usage_rate_cards_usage_product on usage_rate_cards (brand_id, usage_product_id)`.execute(db)
  await sql`create index inclusive_usage_plans_usage_product on inclusive_usage_plans (brand_id, usage_product_id)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index inclusive_usage_plans_usage_product`.execute(db)
  await sql`drop index usage_rate_cards_usage_product`.execute(db)
  await sql`alter table inclusive_usage_plans drop constraint inclusive_usage_plans_usage_product_fkey`.execute(db)
  await sql`alter table usage_rate_cards drop constraint usage_rate_cards_usage_product_fkey`.execute(db)
  await sql`drop table usage_rates`.execute(db)
}
