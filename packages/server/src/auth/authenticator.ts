import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import type { Tables } from '../db/tables.ts'
import { AppError } from '../errors.ts'
import type { Actor } from './actor.ts'
import { Actors } from './actors.ts'
import type { LoginThrottle } from './login-throttle.ts'
import { decoyHash, verifyPassword } from './passwords.ts'
import { invalidToken, type TokenService } from './tokens.ts'

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

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i

/**
 * Logs users in and resolves bearer tokens to actors. Works before any brand is known, so it uses
 * the system connection and names the brand in every query itself.
 */
export class Authenticator {
  private readonly actors: Actors

  constructor(
    private readonly db: Kysely<Tables>,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly log: Logger,
  ) {
    this.actors = new Actors(db)
  }

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
        retryAfterSeconds: wait,
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
   * The actor behind an `Authorization` header. The user is checked against the database on every
   * request (one statement, see `Actors`), so a disabled account or a changed role takes effect on
   * the next request, on every instance, even with an unexpired token.
   */
  async authenticate(authorization: string | undefined): Promise<Actor> {
    if (authorization === undefined || authorization.trim() === '') {
      throw new AppError('authentication_required')
    }
    const token = BEARER.exec(authorization)?.[1]
    if (token === undefined) throw invalidToken('The Authorization header must be: Bearer <token>')
    return this.actors.current(await this.tokens.verify(token))
  }

  private securityEvent(action: string, brand: string, username: string, reason?: string): void {
    this.log.info({ category: 'authentication', action, brand, username, reason }, `security event: ${action}`)
  }
}
