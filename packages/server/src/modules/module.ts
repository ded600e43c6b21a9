import type { Authenticator } from '../auth/authenticator.ts'
import type { Config } from '../config.ts'
import type { Database } from '../db/database.ts'

/** What every API module is given when the app registers it. */
export interface ModuleContext {
  config: Config
  db: Database
  authenticator: Authenticator
}
