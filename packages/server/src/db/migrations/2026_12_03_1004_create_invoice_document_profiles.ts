import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Invoice document profiles (/v1/invoice-document-profiles): the invoice template, summary template
// and components, and electronic summary templates a new site copies, offered to some contract
// owners (empty for all). The two single templates are foreign keys; the lists are bigint[]
// checked on write (templates, components and contract owners are not deleted). The name is unique
// within the brand. Permissions: admin:read and admin:write, which every brand's seeded roles
// already hold.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table invoice_document_profiles (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      name text not null,
      description text,
      invoice_template_id bigint not null,
      invoice_summary_template_id bigint,
      invoice_summary_template_component_ids bigint[] not null default '{}',
      electronic_summary_template_ids bigint[] not null default '{}',
      contract_owner_ids bigint[] not null default '{}',
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint invoice_document_profiles_name_key unique (brand_id, name),
      constraint invoice_document_profiles_invoice_template_fkey foreign key (brand_id, invoice_template_id)
        references invoice_templates (brand_id, id),
      constraint invoice_document_profiles_invoice_summary_template_fkey foreign key (brand_id, invoice_summary_template_id)
        references invoice_summary_templates (brand_id, id)
    )`.execute(db)
  await enableTenantIsolation(db, 'invoice_document_profiles')
  await sql`grant select, insert, update on invoice_document_profiles to elevate_app`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table invoice_document_profiles`.execute(db)
}
