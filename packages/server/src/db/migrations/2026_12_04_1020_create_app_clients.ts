import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

/**
 * App clients: machine access with a client id and a secret. Each acts through a service user
 * of its own (`users.app_client`, hidden from `/v1/users`, refused by password login) that holds
 * its secret's argon2id hash, its roles, its contract owner and its session version: so a token
 * of an app client is checked by the same statement as a user's, a rotated secret or a change of
 * roles ends its tokens through the same triggers, and what is kept per user (idempotency keys)
 * works for it unchanged. Managed with `users:read` / `users:write`, which roles already hold.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table users add column app_client boolean not null default false`.execute(db)
  await sql`
    create table app_clients (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      user_id bigint not null,
      client_id text not null,
      name text not null,
      description text,
      last_successful_authentication timestamptz,
      last_failed_authentication timestamptz,
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint app_clients_client_id_key unique (brand_id, client_id),
      constraint app_clients_name_key unique (brand_id, name),
      constraint app_clients_user_id_key unique (brand_id, user_id),
      foreign key (brand_id, user_id) references users (brand_id, id)
    )`.execute(db)
  // POST /oauth2/token names no brand: the client id (128 random bits) finds it.
  await sql`create index app_clients_client_id on app_clients (client_id)`.execute(db)
  await enableTenantIsolation(db, 'app_clients')
  await sql`grant select, insert, update, delete on app_clients to elevate_app`.execute(db)
  await sql`grant delete on users to elevate_app`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`revoke delete on users from elevate_app`.execute(db)
  await sql`drop table app_clients`.execute(db)
  await sql`delete from user_role_assignments a using users u where u.brand_id = a.brand_id and u.id = a.user_id and u.app_client`.execute(db)
  await sql`delete from users where app_client`.execute(db)
  await sql`alter table users drop column app_client`.execute(db)
}
