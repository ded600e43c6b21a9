import { spawnSync } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { benchDatabase, type BenchDatabase } from './database.ts'
import { measure, warmUp, type Measured } from './load.ts'
import { canPin, pinSelf, startNode, stop } from './processes.ts'
import { loadAverage, machine } from './report.ts'
import type { Seeded } from './seed.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
const API_READY = /"address":"(http:\/\/[^"]+)"/
/** Issue 12's target for every list: p99 under 20 ms at 10,000 rows per brand. */
export const TARGET_P99_MS = 20
export const BENCH_ADMIN = { brand: 'bench', username: 'admin', password: 'bench-admin-password' }

/** One row of a list bench: a GET, its extra headers, and the status every answer must have. */
export interface ListRow {
  path: string
  headers?: Record<string, string>
  /** What the report calls it (default: the path). */
  title?: string
  /** Default 200. */
  expect?: number
}

/** Seeding statements run as the schema owner: `one` answers the `id` of the first row. */
export interface SeedClient {
  run(text: string, values?: unknown[]): Promise<void>
  one(text: string, values?: unknown[]): Promise<number>
}

export interface ListBench<T> {
  /** The results file: bench/results/<name>.json. */
  name: string
  /** What "rows" means in the report (per table, customers...). */
  rows: number
  /** Customers (a site each) the database gets before `seed`. */
  customers: number
  /** Seconds per row (after a 1 s warm-up) unless BENCH_SECONDS says; default 4. */
  seconds?: number
  seed(client: SeedClient, seeded: Seeded): Promise<T>
  /** The rows to load, given what `seed` answered. */
  table(seed: T, seeded: Seeded): ListRow[]
  /** Work after the rows (timings outside HTTP): its result is printed and saved with them. */
  after?(database: BenchDatabase, seed: T): Promise<Record<string, unknown>>
}

/**
 * Runs a list bench: a scratch database seeded by the bench (straight in SQL, then analysed), the
 * server's production build in its own process, each row loaded with 4 connections, a table of latency
 * against the target, and the results saved. The run fails (throws, after reporting and dropping
 * the database) when a row answers another status than it expects: its figures measure something else.
 */
export async function runListBench<T>(bench: ListBench<T>): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? bench.seconds ?? 4)
  const loadBefore = loadAverage()
  const database = await benchDatabase(BENCH_ADMIN, bench.customers)
  let wrong: string[] = []
  const pin = canPin && process.env.BENCH_PIN !== '0'
  try {
    const seed = await seedWith(database.url, (client) => bench.seed(client, database.seeded))
    // BENCH_CPU_PROF=dir: the server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
    const profile = process.env.BENCH_CPU_PROF === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF]
    // As `npm run bench`: the server on core 0, this process (the load tool) on core 1, so the two
    // do not take turns on one core; PostgreSQL runs on both. BENCH_PIN=0 leaves them unpinned.
    if (pin) pinSelf('1')
    // The production build, as `npm start` runs it (and `npm run bench` measures it).
    const serverPackage = path.join(here, '../../packages/server')
    if (spawnSync(process.execPath, [path.join(serverPackage, 'scripts/build-if-stale.mjs')], { stdio: 'inherit' }).status !== 0) throw new Error('the server did not build')
    const server = await startNode([...profile, path.join(serverPackage, 'dist/server.js')], {
      cores: pin ? '0' : undefined,
      // The bench measures the lists, not the protections: no rate limit (429), no load shedding (503).
      env: { PORT: '0', DATABASE_URL: database.url, LOG_LEVEL: 'info', ELEVATE_RATE_LIMIT_MAX: '0', ELEVATE_MAX_EVENT_LOOP_DELAY_MS: '0' },
      ready: API_READY,
    })
    const measured: Measured[] = []
    try {
      const authorization = `Bearer ${await login(server.url)}`
      // BENCH_ONLY=regex: the rows whose title or path matches it, to measure or profile a few.
      const only = process.env.BENCH_ONLY === undefined ? undefined : new RegExp(process.env.BENCH_ONLY)
      const scenarios = bench.table(seed, database.seeded)
        .filter((r) => only === undefined || only.test(r.title ?? r.path))
        .map((row) => ({ title: row.title ?? row.path, path: row.path, headers: { authorization, ...row.headers }, expect: row.expect ?? 200 }))
      // A pass over every row first, so the first row measured is not also the new process's
      // warm-up (V8 compiling the shared code: the first row cost up to 1.8 times its CPU per request).
      for (const scenario of scenarios) await warmUp(server.url, scenario, { connections: 4, seconds: 1 })
      for (const scenario of scenarios) measured.push(await measure(server.url, scenario, { connections: 4, seconds }, server.child.pid))
    } finally {
      await stop(server)
    }
    const extra = bench.after === undefined ? {} : await bench.after(database, seed)
    wrong = await report(bench, { database: database.kind, seconds, loadBefore, pinned: pin }, measured, extra)
  } finally {
    // BENCH_KEEP_DATABASE=1: the seeded database stays, to EXPLAIN a row's query on the same data.
    if (process.env.BENCH_KEEP_DATABASE === '1') console.log(`kept: ${database.url}`)
    else await database.drop()
  }
  if (wrong.length > 0) throw new Error(`rows answered other statuses than expected:\n  ${wrong.join('\n  ')}`)
}

