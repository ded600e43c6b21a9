import { createHash } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { Tables } from '../db/tables.ts'

export interface ThrottleSettings {
  /** Failures allowed per brand and username (or app client id) within the window. */
  maxFailures: number
  /** Failures allowed per client address, whatever the names tried, within the window. */
  maxFailuresPerAddress: number
  windowSeconds: number
}

/** What a recorded failure did: whether it was the one that reached a limit (a lockout). */
export interface FailureOutcome {
  lockedOut: boolean
  addressLockedOut: boolean
}

/**
 * Limits failed logins (and client-credential requests) per brand and name, and per client
 * address, within a window that starts at the first failure; in the database so that every
 * instance counts the same failures. Keyed by name, not by user: an unknown user is throttled
 * like a real one, so the limit reveals nothing. A success resets the name's count only.
 */
export class LoginThrottle {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly settings: ThrottleSettings,
  ) {}

  /** Seconds until another attempt is allowed, or undefined when one is allowed now. */
  async blockedFor(brand: string, name: string, address: string): Promise<number | undefined> {
    const remaining = sql<number>`ceil(extract(epoch from window_started + make_interval(secs => ${this.settings.windowSeconds}) - now()))`
    const row = await this.db
      .selectFrom('login_failures')
      .select(sql<number>`max(${remaining})`.as('remaining'))
      .where((eb) =>
        eb.or([
          eb.and([eb('key_hash', '=', nameKey(brand, name)), eb('failures', '>=', this.settings.maxFailures)]),
          eb.and([eb('key_hash', '=', addressKey(address)), eb('failures', '>=', this.settings.maxFailuresPerAddress)]),
        ]),
      )
      .executeTakeFirst()
    const seconds = Number(row?.remaining ?? 0)
    return seconds > 0 ? seconds : undefined
  }

  /** Counts a failure for the name and for the address, in one statement. */
  async recordFailure(brand: string, name: string, address: string): Promise<FailureOutcome> {
    const expired = sql<boolean>`login_failures.window_started < now() - make_interval(secs => ${this.settings.windowSeconds})`
    const byName = nameKey(brand, name)
    const rows = await this.db
      .insertInto('login_failures')
      .values([byName, addressKey(address)].map((key_hash) => ({ key_hash, failures: 1, window_started: sql<Date>`now()` })))
      .onConflict((oc) =>
        oc.column('key_hash').doUpdateSet({
          failures: sql`case when ${expired} then 1 else login_failures.failures + 1 end`,
          window_started: sql`case when ${expired} then now() else login_failures.window_started end`,
        }),
      )
      .returning(['key_hash', 'failures'])
      .execute()
    const failures = (key: Buffer) => rows.find((row) => row.key_hash.equals(key))?.failures ?? 0
    return {
      lockedOut: failures(byName) === this.settings.maxFailures,
      addressLockedOut: failures(addressKey(address)) === this.settings.maxFailuresPerAddress,
    }
  }

  /** A success: the name's failures are forgotten (the address's stay counted). */
  async clear(brand: string, name: string): Promise<void> {
    await this.db.deleteFrom('login_failures').where('key_hash', '=', nameKey(brand, name)).execute()
  }
}

function nameKey(brand: string, name: string): Buffer {
  return createHash('sha256').update(`name\u0000${brand}\u0000${name}`).digest()
}

function addressKey(address: string): Buffer {
  return createHash('sha256').update(`address\u0000${address}`).digest()
}
