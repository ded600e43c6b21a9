import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Electronic summary templates (/v1/electronic-summary-templates): the data-file layouts of the
// summaries a brand sends, each offered to some of its contract owners (`contract_owner_ids`, empty
// for all; checked on write: contract owners are not deleted). The name is unique within the brand.
// Not deleted through the API: sites and document profiles point at them. Permissions: admin:read
// and admin:write, which every brand's seeded roles already hold.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table electronic_summary_templates (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      name text not null,
      description text,
      contract_owner_ids bigint[] not null default '{}',
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint electronic_summary_templates_name_key unique (brand_id, name)
    )`.execute(db)
  await enableTenantIsolation(db, 'electronic_summary_templates')
  await sql`grant select, insert, update on electronic_summary_templates to elevate_app`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table electronic_summary_templates`.execute(db)
}
