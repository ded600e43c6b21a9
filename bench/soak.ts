/**
 * Soak: mixed load (lists, reads, creates with sites, patches) at a steady rate against a real
 * server process, reporting at the start, middle and end of the run: 5xx count, p50/p99 latency,
 * the server's resident memory and its open sockets (HTTP and database). Not run by CI.
 *
 *   npm run soak                              10 minutes at 50 requests/s, embedded PostgreSQL
 *   SOAK_MINUTES=1 SOAK_RATE=100 npm run soak
 *   DATABASE_URL=postgres://… npm run soak    on that PostgreSQL
 *
 * Traffic goes to the loopback address only, and the run stops by itself. Results are printed and
 * written to bench/results/soak.json.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createAdminSetup, customerBody, type AdminSetup } from '../packages/server/test/helpers/fixtures.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
const MINUTES = Number(process.env.SOAK_MINUTES ?? 10)
const RATE = Number(process.env.SOAK_RATE ?? 50)
const WINDOW_MS = 30_000
const PASSWORD = 'soak-admin-password'

interface Window {
  atSeconds: number
  requests: number
  serverErrors: number
  otherStatuses: Record<string, number>
  p50Ms: number
  p99Ms: number
  rssMiB: number
  openSockets: number
}

function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, '../packages/server/src/server.ts')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ELEVATE_RATE_LIMIT_MAX: '0', ELEVATE_ADMIN_PASSWORD: PASSWORD, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let output = ''
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const url = /"address":"(http:\/\/[^"]+)"/.exec(output)?.[1]
      if (url !== undefined) {
        child.stdout!.removeAllListeners('data')
        child.stdout!.resume() // keep draining its request log
        resolve({ child, url })
      }
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)))
  })
}

/** Resident memory and open sockets of a process, from /proc. */
async function processFigures(pid: number): Promise<{ rssMiB: number; openSockets: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  let openSockets = 0
  for (const fd of await readdir(`/proc/${pid}/fd`)) {
    if ((await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')).startsWith('socket:')) openSockets++
  }
  return { rssMiB: Math.round(rssKiB / 102.4) / 10, openSockets }
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! * 10) / 10
}

async function api(url: string, token: string, method: string, route: string, body?: unknown, type = 'application/json') {
  const response = await fetch(`${url}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': type }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as any) }
}

/** One request of the mix; resolves with its status. */
function mixedRequest(url: string, token: string, setup: AdminSetup, customers: number[], n: number) {
  const pick = n % 20
  if (pick < 9) return api(url, token, 'GET', `/v1/customers?page=1&pageSize=20&sort=id:desc`)
  if (pick < 12 && customers.length > 0) return api(url, token, 'GET', `/v1/customers/${customers[n % customers.length]}`)
  if (pick < 14) return api(url, token, 'GET', '/v1/user-roles?page=1&pageSize=10')
  if (pick < 16 && customers.length > 0) {
    return api(url, token, 'PATCH', `/v1/customers/${customers[n % customers.length]}`, { customerName: `Soak ${n}` }, 'application/merge-patch+json')
  }
  return api(url, token, 'POST', '/v1/customers', customerBody(setup)).then((response) => {
    if (response.status === 201) customers.push(response.body.id)
    return response
  })
}

async function prepare(url: string): Promise<{ token: string; setup: AdminSetup }> {
  const login = await fetch(`${url}/v1/authenticate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ brand: 'default', username: 'admin', password: PASSWORD }) })
  const { token } = (await login.json()) as { token: string }
  const setup = await createAdminSetup((method, route, options) => api(url, token, method, route, options.json).then((r) => ({ ...r, text: JSON.stringify(r.body) })), token)
  return { token, setup }
}

async function summarise(window: { latencies: number[]; serverErrors: number; other: Record<string, number> }, atSeconds: number, pid: number): Promise<Window> {
  const sorted = [...window.latencies].sort((a, b) => a - b)
  const figures: Window = { atSeconds, requests: sorted.length, serverErrors: window.serverErrors, otherStatuses: window.other, p50Ms: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99), ...(await processFigures(pid)) }
  process.stderr.write(`${JSON.stringify(figures)}\n`)
  return figures
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'elevate-soak-'))
  const env: Record<string, string> = process.env.DATABASE_URL ? {} : { ELEVATE_DATA_DIR: dataDir }
  const { child, url } = await startServer(env)
  const windows: Window[] = []
  try {
    const { token, setup } = await prepare(url)
    const customers: number[] = []
    const started = Date.now()
    const end = started + MINUTES * 60_000
    let sent = 0
    let current = { latencies: [] as number[], serverErrors: 0, other: {} as Record<string, number> }
    const inFlight = new Set<Promise<void>>()
    let windowEnd = started + WINDOW_MS
    while (Date.now() < end) {
      // Steady rate: the n-th request leaves at started + n / RATE seconds, whatever the answers do.
      const due = started + (sent * 1000) / RATE
      if (Date.now() < due) await new Promise((resolve) => setTimeout(resolve, due - Date.now()))
      const n = sent++
      const t0 = performance.now()
      const window = current
      const request = mixedRequest(url, token, setup, customers, n).then(
        (response) => {
          window.latencies.push(performance.now() - t0)
          if (response.status >= 500) window.serverErrors++
          if (response.status >= 300) window.other[response.status] = (window.other[response.status] ?? 0) + 1
        },
        () => void (window.other.network = (window.other.network ?? 0) + 1),
      )
      inFlight.add(request)
      void request.finally(() => inFlight.delete(request))
      if (Date.now() >= windowEnd) {
        // Figures of the window just ended; its last answers still land in it.
        const closing = current
        current = { latencies: [], serverErrors: 0, other: {} }
        windows.push(await summarise(closing, Math.round((windowEnd - started) / 1000), child.pid!))
        windowEnd += WINDOW_MS
      }
    }
    await Promise.all(inFlight)
    if (current.latencies.length > 0) windows.push(await summarise(current, Math.round((Date.now() - started) / 1000), child.pid!))
  } finally {
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
    await rm(dataDir, { recursive: true, force: true })
  }
  const pickAt = (fraction: number) => windows[Math.min(windows.length - 1, Math.floor((windows.length - 1) * fraction))]!
  const summary = { minutes: MINUTES, rate: RATE, date: new Date().toISOString(), totalRequests: windows.reduce((s, w) => s + w.requests, 0), serverErrors: windows.reduce((s, w) => s + w.serverErrors, 0), start: pickAt(0), middle: pickAt(0.5), end: pickAt(1), windows }
  console.table([summary.start, summary.middle, summary.end].map(({ otherStatuses: _o, ...w }) => w))
  console.log(`total requests ${summary.totalRequests}, 5xx ${summary.serverErrors}`)
  await mkdir(path.join(here, 'results'), { recursive: true })
  await writeFile(path.join(here, 'results/soak.json'), `${JSON.stringify(summary, null, 2)}\n`)
  if (summary.serverErrors > 0) process.exitCode = 1
}

await main()
