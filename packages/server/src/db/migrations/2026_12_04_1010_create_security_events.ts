import { sql, type Kysely } from 'kysely'
import { grantToSeededRoles } from './role-grants.ts'
import { enableTenantIsolation } from './tenant-isolation.ts'

/**
 * Security events (the published Events API): what happened to logins, tokens, users and app
 * clients, per brand. Written by the server in the transaction of the change they describe (logins
 * on the system pool, naming the brand); read through `GET /v1/events`; deleted after the
 * retention period (ELEVATE_EVENT_RETENTION_DAYS).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table security_events (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      created_date timestamptz not null default now(),
      category text not null,
      action text not null,
      description text not null,
      username text,
      ip_address text,
      primary key (brand_id, id)
    )`.execute(db)
  await sql`create index security_events_created_date on security_events (brand_id, created_date)`.execute(db)
  // The retention cleanup deletes across brands, by age alone.
  await sql`create index security_events_age on security_events (created_date)`.execute(db)
  await enableTenantIsolation(db, 'security_events')
  await sql`grant select, insert on security_events to elevate_app`.execute(db)
  await grantToSeededRoles(db, { Administrator: ['events:read'] })
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update roles set permissions = array_remove(permissions, 'events:read')`.execute(db)
  await sql`drop table security_events`.execute(db)
}
