import { EventEmitter, once } from 'node:events'
import { CompiledQuery, sql, type Kysely } from 'kysely'
import PgBoss from 'pg-boss'
import type { Logger } from 'pino'
import type { TenantTransaction } from '../db/database.ts'
import type { Tables } from '../db/tables.ts'
import type { JobData, JobHandler, JobQueue } from './job-queue.ts'

/** The schema pg-boss keeps its tables in (created and migrated by pg-boss itself at start). */
const SCHEMA = 'pgboss'

export interface PgBossQueueOptions {
  url: string
  /** The owner pool: grants the tenant role what enqueuing needs, finds expired jobs. */
  system: Kysely<Tables>
  logger: Logger
  workers: boolean
  pollingSeconds: number
  retryLimit: number
  retryDelaySeconds: number
  expireSeconds: number
}

/**
 * The job queue on pg-boss 10 (jobs in PostgreSQL, fetched with SKIP LOCKED, so each attempt runs
 * on one instance). Each kind of job is a pg-boss queue with the configured retries (exponential
 * backoff) and expiry.
 */
export class PgBossQueue implements JobQueue {
  private readonly handlers = new Map<string, JobHandler<JobData>>()
  private readonly workerIds = new Map<string, string>()
  private readonly settled = new EventEmitter()
  private boss: PgBoss | undefined
  private enqueueSql: string | undefined

  constructor(private readonly options: PgBossQueueOptions) {}

  define<D extends JobData>(name: string, handler: JobHandler<D>): void {
    if (this.boss !== undefined) throw new Error(`job ${name} defined after the queue started`)
    this.handlers.set(name, handler as JobHandler<JobData>)
  }

  async start(): Promise<void> {
    const { options } = this
    const boss = new PgBoss({
      connectionString: options.url,
      schema: SCHEMA,
      max: 2,
      application_name: 'elevate-api jobs',
      migrate: true,
      supervise: options.workers,
      schedule: false,
      expireInSeconds: options.expireSeconds,
    })
    boss.on('error', (error: Error) => options.logger.warn({ err: error.message }, 'job queue error'))
    await boss.start()
    this.boss = boss
    await this.grantEnqueuing()
    for (const name of this.handlers.keys()) await this.declareQueue(boss, name)
    if (!options.workers) return
    await this.resumeLost()
    for (const name of this.handlers.keys()) {
      const id = await boss.work<JobData>(name, { batchSize: 1, pollingIntervalSeconds: options.pollingSeconds }, async ([job]) => {
        if (job !== undefined) await this.run(name, job.data)
      })
      this.workerIds.set(name, id)
    }
  }

  async stop(): Promise<void> {
    const boss = this.boss
    if (boss === undefined) return
    this.boss = undefined
    await boss.stop({ graceful: true, wait: true, close: true, timeout: 30_000 })
  }

  async enqueue<D extends JobData>(trx: TenantTransaction, name: string, data: D): Promise<void> {
    const boss = this.started()
    // pg-boss writes the job through the caller's connection: one transaction with the change.
    await boss.send(name, data, {
      db: { executeSql: async (text, values) => ({ rows: (await trx.executeQuery(CompiledQuery.raw(text, values))).rows as unknown[] }) },
    })
  }

  wake(name: string): void {
    const id = this.workerIds.get(name)
    if (id !== undefined) this.boss?.notifyWorker(id)
  }

