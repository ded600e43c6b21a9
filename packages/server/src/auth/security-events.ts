import { sql, type ColumnType, type Generated, type Kysely } from 'kysely'
import type { BrandColumn } from '../db/columns.ts'
import type { Tables } from '../db/tables.ts'

/** A security event as stored (the published Events API item, without its id and timestamp). */
export interface SecurityEvent {
  /** `authentication` for every security event (docs/modules/events.md). */
  category: 'authentication'
  /** `user-login-success`, `user-login-failure`, `token-rejected`, `user-disabled`, … (docs/modules/events.md). */
  action: string
  /** One sentence; never a password, a secret or a token. */
  description: string
  username: string | undefined
  ipAddress: string | undefined
}

export interface SecurityEventsTable {
  brand_id: BrandColumn
  id: Generated<number>
  created_date: ColumnType<Date, never, never>
  category: string
  action: string
  description: string
  username: string | null
  ip_address: string | null
}

declare module '../db/tables.ts' {
  interface Tables {
    security_events: SecurityEventsTable
  }
}

/**
 * Writes an event with `db`: a tenant transaction (the brand is the connection's, and the event
 * commits or rolls back with the change it describes), or the system pool naming `brandId`.
 */
export async function recordSecurityEvent(db: Kysely<Tables>, event: SecurityEvent, brandId?: number): Promise<void> {
  await db
    .insertInto('security_events')
    .values({
      ...(brandId === undefined ? {} : { brand_id: brandId }),
      category: event.category,
      action: event.action,
      description: event.description,
      username: event.username ?? null,
      ip_address: event.ipAddress ?? null,
    })
    .execute()
}

/** Deletes events older than the retention period, at most once an hour per process. */
export class SecurityEventRetention {
  private lastRun = 0
  private static readonly INTERVAL_MS = 3_600_000

  constructor(
    private readonly db: Kysely<Tables>,
    private readonly retentionDays: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Runs the cleanup when it is due; answers how many events it deleted (0 when not due). */
  async cleanupIfDue(): Promise<number> {
    const now = this.clock()
    if (now - this.lastRun < SecurityEventRetention.INTERVAL_MS) return 0
    this.lastRun = now
    const result = await this.db
      .deleteFrom('security_events')
      .where('created_date', '<', sql<Date>`now() - make_interval(days => ${this.retentionDays})`)
      .executeTakeFirst()
    return Number(result.numDeletedRows)
  }
}
