import pg from 'pg'

/** What the job queue's clients call themselves (src/jobs/pg-boss-queue.ts). */
const JOB_QUEUE_APPLICATION = 'elevate-api jobs'

type Query = typeof pg.Client.prototype.query

/**
 * Counts round trips to PostgreSQL at the driver: every `query` call of a client is one round trip
 * (a multi-statement `begin; set_config(…)` is one call). The job queue's clients are left out: its
 * workers poll on their own clock, so counting them would make the number depend on timing.
 */
export class RoundTripCounter {
  calls = 0
  private readonly original: Query = pg.Client.prototype.query

  install(): void {
    const original = this.original
    const counter = this
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      if (applicationName(this) !== JOB_QUEUE_APPLICATION) counter.calls++
      return (original as (...a: unknown[]) => unknown).apply(this, args)
    } as Query
  }

  restore(): void {
    pg.Client.prototype.query = this.original
  }
}

function applicationName(client: pg.Client): unknown {
  return (client as unknown as { connectionParameters?: { application_name?: unknown } }).connectionParameters?.application_name
}
