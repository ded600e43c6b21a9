/**
 * `npm test`: runs every test file with node's test runner against real PostgreSQL.
 *
 * With DATABASE_URL set, that server is used (the CI machine's); otherwise an embedded PostgreSQL
 * is started in a temporary directory, so a fresh machine needs nothing installed. The schema is
 * migrated once into a template database; each test file then clones its own database from it
 * (`CREATE DATABASE … TEMPLATE`), so files run in parallel without seeing each other's rows.
 *
 * Arguments narrow the run: `npm test -- test/contract` runs the files under that path. The
 * reliability suite (races, database faults) and the OpenAPI fuzzer are slower and run once in CI,
 * on their own: `npm run test:reliability`, `npm run test:fuzz`; a plain `npm test` leaves them out.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import pino from 'pino'
import { migrateToLatest } from '../src/db/migrate.ts'
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded.ts'
import { EmbeddedPostgresError } from '../src/db/postgres-user.ts'

/** Run only when named: `npm run test:reliability`, `npm run test:fuzz`. */
const SEPARATE_SUITES = ['test/reliability', 'test/fuzz']

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' })

async function testFiles(filters: string[]): Promise<string[]> {
  const files: string[] = []
  for (const dir of ['src', 'test']) {
    for (const entry of await readdir(path.join(root, dir), { recursive: true })) {
      if (entry.endsWith('.test.ts')) files.push(path.join(dir, entry))
    }
  }
  const wanted = filters.map((f) => path.relative(root, path.resolve(process.cwd(), f)))
  if (wanted.length === 0) return files.sort().filter((file) => !SEPARATE_SUITES.some((suite) => file.startsWith(suite)))
  return files.sort().filter((file) => wanted.some((w) => file.startsWith(w)))
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${database}`
  return url.toString()
}

/**
 * What one test file may hold at its peak: two servers (each a system and a tenant pool of 4 and the
 * job queue's 2; spawned servers get pools of 3) and its own clients. A server with
 * max_connections = 100 (PostgreSQL's default, the CI machine's) runs three files at once, not four:
 * past its limit a server refuses new connections and a test fails for a reason of its own.
 */
const CONNECTIONS_PER_FILE = 30

/** Test files run at once: one per core (2 to 4), fewer if the server has too few connections free. */
async function fileConcurrency(serverUrl: string): Promise<number> {
  const byCores = Math.max(2, Math.min(4, cpus().length))
  const free = await withClient(serverUrl, async (c) => {
    const { rows } = await c.query<{ free: number }>(
      `select current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int
              - (select count(*) from pg_stat_activity)::int as free`,
    )
    return rows[0]!.free
  })
  const byConnections = Math.max(1, Math.floor(free / CONNECTIONS_PER_FILE))
  if (byConnections < byCores) logger.warn({ free, files: byConnections }, 'few free connections on the PostgreSQL server: fewer test files at once')
  return Math.min(byCores, byConnections)
}

async function main(): Promise<number> {
  const files = await testFiles(process.argv.slice(2))
  if (files.length === 0) throw new Error('no test files match')

  let embedded: EmbeddedDatabase | undefined
  let scratch: string | undefined
  if (process.env.DATABASE_URL === undefined || process.env.DATABASE_URL === '') {
    scratch = await mkdtemp(path.join(tmpdir(), 'elevate-test-'))
    embedded = await startEmbeddedPostgres(scratch, logger)
  }
  const serverUrl = embedded?.adminUrl ?? process.env.DATABASE_URL!
  const run = randomBytes(4).toString('hex')
  const template = `elevate_template_${run}`
  let exitCode = 1
  try {
    await withClient(serverUrl, (c) => c.query(`create database ${template}`))
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl(serverUrl, template), max: 1 }) }) })
    await migrateToLatest(db)
    await db.destroy()

    const concurrency = await fileConcurrency(serverUrl)
    const child = spawn(
      process.execPath,
      // A test file that hangs fails after 10 minutes instead of holding the run (and CI) forever;
      // a long fuzz run sets ELEVATE_TEST_TIMEOUT_MS higher.
      ['--import', 'tsx', '--test', '--test-reporter=spec', `--test-concurrency=${concurrency}`, `--test-timeout=${process.env.ELEVATE_TEST_TIMEOUT_MS ?? 600_000}`, ...files],
      {
        cwd: root,
        stdio: 'inherit',
        env: {
          ...process.env,
          ELEVATE_TEST_SERVER_URL: serverUrl,
          ELEVATE_TEST_TEMPLATE: template,
          ELEVATE_TEST_RUN: run,
        },
      },
    )
    exitCode = await new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))))
  } finally {
    await withClient(serverUrl, async (c) => {
      const { rows } = await c.query<{ datname: string }>(
        `select datname from pg_database where datname like $1`,
        [`elevate_%${run}%`],
      )
      for (const { datname } of rows) await c.query(`drop database if exists ${pg.escapeIdentifier(datname)} with (force)`)
    }).catch((error: unknown) => logger.warn({ err: error }, 'could not drop the test databases'))
    await embedded?.stop()
    if (scratch !== undefined) await rm(scratch, { recursive: true, force: true })
  }
  return exitCode
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof EmbeddedPostgresError) process.stderr.write(`test run failed: ${error.message}\n`)
    else process.stderr.write(`test run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exit(1)
  },
)
