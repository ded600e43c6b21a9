import { randomBytes } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { Tables } from '../db/tables.ts'

/** The key a token without a `kid` header was signed with (tokens issued before key ids). */
export const LEGACY_KID = 'primary'
/** The `kid` of tokens signed with ELEVATE_JWT_SECRET. */
export const CONFIGURED_KID = 'configured'

export interface SigningKey {
  kid: string
  secret: Uint8Array
}

/** Where the token service gets its HMAC keys: the current one to sign, any one by id to verify. */
export interface KeyRing {
  current(): Promise<SigningKey>
  /** The secret of a key that is not retired, or undefined. */
  byKid(kid: string): Promise<Uint8Array | undefined>
  /** Whether tokens' keys are checked per request against the database (null: not needed). */
  readonly checksKeys: boolean
}

declare module '../db/tables.ts' {
  interface SigningKeysTable {
    state: 'current' | 'previous' | 'retired'
    retired_date: Date | null
  }
}

/** ELEVATE_JWT_SECRET: one key, no rotation through the database. */
export function configuredKeyRing(secret: string): KeyRing {
  const key = { kid: CONFIGURED_KID, secret: new TextEncoder().encode(secret) }
  return { current: async () => key, byKid: async (kid) => (kid === CONFIGURED_KID ? key.secret : undefined), checksKeys: false }
}

const UNKNOWN_KID_TTL_MS = 10_000

/**
 * Keys kept in the database (generated at first use), shared by every instance. Secrets never
 * change, so they are cached by id; the current key is read at each issue (a login), so a rotation
 * on one instance is used by all at their next login. Unknown ids are remembered a few seconds, so
 * tokens with made-up ids cannot make every request a query.
 */
export class DatabaseKeyRing implements KeyRing {
  readonly checksKeys = true
  private readonly secrets = new Map<string, Uint8Array>()
  private readonly unknown = new Map<string, number>()

  constructor(private readonly db: Kysely<Tables>) {}

  async current(): Promise<SigningKey> {
    let row = await this.db.selectFrom('signing_keys').select(['kid', 'secret']).where('state', '=', 'current').executeTakeFirst()
    if (row === undefined) {
      // The first key: named as the keys before key ids were, so their tokens stay valid.
      await this.db.insertInto('signing_keys').values({ kid: LEGACY_KID, secret: randomBytes(32), state: 'current' }).onConflict((oc) => oc.doNothing()).execute()
      row = await this.db.selectFrom('signing_keys').select(['kid', 'secret']).where('state', '=', 'current').executeTakeFirstOrThrow()
    }
    const secret = new Uint8Array(row.secret)
    this.secrets.set(row.kid, secret)
    return { kid: row.kid, secret }
  }

  async byKid(kid: string): Promise<Uint8Array | undefined> {
    const known = this.secrets.get(kid)
    if (known !== undefined) return known
    const missing = this.unknown.get(kid)
    if (missing !== undefined && Date.now() - missing < UNKNOWN_KID_TTL_MS) return undefined
    const row = await this.db.selectFrom('signing_keys').select('secret').where('kid', '=', kid).where('state', '<>', 'retired').executeTakeFirst()
    if (row === undefined) {
      if (this.unknown.size >= 1000) this.unknown.clear()
      this.unknown.set(kid, Date.now())
      return undefined
    }
    const secret = new Uint8Array(row.secret)
    this.secrets.set(kid, secret)
    return secret
  }
}

/**
 * The rotation procedure (docs/signing-keys.md): `rotate` makes a new current key and keeps the
 * old one as `previous` (its tokens stay valid until they expire); `retire` ends a previous key
 * (its tokens get 401 at once). Run by `npm run keys --workspace @elevate-api/server`.
 */
export async function rotateSigningKey(db: Kysely<Tables>): Promise<string> {
  const kid = `k-${new Date().toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`
  await db.transaction().execute(async (trx) => {
    await sql`lock table signing_keys in exclusive mode`.execute(trx)
    await trx.updateTable('signing_keys').set({ state: 'previous' }).where('state', '=', 'current').execute()
    await trx.insertInto('signing_keys').values({ kid, secret: randomBytes(32), state: 'current' }).execute()
  })
  return kid
}

export async function retireSigningKey(db: Kysely<Tables>, kid: string): Promise<'retired' | 'current' | 'unknown'> {
  const row = await db.selectFrom('signing_keys').select('state').where('kid', '=', kid).executeTakeFirst()
  if (row === undefined) return 'unknown'
  if (row.state === 'current') return 'current'
  await db.updateTable('signing_keys').set({ state: 'retired', retired_date: new Date() }).where('kid', '=', kid).execute()
  return 'retired'
}

export async function listSigningKeys(db: Kysely<Tables>): Promise<Array<{ kid: string; state: string; created: string }>> {
  const rows = await db.selectFrom('signing_keys').select(['kid', 'state', 'created_date']).orderBy('created_date').execute()
  return rows.map((row) => ({ kid: row.kid, state: row.state, created: row.created_date.toISOString() }))
}
