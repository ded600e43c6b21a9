import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Ignored call classes (/v1/ignored-call-classes) and ignored service ids
// (/v1/ignored-service-ids): usage that is not rated. An ignored call class holds over a period
// (the periods of one class never overlap, checked by the server under a transaction lock on the
// class); a service id is ignored at most once. Permissions: reference-data:read and
// reference-data:write, granted by 2026_12_03_2000.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table ignored_call_classes (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      call_class text not null,
      start_date date not null,
      end_date date check (end_date >= start_date),
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id)
    )`.execute(db)
  await sql`create index ignored_call_classes_call_class on ignored_call_classes (brand_id, call_class, start_date)`.execute(db)
  await enableTenantIsolation(db, 'ignored_call_classes')
  await sql`grant select, insert, update, delete on ignored_call_classes to elevate_app`.execute(db)

  await sql`
    create table ignored_service_ids (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      service_id text not null,
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint ignored_service_ids_service_id_key unique (brand_id, service_id)
    )`.execute(db)
  await enableTenantIsolation(db, 'ignored_service_ids')
  await sql`grant select, insert, update, delete on ignored_service_ids to elevate_app`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table ignored_service_ids`.execute(db)
  await sql`drop table ignored_call_classes`.execute(db)
}
