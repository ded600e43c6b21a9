import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Invoice group tag labels (Admin API 1.46): a sub-brand's names for the tags that group mid-month
// charges onto invoices of their own. A label is unique within its sub-brand; the sub-brand's
// contract owner is copied beside it so contract-owner scope filters by index. Labels are part of
// their sub-brand's configuration: deleting the sub-brand deletes them. Permissions: admin:read
// and admin:write, which every brand's seeded roles already hold.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table invoice_group_tag_labels (
      brand_id bigint not null default elevate_current_brand(),
      id bigint generated always as identity,
      contract_owner_sub_brand_id bigint not null,
      contract_owner_id bigint not null,
      label text not null,
      show_on_invoice boolean not null default true,
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      -- Also the index of a sub-brand's list.
      constraint invoice_group_tag_labels_label_key unique (brand_id, contract_owner_sub_brand_id, label),
      constraint invoice_group_tag_labels_sub_brand_fkey foreign key (brand_id, contract_owner_sub_brand_id)
        references contract_owner_sub_brands (brand_id, id) on delete cascade
    )`.execute(db)
  await sql`create index invoice_group_tag_labels_owner on invoice_group_tag_labels (brand_id, contract_owner_id, id)`.execute(db)
  await enableTenantIsolation(db, 'invoice_group_tag_labels')
  await sql`grant select, insert, update, delete on invoice_group_tag_labels to elevate_app`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table invoice_group_tag_labels`.execute(db)
}
