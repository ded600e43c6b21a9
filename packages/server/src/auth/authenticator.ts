import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import type { Tables } from '../db/tables.ts'
import { AppError } from '../errors.ts'
import type { Actor } from './actor.ts'
import { Actors } from './actors.ts'
import type { AuthEvents } from './auth-events.ts'
import { ClientLogin } from './client-login.ts'
import { LoginFailures } from './login-failures.ts'
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
  /** The client credentials grant (app clients). */
  readonly clients: ClientLogin
  private readonly failures: LoginFailures

  constructor(
    private readonly db: Kysely<Tables>,
    private readonly tokens: TokenService,
    throttle: LoginThrottle,
    log: Logger,
    private readonly events: AuthEvents,
  ) {
    this.actors = new Actors(db, (token, username, code) =>
      events.tokenRejected(token.brandId, `user:${token.userId}`, username, code === 'account_disabled' ? 'the account is disabled' : 'the token was revoked'),
    )
    this.failures = new LoginFailures(db, throttle, events, log)
    this.clients = new ClientLogin(db, tokens, this.failures, events)
  }

  /**
   * Wrong brand, unknown user and wrong password all give the same 401, after the same work.
   * Repeated failures from one address for one brand and username give 429 for a while.
   */
  async login({ brand, username, password }: Credentials, address: string): Promise<LoginResult> {
    await this.failures.assertNotThrottled(brand, username, address)
    const user = await this.db
      .selectFrom('users')
      .innerJoin('brands', 'brands.id', 'users.brand_id')
      .select(['users.id', 'users.brand_id', 'users.username', 'users.password_hash', 'users.enabled', 'users.session_version'])
      .where('brands.name', '=', brand)
      .where('users.username', '=', username)
      .where('users.app_client', '=', false) // app clients use their credentials, not a password login
      .executeTakeFirst()
    const passwordMatches = await verifyPassword(user?.password_hash ?? (await decoyHash), password)
    if (user === undefined || !passwordMatches) {
      await this.failures.failed(brand, username, address, user?.brand_id ?? brand, user === undefined ? 'no such user' : 'wrong password')
      throw new AppError('invalid_credentials')
    }
    if (!user.enabled) {
      await this.events.record(user.brand_id, { action: 'user-login-failure', description: `Login refused for ${username}: the account is disabled`, username, ipAddress: address })
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
      sessionVersion: user.session_version,
    })
    await this.failures.succeeded(brand, username)
    await this.events.record(user.brand_id, { action: 'user-login-success', description: `User ${username} has logged in`, username, ipAddress: address })
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
}
