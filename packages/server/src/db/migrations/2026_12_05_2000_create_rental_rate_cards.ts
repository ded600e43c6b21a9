import { sql, type Kysely } from 'kysely'
import { grantToSeededRoles } from './role-grants.ts'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Rental rate cards (Pricing API, /v2/rental-rate-cards): SELL, TEMPLATE and BUY cards, available
// from a date to an optional date (inclusive). `contract_owner_ids` lists the contract owners that
// may use a card (checked on write: contract owners are not deleted). A SELL card may be based on a
// TEMPLATE card of the brand: a template in use cannot be deleted (the foreign key). Permissions:
// pricing:read (every seeded role) and pricing:write (Administrator), granted here to the seeded
// roles of the brands that exist.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table rental_rate_cards (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      contract_owner_ids bigint[] not null default '{}',
      name text not null,
      rental_product_category_id bigint not null,
      rental_rate_card_type text not null check (rental_rate_card_type in ('SELL', 'TEMPLATE', 'BUY')),
      based_on_template_id bigint,
      available_from date not null,
      available_to date check (available_to >= available_from),
      accept_overrides_from_parents boolean not null default true,
      supplier_account_id bigint,
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint rental_rate_cards_template_fkey foreign key (brand_id, based_on_template_id) references rental_rate_cards (brand_id, id)
    )`.execute(db)
  await sql`create index rental_rate_cards_name on rental_rate_cards (brand_id, name)`.execute(db)
  await sql`create index rental_rate_cards_owners on rental_rate_cards using gin (contract_owner_ids)`.execute(db)
  await enableTenantIsolation(db, 'rental_rate_cards')
  await sql`grant select, insert, update, delete on rental_rate_cards to elevate_app`.execute(db)
  await grantToSeededRoles(db, {
    Administrator: ['pricing:read', 'pricing:write'],
    'Customer Manager': ['pricing:read'],
    'Read Only': ['pricing:read'],
  })
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table rental_rate_cards`.execute(db)
}
