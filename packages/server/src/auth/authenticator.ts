import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import type { Tables } from '../db/tables.ts'
import { AppError } from '../errors.ts'
import type { Actor } from './actor.ts'
import { Actors } from './actors.ts'
import type { AuthEvents } from './auth-events.ts'
import type { LoginThrottle } from './login-throttle.ts'
import { decoyHash, verifyPassword } from './passwords.ts'
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

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i
/** The challenge of a request without credentials: the same for every request, built once. */
const CHALLENGE = Object.freeze(challenge())

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
    private readonly events: AuthEvents,
  ) {
    this.actors = new Actors(db, (token, username, code) =>
      events.tokenRejected(token.brandId, `user:${token.userId}`, username, code === 'account_disabled' ? 'the account is disabled' : 'the token was revoked'),
    )
  }

  /**
   * Wrong brand, unknown user and wrong password all give the same 401, after the same work.
   * Repeated failures from one address for one brand and username give 429 for a while.
   */
  async login({ brand, username, password }: Credentials, address: string): Promise<LoginResult> {
    await this.assertNotThrottled(brand, username, address)
    const user = await this.db
      .selectFrom('users')
      .innerJoin('brands', 'brands.id', 'users.brand_id')
      .select(['users.id', 'users.brand_id', 'users.username', 'users.password_hash', 'users.enabled', 'users.session_version'])
      .where('brands.name', '=', brand)
      .where('users.username', '=', username)
      .executeTakeFirst()
    const passwordMatches = await verifyPassword(user?.password_hash ?? (await decoyHash), password)
    if (user === undefined || !passwordMatches) {
      await this.failed(brand, username, address, user?.brand_id, user === undefined ? 'no such user' : 'wrong password')
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
    await this.throttle.clear(brand, username)
    await this.events.record(user.brand_id, { action: 'user-login-success', description: `User ${username} has logged in`, username, ipAddress: address })
    return { token: issued.token, username: user.username, expiresAt: issued.expiresAt.toISOString() }
  }

  /** 429 while the name or the address has too many recent failures (no event: a flood would fill the table). */
  async assertNotThrottled(brand: string, name: string, address: string): Promise<void> {
    const wait = await this.throttle.blockedFor(brand, name, address)
    if (wait === undefined) return
    this.log.info({ category: 'authentication', action: 'login-throttled', brand, username: name }, 'security event: login-throttled')
    throw new AppError('rate_limited', {
      message: 'Too many failed logins: wait before trying again',
      headers: { 'retry-after': String(wait) },
    })
  }

  /**
   * Counts a failed login (or client-credentials request) and records it, with the lockout when
   * this failure reached a limit; nothing is recorded for a brand that does not exist.
   */
  async failed(brand: string, name: string, address: string, knownBrandId: number | undefined, reason: string, subject = 'user'): Promise<void> {
    const outcome = await this.throttle.recordFailure(brand, name, address)
    const brandId = knownBrandId ?? (await this.db.selectFrom('brands').select('id').where('name', '=', brand).executeTakeFirst())?.id
    if (brandId === undefined) return
    const base = { username: name, ipAddress: address }
    await this.events.record(brandId, { ...base, action: `${subject}-login-failure`, description: `Login failed for ${name}: ${reason}` })
    if (outcome.lockedOut) await this.events.record(brandId, { ...base, action: `${subject}-locked-out`, description: `${name} is locked out after too many failed logins` })
    if (outcome.addressLockedOut) await this.events.record(brandId, { ...base, action: 'address-locked-out', description: `Address ${address} is locked out after too many failed logins` })
  }

  /** A success: the name's failures are forgotten. */
  clearFailures(brand: string, name: string): Promise<void> {
    return this.throttle.clear(brand, name)
  }

  /**
   * The actor behind an `Authorization` header. The user is checked against the database on every
   * request (one statement, see `Actors`), so a disabled account or a changed role takes effect on
   * the next request, on every instance, even with an unexpired token.
   */
  async authenticate(authorization: string | undefined): Promise<Actor> {
    if (authorization === undefined || authorization.trim() === '') {
      throw new AppError('authentication_required', { headers: CHALLENGE })
    }
    const token = BEARER.exec(authorization)?.[1]
    if (token === undefined) throw invalidToken('The Authorization header must be: Bearer <token>')
    return this.actors.current(await this.tokens.verify(token))
  }
}
