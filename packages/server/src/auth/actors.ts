import { CompiledQuery, type Kysely } from 'kysely'
import type { Tables } from '../db/tables.ts'
import { AppError, type TokenChallenge } from '../errors.ts'
import type { Actor } from './actor.ts'
import type { Permission } from './permissions.ts'
import { invalidToken, type VerifiedToken } from './tokens.ts'

interface ActorRow {
  auth_version: number
  enabled: boolean
  username: string
  contract_owner_id: number | null
  /** Null when the version is the one the caller already has. */
  permissions: Permission[] | null
}

// The user's `auth_version` moves on every write that changes what the user may do (triggers,
// migration 2026_12_02_0900), so an unchanged version means the actor built last time still holds.
// The permissions are aggregated only when it moved.
const ACTOR_QUERY = `
  select u.auth_version, u.enabled, u.username, u.contract_owner_id,
         case when u.auth_version = $3 then null else
           coalesce((select array_agg(distinct p.permission)
                       from user_role_assignments a
                       join roles r on r.brand_id = a.brand_id and r.id = a.role_id
                       cross join unnest(r.permissions) as p(permission)
                      where a.brand_id = u.brand_id and a.user_id = u.id), '{}') end as permissions
    from users u
   where u.brand_id = $1 and u.id = $2`

const DISABLED: TokenChallenge = Object.freeze({ error: 'invalid_token', description: 'The account is disabled' })

/**
 * The actor behind a verified token, as the database has it at the moment of the request: one
 * prepared statement per request on the system pool, which hands back only a version number while
 * nothing changed. Deterministic across instances: a request that starts after a write that
 * disables a user or changes its roles has committed reads the new version, on every instance.
 */
export class Actors {
  /** Keyed on the token service's per-token object, so an entry lives as long as the token's. */
  private readonly known = new WeakMap<VerifiedToken, { version: number; actor: Actor }>()

  constructor(private readonly db: Kysely<Tables>) {}

  async current(token: VerifiedToken): Promise<Actor> {
    const cached = this.known.get(token)
    const query = CompiledQuery.raw(ACTOR_QUERY, [token.brandId, token.userId, cached?.version ?? 0])
    const row = (await this.db.executeQuery<ActorRow>(query)).rows[0]
    if (row === undefined) throw invalidToken('The bearer token names no user')
    if (!row.enabled) throw new AppError('account_disabled', { challenge: DISABLED })
    if (cached !== undefined && cached.version === row.auth_version) return cached.actor
    const actor: Actor = Object.freeze({
      userId: token.userId,
      brandId: token.brandId,
      username: row.username,
      permissions: new Set(row.permissions ?? []),
      contractOwnerId: row.contract_owner_id,
    })
    this.known.set(token, { version: row.auth_version, actor })
    return actor
  }
}
