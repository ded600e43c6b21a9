import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // Failed logins per (brand, username, client address), hashed: not tenant data, and shared by
  // every instance so the limit holds however many run.
  await sql`
    create table login_failures (
      key_hash bytea primary key,
      failures integer not null,
      window_started timestamptz not null
    )`.execute(db)
  await sql`create index login_failures_window_started on login_failures (window_started)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table login_failures`.execute(db)
}
