import { sql, type Kysely } from 'kysely'

/**
 * Signing keys get a state: `current` signs new tokens (exactly one), `previous` only verifies the
 * tokens it signed until they expire, `retired` verifies nothing (its tokens get 401 at once, on
 * every instance: the per-request actor statement checks the token's key). The key made before
 * ('primary') becomes the current one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table signing_keys
      add column state text not null default 'current' check (state in ('current', 'previous', 'retired')),
      add column retired_date timestamptz`.execute(db)
  await sql`create unique index signing_keys_one_current on signing_keys (state) where state = 'current'`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index signing_keys_one_current`.execute(db)
  await sql`alter table signing_keys drop column state, drop column retired_date`.execute(db)
}
