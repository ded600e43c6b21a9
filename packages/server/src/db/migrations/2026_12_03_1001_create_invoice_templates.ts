import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Invoice templates (/v1/invoice-templates): the invoice layouts a brand offers, each to some of
// its contract owners (`contract_owner_ids`, empty for all; checked on write: contract owners are
// not deleted). The name is unique within the brand. Not deleted through the API: sites, document
// profiles and invoices point at them. Permissions: admin:read and admin:write, which every
// brand's seeded roles already hold.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table invoice_templates (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      name text not null,
      description text,
      contract_owner_ids bigint[] not null default '{}',
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint invoice_templates_name_key unique (brand_id, name)
    )`.execute(db)
  await enableTenantIsolation(db, 'invoice_templates')
  await sql`grant select, insert, update on invoice_templates to elevate_app`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table invoice_templates`.execute(db)
}
