import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Migrations are frozen in time: they use Kysely<any> and raw SQL, never application code.

export async function up(db: Kysely<any>): Promise<void> {
  // The role tenant queries run as. Roles are cluster-wide, so another database may have made it.
  await sql`
    do $$ begin
      create role elevate_app nologin;
    exception when duplicate_object or unique_violation then null;
    end $$`.execute(db)
  await sql`grant elevate_app to current_user`.execute(db)
  await sql`grant usage on schema public to elevate_app`.execute(db)

  // The brand of the current transaction (set by Database.withTenant), or null outside one.
  await sql`
    create function elevate_current_brand() returns bigint
    language sql stable parallel safe
    as $$ select nullif(current_setting('elevate.brand_id', true), '')::bigint $$`.execute(db)

  await sql`
    create table brands (
      id bigint generated always as identity primary key,
      name text not null unique,
      created_date timestamptz not null default now()
    )`.execute(db)

  await sql`
    create table signing_keys (
      kid text primary key,
      secret bytea not null,
      created_date timestamptz not null default now()
    )`.execute(db)

  // Tenant tables: the brand leads every key, so the schema can be distributed by brand (Citus).
  await sql`
    create table roles (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      name text not null,
      permissions text[] not null default '{}',
      primary key (brand_id, id),
      unique (brand_id, name)
    )`.execute(db)

  await sql`
    create table users (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      username text not null,
      password_hash text not null,
      first_name text not null,
      last_name text not null,
      email text not null,
      enabled boolean not null default true,
      contract_owner_id bigint,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint users_username_key unique (brand_id, username)
    )`.execute(db)

  await sql`
    create table user_role_assignments (
      brand_id bigint not null default elevate_current_brand(),
      user_id bigint not null,
      role_id bigint not null,
      primary key (brand_id, user_id, role_id),
      foreign key (brand_id, user_id) references users (brand_id, id),
      foreign key (brand_id, role_id) references roles (brand_id, id)
    )`.execute(db)

  for (const table of ['roles', 'users', 'user_role_assignments']) {
    await enableTenantIsolation(db, table)
  }
  await sql`grant select on roles, users, user_role_assignments to elevate_app`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table user_role_assignments, users, roles, signing_keys, brands`.execute(db)
  await sql`drop function elevate_current_brand()`.execute(db)
}
