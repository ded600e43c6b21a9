import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Rental rates (Pricing API, /v2/rental-rates): the price of a rental product on a rental rate
// card from start_date to end_date (inclusive; null: open-ended). The price is exact,
// numeric(11, 4), within the published ±9999999. The rates of one product at one price type on one
// card never overlap (checked by the server under a lock on the card). A card's rates go with it;
// a product with rates cannot be deleted, nor a category a card prices.
// Permissions: pricing:read and pricing:write, granted by 2026_12_05_2000.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table rental_rates (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      rental_rate_card_id bigint not null,
      rental_product_id bigint not null,
      price numeric(11, 4) not null check (price between -9999999 and 9999999),
      rental_rate_type text check (rental_rate_type in ('ADVANCE', 'ARREARS')),
      rental_rate_price_type text not null check (rental_rate_price_type in ('RENTAL', 'ONEOFF')),
      periods_in_advance text check (periods_in_advance in ('STANDARD', 'ADVANCEDPLUSONEMONTH')),
      rental_rate_frequency text check (rental_rate_frequency in ('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'QUARTERLY', 'SIXMONTHS', 'TWENTYFOURMONTHS')),
      start_date date not null,
      end_date date check (end_date >= start_date),
      show_on_invoice boolean not null default true,
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint rental_rates_card_fkey foreign key (brand_id, rental_rate_card_id) references rental_rate_cards (brand_id, id) on delete cascade,
      constraint rental_rates_product_fkey foreign key (brand_id, rental_product_id) references rental_products (brand_id, id)
    )`.execute(db)
  await sql`create index rental_rates_card on rental_rates (brand_id, rental_rate_card_id, id)`.execute(db)
  await sql`create index rental_rates_product on rental_rates (brand_id, rental_product_id)`.execute(db)
  await enableTenantIsolation(db, 'rental_rates')
  await sql`grant select, insert, update, delete on rental_rates to elevate_app`.execute(db)
  // The cards' categories exist now (the Products API): a category a card prices cannot be deleted.
  await sql`
    alter table rental_rate_cards add constraint rental_rate_cards_category_fkey
      foreign key (brand_id, rental_product_category_id) references rental_product_categories (brand_id, id)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table rental_rate_cards drop constraint rental_rate_cards_category_fkey`.execute(db)
  await sql`drop table rental_rates`.execute(db)
}
