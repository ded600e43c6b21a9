import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import type { Tables } from '../db/tables.ts'
import { recordSecurityEvent, SecurityEventRetention, type SecurityEvent } from './security-events.ts'

const SAMPLE_MS = 60_000
const MAX_SAMPLED_KEYS = 10_000
/** At most this many rejected-token events per process per minute, whatever the keys. */
const MAX_REJECTIONS_PER_MINUTE = 60

/**
 * The security events of logins and token checks, written on the system pool (the brand named):
 * each also gives the retention cleanup its chance to run. Rejected tokens are rate-limited: one
 * event per user and reason per minute per instance, and at most 60 a minute in all, so a client
 * hammering with a revoked token cannot fill the disk.
 */
export class AuthEvents {
  private readonly retention: SecurityEventRetention
  private readonly lastRejection = new Map<string, number>()
  private minute = { start: 0, count: 0 }

  constructor(
    private readonly db: Kysely<Tables>,
    private readonly log: Logger,
    retentionDays: number,
    private readonly clock: () => number = Date.now,
  ) {
    this.retention = new SecurityEventRetention(db, retentionDays, clock)
  }

  async record(brandId: number, event: Omit<SecurityEvent, 'category'>): Promise<void> {
    this.log.info({ category: 'authentication', action: event.action, brandId, username: event.username }, `security event: ${event.action}`)
    await recordSecurityEvent(this.db, { category: 'authentication', ...event }, brandId)
    const deleted = await this.retention.cleanupIfDue()
    if (deleted > 0) this.log.info({ deleted }, 'deleted security events past their retention')
  }

  /** A verified token refused (disabled, revoked): recorded unless one like it was just recorded. */
  async tokenRejected(brandId: number, subject: string, username: string, reason: string): Promise<void> {
    const now = this.clock()
    const key = `${brandId}\u0000${subject}\u0000${reason}`
    const last = this.lastRejection.get(key)
    if (last !== undefined && now - last < SAMPLE_MS) return
    if (now - this.minute.start >= SAMPLE_MS) this.minute = { start: now, count: 0 }
    if (this.minute.count >= MAX_REJECTIONS_PER_MINUTE) return
    this.minute.count++
    if (this.lastRejection.size >= MAX_SAMPLED_KEYS) this.lastRejection.delete(this.lastRejection.keys().next().value!)
    this.lastRejection.delete(key)
    this.lastRejection.set(key, now)
    await this.record(brandId, { action: 'token-rejected', description: `A token of ${username} was refused: ${reason}`, username, ipAddress: undefined })
  }
}
