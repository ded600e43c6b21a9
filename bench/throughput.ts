/**
 * `npm run bench`: the side-by-side table of docs/performance.md, in one run. Ceilings first (a
 * Fastify hello world; a bare Fastify + pg server reading a customer and its sites in one query),
 * then the compiled API on every scenario, Prism mocking our own OpenAPI document where it can
 * answer, two API instances on one database, and the compiled start on an existing data directory.
 *
 *   npm run bench     (DATABASE_URL unset: an embedded PostgreSQL in a temporary directory;
 *                      set: a scratch database on that server, dropped afterwards)
 *   BENCH_SECONDS (5), BENCH_CONNECTIONS (16), BENCH_CUSTOMERS (20000), BENCH_SERVER_DIR (another
 *   checkout's packages/server: its build is measured with this harness, for a before/after)
 *
 * Servers run pinned to core 0 and this process (the load tool) to core 1 (`taskset`); PostgreSQL
 * is started before the pinning and stays on every core. Results: bench/results/throughput.{json,md}.
 */
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { benchDatabase } from './lib/database.ts'
import { measure, type LoadSettings, type Measured } from './lib/load.ts'
import { canPin, freePort, pinSelf, rssMiB, startNode, stop, type Started } from './lib/processes.ts'
import { loadAverage, markdown, save, type TableRow } from './lib/report.ts'
import { scenarios } from './lib/scenarios.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
// BENCH_SERVER_DIR: another checkout's packages/server (built), to compare two builds with one harness.
const server = process.env.BENCH_SERVER_DIR ?? path.join(here, '../packages/server')
const settings: LoadSettings = { connections: Number(process.env.BENCH_CONNECTIONS ?? 16), seconds: Number(process.env.BENCH_SECONDS ?? 5) }
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 20_000)
const admin = { brand: 'bench', username: 'admin', password: 'bench-admin-password' }
const API_READY = /"address":"(http:\/\/[^"]+)"/

async function withServer<T>(started: Promise<Started>, work: (origin: string, pid: number) => Promise<T>): Promise<T> {
  const running = await started
  try {
    return await work(running.url, running.child.pid!)
  } finally {
    await stop(running)
  }
}

const api = (env: Record<string, string>, cores: string) =>
  startNode([path.join(server, 'dist/server.js')], { env: { PORT: '0', LOG_LEVEL: 'info', ELEVATE_RATE_LIMIT_MAX: '0', ...env }, cores, ready: API_READY })

async function login(origin: string): Promise<string> {
  const response = await fetch(`${origin}/v1/authenticate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) })
  if (response.status !== 200) throw new Error(`login: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { token: string }).token
}

/** Two instances, each on a core of its own, loaded at once (this process then uses both cores). */
async function twoInstances(url: string, path: string): Promise<number> {
  const env = { DATABASE_URL: url, LOG_LEVEL: 'info' }
  const [a, b] = await Promise.all([api(env, '0'), api(env, '1')])
  try {
    pinSelf('0,1')
    const token = await login(a.url)
    const headers = { authorization: `Bearer ${token}` }
    const half = { ...settings, connections: Math.max(1, settings.connections / 2) }
    const results = await Promise.all([a, b].map((s) => measure(s.url, { title: 'two', path, headers, expect: 200 }, half)))
    return results.reduce((sum, r) => sum + r.requestsPerSecond, 0)
  } finally {
    pinSelf('1')
    await Promise.all([stop(a), stop(b)])
  }
}

