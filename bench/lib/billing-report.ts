import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { ReadResult } from './background-load.ts'
import type { BillRun, StepTiming } from './bill-run-driver.ts'
import type { BillRunCounts } from './billing-counts.ts'
import { machine } from './report.ts'

/** Issue 13's targets: the whole bill run under 60 s, API reads under 50 ms p99 while it runs. */
export const TARGETS = { totalSeconds: 60, readP99Ms: 50 }

export interface BillingReport {
  database: string
  pinned: boolean
  customers: number
  inventories: number
  seedSeconds: number
  readConnections: number
  idleSeconds: number
  load: { before: number; after: number }
  billRun?: { before: BillRun; after?: BillRun; next?: BillRun }
  steps: StepTiming[]
  totalMs?: number
  reads: { idle: ReadResult[]; during: ReadResult[] }
  counts?: BillRunCounts
  /** Why the run failed (a step, a read's status), when it did. */
  failure?: string
}

const seconds = (ms: number) => (ms / 1000).toFixed(1)
const meets = (ok: boolean) => (ok ? 'yes' : '**no**')

export function billingMarkdown(report: BillingReport): string {
  const lines = [
    `Run ${new Date().toISOString()} on ${machine()}; PostgreSQL: ${report.database}; ${report.customers.toLocaleString('en-GB')} customers with a site each, ` +
      `${report.inventories.toLocaleString('en-GB')} RPIs (seeded in SQL in ${report.seedSeconds} s)` +
      (report.pinned ? '; server pinned to core 0, the bench (client and autocannon) to core 1' : '; not pinned') +
      `; load average ${report.load.before} before, ${report.load.after} after.`,
    '',
  ]
  const before = report.billRun?.before
  if (before !== undefined) lines.push(`Bill run ${before.id} (${before.name}), driven through the API: PATCH each step, then GET until it shows 100%.`, '')
  lines.push('| step | seconds | polls | polls answered 503 |', '|---|---|---|---|')
  for (const step of report.steps) lines.push(`| ${step.step} | ${seconds(step.ms)} | ${step.polls} | ${step.unavailable} |`)
  if (report.totalMs !== undefined) lines.push(`| **total** | **${seconds(report.totalMs)}** (target < ${TARGETS.totalSeconds} s: ${meets(report.totalMs < TARGETS.totalSeconds * 1000)}) | | |`)
  lines.push(
    '',
    `Reads, all three at once, each over ${report.readConnections} autocannon connection(s) sending the next request when the last is answered: while the bill run ran, and before it (idle, ${report.idleSeconds} s).`,
    '',
    '| read | requests | req/s | p50 ms | p99 ms | max ms | errors | idle req/s | idle p50 ms | idle p99 ms | p99 < 50 ms |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  )
  report.reads.during.forEach((read, i) => {
    const idle = report.reads.idle[i]
    const cells = [read.title, read.requests, read.requestsPerSecond, read.p50Ms, read.p99Ms, read.maxMs, read.errors, idle?.requestsPerSecond ?? '', idle?.p50Ms ?? '', idle?.p99Ms ?? '', read.requests === 0 ? '' : meets(read.p99Ms < TARGETS.readP99Ms)]
    lines.push(`| ${cells.join(' | ')} |`)
  })
  const after = report.billRun?.after
  if (after !== undefined) {
    lines.push(
      '',
      `After the run: ${after.billRunStatus}/${after.summaryStatus}; revenueInMajorCurrency ${after.revenueInMajorCurrency}; ` +
        `maxInvoiceValue ${after.maxInvoiceValue ?? '—'} (customer ${after.maxInvoiceCustomerId ?? '—'}); rentalSuspenseCount ${after.rentalSuspenseCount}.`,
    )
  }
  const counts = report.counts
  if (counts !== undefined) {
    const byStatus = Object.entries(counts.invoicesByStatus).map(([status, count]) => `${count} ${status}`).join(', ') || 'none'
    const rated = counts.ratedSellRecords === null ? 'not in this build (404)' : `${counts.ratedSellRecords} for ${counts.customersWithRatedRecords} customers`
    lines.push(
      `Invoices: ${counts.invoices} (${byStatus}) for ${counts.customersInvoiced} customers, net ${counts.netTotal}, gross ${counts.grossTotal}. Rental rated sell records: ${rated}.`,
    )
  }
  const next = report.billRun?.next
  if (next !== undefined) lines.push(`Next bill run: ${next.id} (${next.name}), ${next.billRunStatus}.`)
  if (report.failure !== undefined) lines.push('', `**Failed:** ${report.failure}`)
  return `${lines.join('\n')}\n`
}

export async function saveBillingReport(directory: string, report: BillingReport): Promise<void> {
  await mkdir(directory, { recursive: true })
  await writeFile(path.join(directory, 'billing.json'), `${JSON.stringify({ date: new Date().toISOString(), machine: machine(), targets: TARGETS, ...report }, null, 2)}\n`)
  await writeFile(path.join(directory, 'billing.md'), billingMarkdown(report))
}
