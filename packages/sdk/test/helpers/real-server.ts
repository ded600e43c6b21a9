import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createUser } from '../../../server/src/auth/accounts.ts'
import { Database } from '../../../server/src/db/database.ts'

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../server')

/** The administrator every real server starts with (first start). */
export const ADMIN = { brand: 'acme', username: 'admin', password: 'sdk-test-password-1234' } as const

/** A user to add to the admin's brand. */
export interface SeedUser {
  username: string
  password: string
  /** Seeded role names: `Administrator`, `Customer Manager`, `Read Only`. */
  roles: string[]
  enabled?: boolean
}

export interface RealServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string
  /** Every JSON log line the server wrote. */
  logs: Array<Record<string, unknown>>
  /** Adds a user straight into the server's database (no API creates users yet). */
  addUser(user: SeedUser): Promise<void>
  stop(): Promise<void>
}

const START_TIMEOUT_MS = 300_000 // a bound against a hang, not a speed target: a busy 2-core machine starts slowly
const STOP_TIMEOUT_MS = 20_000

/**
 * The real server as its own process (`node --import tsx src/server.ts`) on a free loopback port,
 * with its embedded PostgreSQL in a fresh temporary directory: DATABASE_URL is removed from the
 * environment so that no shared database is ever touched.
 */
export async function startRealServer(extraEnv: Record<string, string> = {}): Promise<RealServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'elevate-sdk-test-'))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    ELEVATE_DATA_DIR: dataDir,
    ELEVATE_ADMIN_BRAND: ADMIN.brand,
    ELEVATE_ADMIN_USERNAME: ADMIN.username,
    ELEVATE_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'info',
    ...extraEnv,
  }
  delete env.DATABASE_URL
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: serverDir, env, stdio: ['ignore', 'pipe', 'pipe'] })
  const logs: Array<Record<string, unknown>> = []
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  try {
    const url = await listeningAddress(child, logs, () => stderr)
    return { url, logs, addUser: (user) => addUser(dataDir, logs, user), stop: () => stop(child, dataDir) }
  } catch (error) {
    await stop(child, dataDir)
    throw error
  }
}

/** Resolves with the `address` of the "Elevate API listening on" log line. */
function listeningAddress(child: ChildProcess, logs: Array<Record<string, unknown>>, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${START_TIMEOUT_MS} ms:\n${stderr()}`)), START_TIMEOUT_MS)
    let buffered = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        const entry = parseJsonLine(line) // the first-start banner is plain text: skipped
        if (entry === undefined) continue
        logs.push(entry)
        if (typeof entry.msg === 'string' && entry.msg.startsWith('Elevate API listening on')) {
          clearTimeout(timer)
          resolve(String(entry.address))
        }
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code} before listening:\n${stderr()}`))
    })
  })
}

function parseJsonLine(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined
  try {
    return JSON.parse(line) as Record<string, unknown>
  } catch {
    return undefined
  }
}

/** SIGTERM, wait for the graceful stop (which stops PostgreSQL too), then remove the data. */
async function stop(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.kill('SIGTERM')
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS).unref())
    if ((await Promise.race([exited, timeout])) === 'timeout') {
      child.kill('SIGKILL')
      await stopOrphanedPostgres(dataDir)
    }
  }
  await rm(dataDir, { recursive: true, force: true })
}

/** If the server was killed, its PostgreSQL (whose pid is in postmaster.pid) is stopped by pid. */
async function stopOrphanedPostgres(dataDir: string): Promise<void> {
  const pidFile = await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').catch(() => '')
  const pid = Number(pidFile.split('\n')[0])
  if (Number.isInteger(pid) && pid > 0) {
    try {
      process.kill(pid, 'SIGQUIT')
    } catch {
      // already gone
    }
  }
}

/** Inserts a user with the server's own provisioning code, through its embedded database. */
async function addUser(dataDir: string, logs: Array<Record<string, unknown>>, user: SeedUser): Promise<void> {
  const started = logs.find((entry) => entry.msg === 'embedded PostgreSQL started')
  const password = (await readFile(path.join(dataDir, 'postgres.password'), 'utf8')).trim()
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${String(started?.port)}/elevate`
  const quiet = { warn() {}, info() {}, debug() {}, error() {} }
  const db = new Database({ url, poolSize: 1, logger: quiet as never })
  try {
    const brand = await db.system.selectFrom('brands').select('id').where('name', '=', ADMIN.brand).executeTakeFirstOrThrow()
    await createUser(db.system, { brandId: brand.id, ...user })
  } finally {
    await db.close()
  }
}
