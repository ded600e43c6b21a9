import type { Logger } from 'pino'
import { buildApp } from './app.ts'
import { ConfigError, loadConfig, type Config } from './config.ts'
import { migrateToLatest } from './db/migrate.ts'
import { EmbeddedPostgresError } from './db/postgres-user.ts'
import { openDatabase } from './db/open.ts'
import { runFirstStart, type FirstStart } from './first-start.ts'
import { createLogger, flushLogs } from './logger.ts'

/** The process: configuration, database, listening, and a graceful stop on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = readConfig()
  const logger = createLogger(config.logLevel)
  exitOnFatalError(logger)
  flushBeforeExit = () => flushLogs(logger)
  const database = await openDatabase(config, logger)
  const applied = await migrateToLatest(database.db.system)
  if (applied.length > 0) logger.info({ migrations: applied }, 'database schema migrated')
  const firstStart = await runFirstStart(database.db.system, config.admin)

  const app = await buildApp(config, database.db, logger)
  const address = await app.listen({ port: config.port, host: config.host })
  if (firstStart !== undefined) announceFirstStart(firstStart, address)
  logger.info({ address }, `Elevate API listening on ${address}`)

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'stopping')
    await app.close()
    await database.close()
    logger.info('stopped')
    flushLogs(logger)
    process.exit(0)
  }
  process.once('SIGINT', () => void stop('SIGINT'))
  process.once('SIGTERM', () => void stop('SIGTERM'))
}

/** Set once there is a logger: a start that fails still writes out the lines it logged. */
let flushBeforeExit = () => {}

/** An error nothing caught: logged as fatal, the queued log lines written out, then exit 1. */
function exitOnFatalError(logger: Logger): void {
  const fatal = (error: unknown) => {
    logger.fatal({ err: error }, 'fatal error: stopping')
    flushLogs(logger)
    process.exit(1)
  }
  process.on('uncaughtException', fatal)
  process.on('unhandledRejection', fatal)
}

function readConfig(): Config {
  try {
    return loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`)
      process.exit(1)
    }
    throw error
  }
}

/** Tells the operator how to log in, once; a generated password goes to the terminal, not the log. */
function announceFirstStart(first: FirstStart, address: string): void {
  const password = first.generatedPassword ?? '(the value of ELEVATE_ADMIN_PASSWORD)'
  const url = `${address}/v1/authenticate`
  process.stdout.write(
    [
      '',
      '  First start: created brand, roles and an administrator.',
      `    brand:    ${first.brand}`,
      `    username: ${first.username}`,
      `    password: ${password}`,
      first.generatedPassword === undefined ? '' : '  This generated password is shown only this once: keep it now.',
      `  Log in: POST ${url} with {"brand","username","password"}`,
      '',
    ].join('\n') + '\n',
  )
}

main().catch((error: unknown) => {
  flushBeforeExit()
  // A problem the operator fixes: one line that says what and how, no stack trace.
  if (error instanceof EmbeddedPostgresError) {
    process.stderr.write(`Elevate API cannot start: ${error.message}\n`)
    process.exit(1)
  }
  process.stderr.write(`Elevate API failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