/** Start to ready, and idle memory, of the compiled server on an existing embedded data directory. */
async function compiledStart(): Promise<{ readyMs: number; idleRssMiB: number }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'elevate-bench-start-'))
  const env = { ELEVATE_DATA_DIR: dataDir, ELEVATE_ADMIN_PASSWORD: admin.password, DATABASE_URL: '' }
  try {
    await stop(await api(env, '0')) // the first start creates the data directory
    const again = await api(env, '0')
    await new Promise((resolve) => setTimeout(resolve, 2000))
    const idleRssMiB = rssMiB(again.child.pid!)
    await stop(again)
    return { readyMs: again.readyMs, idleRssMiB }
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const built = spawnSync(process.execPath, [path.join(server, 'scripts/build-if-stale.mjs')], { stdio: 'inherit' })
  if (built.status !== 0) throw new Error('the server did not build')
  const loadBefore = loadAverage()
  const database = await benchDatabase(admin, CUSTOMERS)
  pinSelf('1')
  try {
    const tsx = ['--import', 'tsx']
    const hello = await withServer(startNode([...tsx, path.join(here, 'hello-world.ts')], { cores: '0', ready: /listening on (\S+)/ }), (origin, pid) =>
      measure(origin, { title: 'Fastify hello world (ceiling)', path: '/', expect: 200 }, settings, pid))
    const oneQuery = await withServer(
      startNode([...tsx, path.join(here, 'one-query.ts')], {
        cores: '0',
        ready: /listening on (\S+)/,
        env: { DATABASE_URL: database.url, BENCH_BRAND_ID: String(database.seeded.brandId) },
      }),
      (origin, pid) => measure(origin, { title: 'Fastify + pg, customer and sites in one query (ceiling)', path: `/customers/${database.seeded.readId}`, expect: 200 }, settings, pid),
    )
    const ceilings = { hello: { name: 'hello', requestsPerSecond: hello.requestsPerSecond }, 'one-query': { name: 'one query', requestsPerSecond: oneQuery.requestsPerSecond } }

    const ours = await withServer(api({ DATABASE_URL: database.url }, '0'), async (origin, pid) => {
      const rows = scenarios(database.seeded, await login(origin), admin)
      const measured: Measured[] = []
      for (const row of rows) {
        measured.push(await measure(origin, row, settings, pid))
        process.stderr.write(`  ${row.title}: ${measured.at(-1)!.requestsPerSecond} req/s\n`)
      }
      return { rows, measured }
    })
    const prismPort = await freePort()
    const prismBin = path.join(here, '../node_modules/@stoplight/prism-cli/dist/index.js')
    const prism = await withServer(
      startNode([prismBin, 'mock', path.join(server, 'openapi.json'), '-p', String(prismPort), '-h', '127.0.0.1', '-v', 'silent'], {
        cores: '0',
        probe: `http://127.0.0.1:${prismPort}/health/live`,
      }),
      async (origin, pid) => {
        const results = new Map<string, Measured>()
        for (const row of ours.rows) {
          if (row.prism !== undefined) results.set(row.title, await measure(origin, { ...row, expect: row.prism }, settings, pid))
        }
        return results
      },
    )
    const table: TableRow[] = [
      { measured: hello },
      { measured: oneQuery },
      ...ours.rows.map((row, i) => ({ measured: ours.measured[i]!, ceiling: ceilings[row.ceiling], prism: prism.get(row.title) })),
    ]
    const byId = ours.measured[ours.rows.findIndex((row) => row.title === 'GET /v1/customers/{id}')]!
    const two = await twoInstances(database.url, `/v1/customers/${database.seeded.readId}`)
    const start = await compiledStart()
    const report = { database: database.kind, ...settings, pinned: canPin, rows: table, instances: { one: byId.requestsPerSecond, two }, start, load: { before: loadBefore, after: loadAverage() } }
    await save(path.join(here, 'results'), report)
    process.stdout.write(markdown(report))
    // A row whose answers were not the expected status measured something else (a rate limit, a
    // broken login): its figures are not comparable, so the run fails instead of passing them on.
    const wrong = table.filter((row) => row.measured.errors > 0).map((row) => `${row.measured.title}: ${row.measured.errors}`)
    if (wrong.length > 0) throw new Error(`rows answered other statuses than expected:\n  ${wrong.join('\n  ')}`)
  } finally {
    await database.drop()
  }
}

await main()
