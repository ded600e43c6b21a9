import type { Logger } from 'pino'
import type { Config } from '../config.ts'
import { Database } from './database.ts'
import { startEmbeddedPostgres } from './embedded.ts'

export interface OpenDatabase {
  db: Database
  /** Closes the pools, then stops the embedded server if there is one. */
  close(): Promise<void>
}

/** Connects to `DATABASE_URL`, or starts the embedded PostgreSQL when it is unset. */
export async function openDatabase(config: Config, logger: Logger): Promise<OpenDatabase> {
  const embedded = config.databaseUrl === undefined ? await startEmbeddedPostgres(config.dataDir, logger) : undefined
  const db = new Database({ url: config.databaseUrl ?? embedded!.url, poolSize: config.dbPoolSize, connectTimeoutMs: config.dbConnectTimeoutMs, statementTimeoutMs: config.dbStatementTimeoutMs, idleInTransactionTimeoutMs: config.dbIdleInTransactionTimeoutMs, logger })
  return {
    db,
    async close() {
      await db.close()
      await embedded?.stop()
    },
  }
}
