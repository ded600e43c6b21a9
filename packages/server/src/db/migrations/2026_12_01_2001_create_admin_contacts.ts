import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Admin contacts (/v1/admin-contacts): the brand's contacts for tripwire, usage-cap and auto-close
// notifications. The name is filtered and sorted (and unique within the brand); the rest lives in
// `details`. Permissions: admin:read and admin:write, which every brand's seeded roles already hold.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table admin_contacts (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      name text not null,
      details jsonb not null default '{}',
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint admin_contacts_name_key unique (brand_id, name)
    )`.execute(db)
  await enableTenantIsolation(db, 'admin_contacts')
  // No delete: contacts are not deleted through the API; their flags turn their alerts off.
  await sql`grant select, insert, update on admin_contacts to elevate_app`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table admin_contacts`.execute(db)
}
