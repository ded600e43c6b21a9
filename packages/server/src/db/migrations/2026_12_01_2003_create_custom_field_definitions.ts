import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Custom field definitions (/v1/custom-field-definitions): the extra fields a brand's products,
// inventories, sites and customers may carry. A label is unique within its entity level; the level
// is fixed once created. Permissions: admin:read and admin:write, which every brand's seeded roles
// already hold.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table custom_field_definitions (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      entity_level text not null
        check (entity_level in ('USAGE_PRODUCT', 'RENTAL_PRODUCT', 'RENTAL_PRODUCT_INVENTORY', 'SITE', 'CUSTOMER')),
      label text not null,
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      -- Also the index of the entityLevel filter.
      constraint custom_field_definitions_label_key unique (brand_id, entity_level, label)
    )`.execute(db)
  await enableTenantIsolation(db, 'custom_field_definitions')
  // No delete: the values records hold for a definition would be left without one.
  await sql`grant select, insert, update on custom_field_definitions to elevate_app`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table custom_field_definitions`.execute(db)
}
