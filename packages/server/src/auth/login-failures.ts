import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import type { Tables } from '../db/tables.ts'
import { AppError } from '../errors.ts'
import type { AuthEvents } from './auth-events.ts'
import type { LoginThrottle } from './login-throttle.ts'

/**
 * What user logins and client-credential requests share: the throttle (429), the failures it
 * counts with their security events (and the lockout when a limit is reached), the reset on success.
 */
export class LoginFailures {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly throttle: LoginThrottle,
    private readonly events: AuthEvents,
    private readonly log: Logger,
  ) {}

  /** 429 while the name or the address has too many recent failures (no event: a flood would fill the table). */
  async assertNotThrottled(brand: string, name: string, address: string): Promise<void> {
    const wait = await this.throttle.blockedFor(brand, name, address)
    if (wait === undefined) return
    this.log.info({ category: 'authentication', action: 'login-throttled', brand, username: name }, 'security event: login-throttled')
    throw new AppError('rate_limited', {
      message: 'Too many failed logins: wait before trying again',
      retryAfterSeconds: wait,
    })
  }

  /**
   * Counts a failure against `brand` and `name` (the throttle's key) and records it in `recordIn`
   * (a brand id, a brand name, or null: nowhere), with the lockout when this failure reached a
   * limit. Nothing is recorded for a brand that does not exist.
   */
  async failed(brand: string, name: string, address: string, recordIn: number | string | null, reason: string, subject: 'user' | 'client' = 'user', shownName = name): Promise<void> {
    const outcome = await this.throttle.recordFailure(brand, name, address)
    const brandId = typeof recordIn === 'string' ? (await this.db.selectFrom('brands').select('id').where('name', '=', recordIn).executeTakeFirst())?.id : recordIn
    if (brandId === undefined || brandId === null) return
    const base = { username: shownName, ipAddress: address }
    await this.events.record(brandId, { ...base, action: `${subject}-login-failure`, description: `Login failed for ${shownName}: ${reason}` })
    if (outcome.lockedOut) await this.events.record(brandId, { ...base, action: `${subject}-locked-out`, description: `${shownName} is locked out after too many failed logins` })
    if (outcome.addressLockedOut) await this.events.record(brandId, { ...base, action: 'address-locked-out', description: `Address ${address} is locked out after too many failed logins` })
  }

  /** A success: the name's failures are forgotten (the address's stay counted). */
  succeeded(brand: string, name: string): Promise<void> {
    return this.throttle.clear(brand, name)
  }
}
