import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Adhoc inventories (/v2/adhoc-inventories): one-off charges, discounts (negative prices) and
// refunds on a site, in exact numeric columns. bill_run_id / adhoc_bill_run_id record the run
// that billed one (set by billing; no foreign key until the bill run tables exist); the partial
// index is what a bill run reads the unbilled ones of its sites by. Permissions: inventory:read and
// inventory:write, granted by 2026_12_06_0200.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table adhoc_inventories (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      site_id bigint not null,
      name text not null,
      supplier_account_id bigint not null,
      buy_price numeric(14, 4),
      sell_price numeric(14, 4) not null,
      quantity numeric(12, 4) not null check (quantity > 0),
      bill_immediately boolean not null,
      is_credit boolean not null,
      paid boolean not null,
      rental_product_category_id bigint not null,
      tax_band_id bigint not null,
      nominal_code text,
      invoice_group_tag_label_id bigint,
      invoice_group_tag_value text,
      bill_run_id bigint,
      adhoc_bill_run_id bigint,
      details jsonb not null default '{}',
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      check (not is_credit or bill_immediately),
      check ((invoice_group_tag_label_id is null) = (invoice_group_tag_value is null)),
      constraint adhoc_inventories_site_fkey foreign key (brand_id, site_id) references sites (brand_id, id),
      constraint adhoc_inventories_supplier_account_fkey foreign key (brand_id, supplier_account_id) references supplier_accounts (brand_id, id),
      constraint adhoc_inventories_category_fkey foreign key (brand_id, rental_product_category_id) references rental_product_categories (brand_id, id),
      constraint adhoc_inventories_tax_band_fkey foreign key (brand_id, tax_band_id) references tax_bands (brand_id, id),
      constraint adhoc_inventories_label_fkey foreign key (brand_id, invoice_group_tag_label_id) references invoice_group_tag_labels (brand_id, id)
    )`.execute(db)
  await sql`create index adhoc_inventories_site on adhoc_inventories (brand_id, site_id, id)`.execute(db)
  await sql`create index adhoc_inventories_unbilled on adhoc_inventories (brand_id, site_id, id) where bill_run_id is null and adhoc_bill_run_id is null`.execute(db)
  await sql`create index adhoc_inventories_bill_run on adhoc_inventories (brand_id, bill_run_id) where bill_run_id is not null`.execute(db)
  await sql`create index adhoc_inventories_adhoc_bill_run on adhoc_inventories (brand_id, adhoc_bill_run_id) where adhoc_bill_run_id is not null`.execute(db)
  await enableTenantIsolation(db, 'adhoc_inventories')
  await sql`grant select, insert, update on adhoc_inventories to elevate_app`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table adhoc_inventories`.execute(db)
}
