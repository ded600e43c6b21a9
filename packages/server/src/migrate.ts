import { runCommand } from './cli/failures.ts'
import { loadConfig } from './config.ts'
import { migrateToLatest } from './db/migrate.ts'
import { openDatabase } from './db/open.ts'
import { createLogger, flushLogs } from './logger.ts'

/** `npm run migrate`: brings the database's schema up to date, then exits (as `elevate-api migrate`). */
runCommand('migrate', async () => {
  const config = loadConfig()
  const logger = createLogger(config.logLevel)
  const database = await openDatabase(config, logger)
  try {
    const applied = await migrateToLatest(database.db.system)
    logger.info({ migrations: applied }, applied.length === 0 ? 'schema already up to date' : 'schema migrated')
  } finally {
    await database.close()
    flushLogs(logger)
  }
}, { exitOnSuccess: true })
