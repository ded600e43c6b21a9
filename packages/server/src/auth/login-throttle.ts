import { createHash } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { Tables } from '../db/tables.ts'

export interface ThrottleSettings {
  maxFailures: number
  windowSeconds: number
}

/**
 * Limits failed logins per brand, username and client address within a window, in the database so
 * that every instance counts the same failures. Keyed by name, not by user: an unknown user is
 * throttled like a real one, so the limit reveals nothing.
 */
export class LoginThrottle {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly settings: ThrottleSettings,
  ) {}

  /** Seconds until another attempt is allowed, or undefined when one is allowed now. */
  async blockedFor(brand: string, username: string, address: string): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('login_failures')
      .select(sql<number>`ceil(extract(epoch from window_started + make_interval(secs => ${this.settings.windowSeconds}) - now()))`.as('remaining'))
      .where('key_hash', '=', keyHash(brand, username, address))
      .where('failures', '>=', this.settings.maxFailures)
      .executeTakeFirst()
    return row !== undefined && Number(row.remaining) > 0 ? Number(row.remaining) : undefined
  }

  async recordFailure(brand: string, username: string, address: string): Promise<void> {
    const expired = sql<boolean>`login_failures.window_started < now() - make_interval(secs => ${this.settings.windowSeconds})`
    await this.db
      .insertInto('login_failures')
      .values({ key_hash: keyHash(brand, username, address), failures: 1, window_started: sql`now()` })
      .onConflict((oc) =>
        oc.column('key_hash').doUpdateSet({
          failures: sql`case when ${expired} then 1 else login_failures.failures + 1 end`,
          window_started: sql`case when ${expired} then now() else login_failures.window_started end`,
        }),
      )
      .execute()
  }

  async clear(brand: string, username: string, address: string): Promise<void> {
    await this.db.deleteFrom('login_failures').where('key_hash', '=', keyHash(brand, username, address)).execute()
  }
}

function keyHash(brand: string, username: string, address: string): Buffer {
  return createHash('sha256').update(`${brand}\u0000${username}\u0000${address}`).digest()
}
