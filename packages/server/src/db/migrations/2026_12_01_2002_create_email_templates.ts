import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Email templates (/v1/email-templates): named texts the platform's emails are made from. The name
// is filtered and sorted (and unique within the brand); the substitutions the texts use are kept
// beside them; the texts live in `details`. Permissions: admin:read and admin:write, which every
// brand's seeded roles already hold.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table email_templates (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      name text not null,
      substitutions text[] not null default '{}',
      details jsonb not null default '{}',
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint email_templates_name_key unique (brand_id, name)
    )`.execute(db)
  await enableTenantIsolation(db, 'email_templates')
  // No delete: templates are not deleted through the API (notification settings will refer to them).
  await sql`grant select, insert, update on email_templates to elevate_app`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table email_templates`.execute(db)
}
