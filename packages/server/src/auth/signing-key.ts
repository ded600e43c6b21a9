import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Tables } from '../db/tables.ts'

const KEY_ID = 'primary'

/**
 * The HMAC key tokens are signed with. From configuration when given; otherwise generated once and
 * kept in the database, so every instance sharing the database accepts every other's tokens.
 */
export async function loadSigningKey(db: Kysely<Tables>, configured: string | undefined): Promise<Uint8Array> {
  if (configured !== undefined) return new TextEncoder().encode(configured)
  await db
    .insertInto('signing_keys')
    .values({ kid: KEY_ID, secret: randomBytes(32) })
    .onConflict((oc) => oc.column('kid').doNothing())
    .execute()
  const row = await db.selectFrom('signing_keys').select('secret').where('kid', '=', KEY_ID).executeTakeFirstOrThrow()
  return new Uint8Array(row.secret)
}
