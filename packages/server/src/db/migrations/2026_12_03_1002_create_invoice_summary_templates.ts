import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Invoice summary templates (/v1/invoice-summary-templates) and the components summaries show
// (/v1/invoice-summary-template-components): each offered to some of the brand's contract owners
// (`contract_owner_ids`, empty for all; checked on write: contract owners are not deleted), named
// uniquely within the brand, and not deleted through the API (sites and document profiles point
// at them). Permissions: admin:read and admin:write, which every brand's seeded roles already hold.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table invoice_summary_templates (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      name text not null,
      description text,
      contract_owner_ids bigint[] not null default '{}',
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint invoice_summary_templates_name_key unique (brand_id, name)
    )`.execute(db)
  await sql`
    create table invoice_summary_template_components (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      name text not null,
      contract_owner_ids bigint[] not null default '{}',
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint invoice_summary_template_components_name_key unique (brand_id, name)
    )`.execute(db)
  for (const table of ['invoice_summary_templates', 'invoice_summary_template_components']) {
    await enableTenantIsolation(db, table)
    await sql`grant select, insert, update on ${sql.table(table)} to elevate_app`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table invoice_summary_template_components`.execute(db)
  await sql`drop table invoice_summary_templates`.execute(db)
}