  async runPending(): Promise<number> {
    const boss = this.started()
    await this.resumeLost()
    let attempts = 0
    for (let ran = true; ran; ) {
      ran = false
      for (const name of this.handlers.keys()) {
        const jobs = await boss.fetch<JobData>(name, { batchSize: 1, ignoreStartAfter: true })
        const job = jobs?.[0]
        if (job === undefined) continue
        ran = true
        attempts += 1
        try {
          await this.run(name, job.data)
          await boss.complete(name, job.id)
        } catch (error) {
          await boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) })
        }
      }
    }
    return attempts
  }

  async idle(): Promise<void> {
    const boss = this.started()
    for (;;) {
      let pending = 0
      for (const name of this.handlers.keys()) pending += await boss.getQueueSize(name, { before: 'completed' })
      if (pending === 0) return
      // Woken by this instance's next finished attempt, or re-checked shortly (another instance's).
      await Promise.race([once(this.settled, 'attempt'), new Promise((resolve) => setTimeout(resolve, 100).unref())])
    }
  }

  private async run(name: string, data: JobData): Promise<void> {
    const handler = this.handlers.get(name)
    if (handler === undefined) throw new Error(`no handler for job ${name}`)
    try {
      await handler(data)
    } catch (error) {
      this.options.logger.warn({ job: name, data, err: error instanceof Error ? error.message : String(error) }, 'job attempt failed; retried with backoff')
      throw error
    } finally {
      // After pg-boss has recorded the outcome (the handler's promise settles first): a tick later.
      setImmediate(() => this.settled.emit('attempt'))
    }
  }

  private started(): PgBoss {
    if (this.boss === undefined) throw new Error('the job queue is not started')
    return this.boss
  }

  /** A queue per kind of job, with the configured retries and expiry (updated when they change). */
  private async declareQueue(boss: PgBoss, name: string): Promise<void> {
    const settings = {
      name,
      policy: 'standard' as const,
      retryLimit: this.options.retryLimit,
      retryDelay: this.options.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: this.options.expireSeconds,
    }
    // Instances starting together race to create it: one may be made a deadlock's victim by
    // PostgreSQL, or the other may have made it meanwhile. Look again and try again, a few times.
    for (let attempt = 1; (await boss.getQueue(name)) === null; attempt++) {
      try {
        await boss.createQueue(name, settings)
        return
      } catch (error) {
        if (attempt >= 5) throw error
      }
    }
    await boss.updateQueue(name, settings)
  }

  /**
   * The tenant role enqueues inside its own transactions: it may insert jobs and see the queues'
   * settings, nothing else (no job's data). Granted at every start: pg-boss may have created or
   * migrated its schema just now.
   */
  private async grantEnqueuing(): Promise<void> {
    // Instances starting together would grant at once, which PostgreSQL refuses ("tuple
    // concurrently updated"): one at a time, under a transaction-scoped advisory lock. Another
    // instance's pg-boss may still change the job table meanwhile (it attaches a partition per new
    // queue, which updates the same catalogue row; CI, Node 24): then the grants are tried again.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.options.system.transaction().execute(async (trx) => {
          await sql`select pg_advisory_xact_lock(hashtext('elevate-api: job queue grants'))`.execute(trx)
          await sql`grant usage on schema ${sql.id(SCHEMA)} to elevate_app`.execute(trx)
          await sql`grant select on ${sql.table(`${SCHEMA}.queue`)} to elevate_app`.execute(trx)
          await sql`grant insert, select (id) on ${sql.table(`${SCHEMA}.job`)} to elevate_app`.execute(trx)
        })
        return
      } catch (error) {
        const raced = error instanceof Error && error.message.includes('tuple concurrently updated')
        if (!raced || attempt >= 5) throw error
      }
    }
  }

  /**
   * Jobs left running by an instance that died: once expired, they are failed (so retried with
   * backoff, on any instance). pg-boss does this on its maintenance timer too; doing it at start
   * and in `runPending` resumes them without waiting for the timer.
   */
  private async resumeLost(): Promise<void> {
    const boss = this.started()
    for (const name of this.handlers.keys()) {
      const lost = await sql<{ id: string }>`
        select id from ${sql.table(`${SCHEMA}.job`)}
         where name = ${name} and state = 'active' and started_on + expire_in < now()`.execute(this.options.system)
      for (const { id } of lost.rows) await boss.fail(name, id, { message: 'lost: its instance stopped before finishing' })
    }
  }
}
