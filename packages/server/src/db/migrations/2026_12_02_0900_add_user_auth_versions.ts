import { sql, type Kysely } from 'kysely'

/**
 * A per-user version of everything that decides what a token may do: the user row (enabled,
 * contract owner, name) and its roles' permissions. Triggers bump it on every such write, whoever
 * makes it, so a server can keep the actor it built and ask only "same version?" per request.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table users add column auth_version bigint not null default 1`.execute(db)

  await sql`
    create function elevate_next_user_auth_version() returns trigger
    language plpgsql
    as $$ begin
      new.auth_version := old.auth_version + 1;
      return new;
    end $$`.execute(db)
  await sql`
    create trigger users_auth_version before update on users
    for each row execute function elevate_next_user_auth_version()`.execute(db)

  // Security definer: whoever may change an assignment or a role must be able to bump its users.
  await sql`
    create function elevate_touch_assigned_user() returns trigger
    language plpgsql security definer set search_path = public
    as $$ begin
      if tg_op in ('DELETE', 'UPDATE') then
        update users set auth_version = auth_version + 1 where brand_id = old.brand_id and id = old.user_id;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        update users set auth_version = auth_version + 1 where brand_id = new.brand_id and id = new.user_id;
      end if;
      return null;
    end $$`.execute(db)
  await sql`
    create trigger user_role_assignments_auth_version after insert or update or delete on user_role_assignments
    for each row execute function elevate_touch_assigned_user()`.execute(db)

  await sql`
    create function elevate_touch_role_users() returns trigger
    language plpgsql security definer set search_path = public
    as $$ begin
      update users u set auth_version = u.auth_version + 1
        from user_role_assignments a
       where a.brand_id = new.brand_id and a.role_id = new.id and u.brand_id = a.brand_id and u.id = a.user_id;
      return null;
    end $$`.execute(db)
  await sql`
    create trigger roles_auth_version after update of permissions on roles
    for each row when (old.permissions is distinct from new.permissions)
    execute function elevate_touch_role_users()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger roles_auth_version on roles`.execute(db)
  await sql`drop trigger user_role_assignments_auth_version on user_role_assignments`.execute(db)
  await sql`drop trigger users_auth_version on users`.execute(db)
  await sql`drop function elevate_touch_role_users(), elevate_touch_assigned_user(), elevate_next_user_auth_version()`.execute(db)
  await sql`alter table users drop column auth_version`.execute(db)
}
