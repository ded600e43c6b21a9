/**
 * Throughput of the contract layer and of a database-backed list, as a ratio to a Fastify hello
 * world on the same machine (the ratio travels between machines; raw numbers do not).
 *
 *   npm run bench            (DATABASE_URL unset: the server runs its embedded PostgreSQL)
 *
 * Each server runs in a process of its own; autocannon loads it from this process over loopback,
 * for a bounded time per scenario. Results are printed as a table and written to
 * bench/results/throughput.json.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'

const here = path.dirname(fileURLToPath(import.meta.url))
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32)

function startProcess(args: string[], env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let output = ''
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const url = ready.exec(output)?.[1]
      if (url !== undefined) {
        child.stdout!.removeAllListeners('data')
        child.stdout!.resume() // keep draining its logs so it never blocks on a full pipe
        resolve({ child, url })
      }
    })
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)))
  })
}

async function load(title: string, url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION_SECONDS })
  const non2xx = result.non2xx
  return { title, requestsPerSecond: Math.round(result.requests.average), p50Ms: result.latency.p50, p99Ms: result.latency.p99, non2xx, errors: result.errors }
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'elevate-bench-'))
  const password = 'bench-admin-password'
  const hello = await startProcess([path.join(here, 'hello-world.ts')], {}, /listening on (http:\/\/\S+)/)
  const api = await startProcess(
    [path.join(here, '../packages/server/src/server.ts')],
    { PORT: '0', ELEVATE_DATA_DIR: dataDir, ELEVATE_ADMIN_PASSWORD: password, LOG_LEVEL: 'info' },
    /"address":"(http:\/\/[^"]+)"/,
  )
  try {
    const login = await fetch(`${api.url}/v1/authenticate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ brand: 'default', username: 'admin', password }),
    })
    const { token } = (await login.json()) as { token: string }
    const auth = { authorization: `Bearer ${token}` }

    const baseline = await load('Fastify hello world', `${hello.url}/`)
    const scenarios = [
      await load('GET /health/live (contract layer, no database)', `${api.url}/health/live`),
      await load('GET /v1/nowhere (404 error body)', `${api.url}/v1/nowhere`),
      await load('GET /v1/user-roles without page (400, token checked)', `${api.url}/v1/user-roles`, auth),
      await load('GET /v1/user-roles?page=1&pageSize=10 (token + database)', `${api.url}/v1/user-roles?page=1&pageSize=10`, auth),
    ]
    const rows = [baseline, ...scenarios].map((s) => ({ ...s, ratio: Math.round((s.requestsPerSecond / baseline.requestsPerSecond) * 100) / 100 }))
    console.table(rows.map(({ title, requestsPerSecond, ratio, p50Ms, p99Ms }) => ({ title, 'req/s': requestsPerSecond, ratio, 'p50 ms': p50Ms, 'p99 ms': p99Ms })))
    await mkdir(path.join(here, 'results'), { recursive: true })
    await writeFile(
      path.join(here, 'results', 'throughput.json'),
      `${JSON.stringify({ date: new Date().toISOString(), node: process.version, connections: CONNECTIONS, seconds: DURATION_SECONDS, rows }, null, 2)}\n`,
    )
  } finally {
    hello.child.kill('SIGTERM')
    api.child.kill('SIGTERM')
    await new Promise((resolve) => api.child.once('exit', resolve))
    await rm(dataDir, { recursive: true, force: true })
  }
}

await main()
