import { sql, type Kysely } from 'kysely'
import type { Logger } from 'pino'
import type { Tables } from '../db/tables.ts'
import { AppError } from '../errors.ts'
import type { Actor } from './actor.ts'
import type { LoginThrottle } from './login-throttle.ts'
import { decoyHash, verifyPassword } from './passwords.ts'
import type { Permission } from './permissions.ts'
import { challenge, invalidToken, type TokenService } from './tokens.ts'

export interface Credentials {
  brand: string
  username: string
  password: string
}

export interface LoginResult {
  token: string
  username: string
  expiresAt: string
}

interface ActorRow {
  username: string
  enabled: boolean
  contract_owner_id: number | null
  permissions: Permission[]
}

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i

/**
 * Logs users in and resolves bearer tokens to actors. Works before any brand is known, so it uses
 * the system connection and names the brand in every query itself.
 */
export class Authenticator {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly log: Logger,
  ) {}

  /**
   * Wrong brand, unknown user and wrong password all give the same 401, after the same work.
   * Repeated failures from one address for one brand and username give 429 for a while.
   */
  async login({ brand, username, password }: Credentials, address: string): Promise<LoginResult> {
    const wait = await this.throttle.blockedFor(brand, username, address)
    if (wait !== undefined) {
      this.securityEvent('user-login-throttled', brand, username)
      throw new AppError('rate_limited', {
        message: 'Too many failed logins: wait before trying again',
        headers: { 'retry-after': String(wait) },
      })
    }
    const user = await this.db
      .selectFrom('users')
      .innerJoin('brands', 'brands.id', 'users.brand_id')
      .select(['users.id', 'users.brand_id', 'users.username', 'users.password_hash', 'users.enabled'])
      .where('brands.name', '=', brand)
      .where('users.username', '=', username)
      .executeTakeFirst()
    const passwordMatches = await verifyPassword(user?.password_hash ?? (await decoyHash), password)
    if (user === undefined || !passwordMatches) {
      await this.throttle.recordFailure(brand, username, address)
      this.securityEvent('user-login-failure', brand, username)
      throw new AppError('invalid_credentials')
    }
    if (!user.enabled) {
      this.securityEvent('user-login-failure', brand, username, 'account disabled')
      throw new AppError('account_disabled')
    }
    const roleIds = await this.db
      .selectFrom('user_role_assignments')
      .select('role_id')
      .where('brand_id', '=', user.brand_id)
      .where('user_id', '=', user.id)
      .execute()
    const issued = await this.tokens.issue({
      userId: user.id,
      brandId: user.brand_id,
      username: user.username,
      roleIds: roleIds.map((r) => r.role_id),
    })
    await this.throttle.clear(brand, username, address)
    this.securityEvent('user-login-success', brand, username)
    return { token: issued.token, username: user.username, expiresAt: issued.expiresAt.toISOString() }
  }

  /**
   * The actor behind an `Authorization` header. The user is read afresh on every request, so a
   * disabled account or a changed role takes effect at once, even on an unexpired token.
   */
  async authenticate(authorization: string | undefined): Promise<Actor> {
    if (authorization === undefined || authorization.trim() === '') {
      throw new AppError('authentication_required', { headers: challenge() })
    }
    const token = BEARER.exec(authorization)?.[1]
    if (token === undefined) throw invalidToken('The Authorization header must be: Bearer <token>')
    const { userId, brandId } = await this.tokens.verify(token)
    const { rows } = await sql<ActorRow>`
      select u.username, u.enabled, u.contract_owner_id,
             coalesce((select array_agg(distinct p.permission)
                         from user_role_assignments a
                         join roles r on r.brand_id = a.brand_id and r.id = a.role_id
                         cross join unnest(r.permissions) as p(permission)
                        where a.brand_id = u.brand_id and a.user_id = u.id), '{}') as permissions
        from users u
       where u.brand_id = ${brandId} and u.id = ${userId}`.execute(this.db)
    const user = rows[0]
    if (user === undefined) throw invalidToken('The bearer token names no user')
    if (!user.enabled) {
      throw new AppError('account_disabled', { headers: challenge('invalid_token', 'The account is disabled') })
    }
    return {
      userId,
      brandId,
      username: user.username,
      permissions: new Set(user.permissions),
      contractOwnerId: user.contract_owner_id,
    }
  }

  private securityEvent(action: string, brand: string, username: string, reason?: string): void {
    this.log.info({ category: 'authentication', action, brand, username, reason }, `security event: ${action}`)
  }
}
