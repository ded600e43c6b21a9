import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Usage rate cards (Pricing API, /v2/usage-rate-cards): SELL, TEMPLATE and BUY cards of one usage
// product, available from a date to an optional date (inclusive). `contract_owner_ids` lists the
// contract owners with access (checked on write); the pricing settings and the dated charges are
// in `details`. Permissions: pricing:read and pricing:write, granted by 2026_12_05_2000.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table usage_rate_cards (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      contract_owner_ids bigint[] not null default '{}',
      name text not null,
      rate_card_type text not null check (rate_card_type in ('TEMPLATE', 'SELL', 'BUY')),
      available_from date not null,
      available_to date check (available_to >= available_from),
      usage_product_id bigint not null,
      supplier_id bigint,
      details jsonb not null default '{}',
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint usage_rate_cards_supplier_fkey foreign key (brand_id, supplier_id) references suppliers (brand_id, id)
    )`.execute(db)
  await sql`create index usage_rate_cards_name on usage_rate_cards (brand_id, name)`.execute(db)
  await sql`create index usage_rate_cards_owners on usage_rate_cards using gin (contract_owner_ids)`.execute(db)
  await enableTenantIsolation(db, 'usage_rate_cards')
  await sql`grant select, insert, update, delete on usage_rate_cards to elevate_app`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table usage_rate_cards`.execute(db)
}
