import { sql, type Kysely } from 'kysely'
import { grantToSeededRoles } from './role-grants.ts'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Payment providers (/v1/payment-providers) and site payment mandates (/v1/site-payment-mandates),
// Payment and Refund API. A provider's name is unique within the brand; the contract owners it
// serves are an id list checked on write (contract owners are never deleted). A mandate belongs to
// one site and one provider (foreign keys); at most one live mandate (not INACTIVE, FAILED,
// CANCELLED or EXPIRED) per site and provider, and a provider's mandate reference names one
// mandate: both unique, so concurrent duplicates get one 201 and 409s. The indexes serve the
// mandate filters of GET/HEAD /v1/sites, each a semi-join from the mandates to their sites.
// Permissions: payments:read (every seeded role), payments:write (Administrator, Customer Manager).

const ENDED = sql`('INACTIVE', 'FAILED', 'CANCELLED', 'EXPIRED')`

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table payment_providers (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      type text not null,
      name text not null,
      status text not null check (status in ('ACTIVE', 'INACTIVE')),
      instant_bank_payments boolean not null default false,
      retry_if_possible boolean not null default false,
      contract_owner_ids bigint[] not null check (cardinality(contract_owner_ids) > 0),
      details jsonb not null default '{}',
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint payment_providers_name_key unique (brand_id, name)
    )`.execute(db)
  await enableTenantIsolation(db, 'payment_providers')
  await sql`grant select, insert, update on payment_providers to elevate_app`.execute(db)

  await sql`
    create table site_payment_mandates (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      site_id bigint not null,
      payment_provider_id bigint not null,
      mandate_status text not null,
      mandate_reference text,
      third_party_customer_reference text,
      flow_token text not null,
      redirect_url text,
      return_url text not null,
      exit_url text,
      mandate_created_date date not null,
      mandate_updated_date date not null,
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint site_payment_mandates_site_fkey foreign key (brand_id, site_id) references sites (brand_id, id),
      constraint site_payment_mandates_provider_fkey foreign key (brand_id, payment_provider_id) references payment_providers (brand_id, id),
      constraint site_payment_mandates_reference_key unique (brand_id, payment_provider_id, mandate_reference)
    )`.execute(db)
  await sql`create unique index site_payment_mandates_live_key on site_payment_mandates (brand_id, site_id, payment_provider_id) where mandate_status not in ${ENDED}`.execute(db)
  await sql`create index site_payment_mandates_site on site_payment_mandates (brand_id, site_id, id)`.execute(db)
  await sql`create index site_payment_mandates_status on site_payment_mandates (brand_id, mandate_status, site_id)`.execute(db)
  await sql`create index site_payment_mandates_reference on site_payment_mandates (brand_id, mandate_reference, site_id)`.execute(db)
  await sql`create index site_payment_mandates_created on site_payment_mandates (brand_id, mandate_created_date, site_id)`.execute(db)
  await sql`create index site_payment_mandates_updated on site_payment_mandates (brand_id, mandate_updated_date, site_id)`.execute(db)
  await enableTenantIsolation(db, 'site_payment_mandates')
  await sql`grant select, insert, update on site_payment_mandates to elevate_app`.execute(db)
  await grantToSeededRoles(db, { Administrator: ['payments:read', 'payments:write'], 'Customer Manager': ['payments:read', 'payments:write'], 'Read Only': ['payments:read'] })
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table site_payment_mandates`.execute(db)
  await sql`drop table payment_providers`.execute(db)
}
