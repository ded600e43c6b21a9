import { sql, type Kysely } from 'kysely'

/**
 * The users API (`/v1/users`): the published user's contact numbers, a version for its ETag, and a
 * session version that ends every token issued before a password change, a change of roles or a
 * disabling (tokens carry the version they were issued under; `auth/actors.ts` compares). Users
 * already had `users:read` and `users:write` (declared by the user-roles module).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table users
      add column telephone_number text,
      add column mobile_number text,
      add column version integer not null default 1,
      add column session_version bigint not null default 1`.execute(db)

  await sql`
    create function elevate_next_user_session_version() returns trigger
    language plpgsql
    as $$ begin
      if new.password_hash is distinct from old.password_hash or (old.enabled and not new.enabled) then
        new.session_version := old.session_version + 1;
      end if;
      return new;
    end $$`.execute(db)
  await sql`
    create trigger users_session_version before update on users
    for each row execute function elevate_next_user_session_version()`.execute(db)

  // Security definer: whoever may change an assignment must be able to end its user's sessions.
  await sql`
    create function elevate_end_assigned_user_sessions() returns trigger
    language plpgsql security definer set search_path = public
    as $$ begin
      if tg_op = 'DELETE' then
        update users set session_version = session_version + 1 where brand_id = old.brand_id and id = old.user_id;
      else
        update users set session_version = session_version + 1 where brand_id = new.brand_id and id = new.user_id;
      end if;
      return null;
    end $$`.execute(db)
  await sql`
    create trigger user_role_assignments_session_version after insert or delete on user_role_assignments
    for each row execute function elevate_end_assigned_user_sessions()`.execute(db)

  await sql`grant insert, update on users to elevate_app`.execute(db)
  await sql`grant insert, delete on user_role_assignments to elevate_app`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`revoke insert, delete on user_role_assignments from elevate_app`.execute(db)
  await sql`revoke insert, update on users from elevate_app`.execute(db)
  await sql`drop trigger user_role_assignments_session_version on user_role_assignments`.execute(db)
  await sql`drop trigger users_session_version on users`.execute(db)
  await sql`drop function elevate_end_assigned_user_sessions(), elevate_next_user_session_version()`.execute(db)
  await sql`alter table users drop column telephone_number, drop column mobile_number, drop column version, drop column session_version`.execute(db)
}
