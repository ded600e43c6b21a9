import type { FastifyInstance } from 'fastify'
import type { Authenticator } from '../auth/authenticator.ts'
import type { Config } from '../config.ts'
import type { Database, TenantTransaction } from '../db/database.ts'
import type { JobQueue } from '../jobs/job-queue.ts'
import type { BillRunWork } from './bill-runs/bill-run.work.ts'

/** What every API module is given when the app registers it. */
export interface ModuleContext {
  config: Config
  db: Database
  authenticator: Authenticator
  /** Durable jobs: modules define theirs when registered; the app starts the queue after. */
  jobs: JobQueue
  /** Today and now, for rules that depend on the date (injectable: tests fix it). */
  clock: () => Date
  /** What each bill run step does (rating, invoicing), composed by the app. */
  billRunWork: BillRunWork
}

/** A permission a module's routes need, and the seeded roles that hold it in every brand. */
export interface PermissionGrant {
  permission: string
  roles: readonly string[]
}

/**
 * An API module: one folder under src/modules, registered in `modules/index.ts`. It states what
 * the rest of the system needs to know of it: its docs page (under docs/modules), the permissions
 * its routes need, and its routes. A test checks every registered module has all three.
 */
export interface ApiModule {
  name: string
  /** Its page under docs/modules/, which documents every path it serves. */
  docs: string
  permissions: readonly PermissionGrant[]
  register(app: FastifyInstance, context: ModuleContext): void | Promise<void>
  /**
   * What a new brand starts with, so its first customer can be created at once: run at the first
   * start, in module order, in the brand's transaction (`trx` sees and writes only that brand).
   */
  seed?(trx: TenantTransaction): Promise<void>
}

export function defineModule(module: ApiModule): ApiModule {
  return module
}