async function seedWith<T>(url: string, work: (client: SeedClient) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const started = Date.now()
    const result = await work({
      run: async (text, values) => void (await client.query(text, values)),
      one: async (text, values) => Number((await client.query(text, values)).rows[0].id),
    })
    // A bulk load leaves work behind that a database in service has long since done: autovacuum
    // would visit every seeded table, and the first reads would write hint bits, during the
    // measured runs. Both happen here instead, and the writes are flushed before the first row.
    await client.query('vacuum (analyze)')
    await client.query('checkpoint')
    console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    return result
  } finally {
    await client.end()
  }
}

async function login(origin: string): Promise<string> {
  const response = await fetch(`${origin}/v1/authenticate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BENCH_ADMIN) })
  if (response.status !== 200) throw new Error(`login: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { token: string }).token
}

async function report<T>(bench: ListBench<T>, run: { database: string; seconds: number; loadBefore: number; pinned: boolean }, measured: Measured[], extra: Record<string, unknown>): Promise<string[]> {
  const { database, seconds, loadBefore, pinned } = run
  const rows = measured.map((m) => ({
    query: m.title,
    'req/s': m.requestsPerSecond,
    'p50 ms': m.p50Ms,
    'p99 ms': m.p99Ms,
    'CPU µs/req': m.cpuMicros,
    [`p99 < ${TARGET_P99_MS} ms`]: m.p99Ms < TARGET_P99_MS ? 'yes' : 'no',
    errors: m.errors,
  }))
  console.table(rows)
  for (const [name, value] of Object.entries(extra)) console.log(`${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
  const load = { before: loadBefore, after: loadAverage() }
  console.log(`${machine()}; load average ${load.before} before, ${load.after} after; database ${database}; ${pinned ? 'server on core 0, load on core 1' : 'not pinned'}`)
  const results = path.join(here, '..', 'results')
  await mkdir(results, { recursive: true })
  const json = { date: new Date().toISOString(), machine: machine(), database, pinned, rows: bench.rows, seconds, loadAverage: load, results: rows, ...extra }
  await writeFile(path.join(results, `${bench.name}.json`), `${JSON.stringify(json, null, 2)}\n`)
  // No answer at all within the run (every request slower than it) is as wrong as another status.
  const answered = (m: Measured) => Object.values(m.statuses).reduce((sum, count) => sum + count, 0)
  return measured.filter((m) => m.errors > 0 || answered(m) === 0).map((m) => `${m.title}: ${JSON.stringify(m.statuses)}`)
}
