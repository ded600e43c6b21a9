import type { TenantTransaction } from '../db/database.ts'

/** What a job carries: plain JSON (ids, a step name), never a secret. */
export type JobData = Record<string, string | number | boolean | null>

/** Runs one job; throwing fails the attempt (retried with backoff until the retry limit). */
export type JobHandler<D extends JobData> = (data: D) => Promise<void>

/**
 * Durable jobs: work that outlives the request that asked for it (a bill run's step), kept in
 * PostgreSQL. A job is enqueued in the caller's transaction, so it exists exactly when the state
 * change that needs it commits; it runs on exactly one instance; a failed attempt is retried with
 * exponential backoff; a job whose instance died is run again once it expires. Handlers must be
 * idempotent (check the state they act on, in their own transaction): a job may run again after a
 * crash that came after its work committed.
 */
export interface JobQueue {
  /** Declares a kind of job and its handler; before `start`. */
  define<D extends JobData>(name: string, handler: JobHandler<D>): void
  /** Enqueues in `trx`: the job exists when (and only if) the transaction commits. */
  enqueue<D extends JobData>(trx: TenantTransaction, name: string, data: D): Promise<void>
  /** After the enqueuing transaction committed: this instance's workers look for it at once. */
  wake(name: string): void
  start(): Promise<void>
  /** Stops taking jobs and waits for those running here to finish. */
  stop(): Promise<void>
  /**
   * Runs every job that is due or waiting to be retried (backoff ignored) here and now, until none
   * is left; jobs lost by a dead instance (expired) are taken up first. For tests and tools:
   * deterministic, no timers. Answers how many attempts ran.
   */
  runPending(): Promise<number>
  /** Resolves once no job is waiting, retrying or running (any instance's). */
  idle(): Promise<void>
}
