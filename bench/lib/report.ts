import { mkdir, writeFile } from 'node:fs/promises'
import { cpus, loadavg, totalmem } from 'node:os'
import path from 'node:path'
import type { Measured } from './load.ts'

export interface TableRow {
  measured: Measured
  /** The ceiling's req/s this row is divided by, and its name. */
  ceiling?: { name: string; requestsPerSecond: number }
  prism?: Measured
}

export interface Report {
  database: string
  connections: number
  seconds: number
  pinned: boolean
  rows: TableRow[]
  instances: { one: number; two: number }
  start: { readyMs: number; idleRssMiB: number }
  /** The machine's 1-minute load average when the run started and ended: other work on the cores. */
  load: { before: number; after: number }
}

export const loadAverage = () => Math.round(loadavg()[0]! * 10) / 10

const ratio = (a: number, b: number | undefined) => (b === undefined || b === 0 ? undefined : Math.round((a / b) * 100) / 100)
const cell = (value: number | string | undefined) => (value === undefined ? '' : typeof value === 'number' ? value.toLocaleString('en-GB') : value)

export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
}

export function markdown(report: Report): string {
  const lines = [
    `Run ${new Date().toISOString()} on ${machine()}; PostgreSQL: ${report.database}; autocannon ${report.connections} connections, ${report.seconds} s per row` +
      (report.pinned ? '; servers pinned to core 0, the load tool to core 1' : '; not pinned (taskset unavailable)') +
      `; load average ${report.load.before} before, ${report.load.after} after.`,
    '',
    '| request | req/s | p50 ms | p99 ms | errors | server CPU µs/req | ceiling | × ceiling | Prism req/s | × Prism |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ]
  for (const { measured, ceiling, prism } of report.rows) {
    lines.push(
      `| ${[
        measured.title,
        cell(measured.requestsPerSecond),
        cell(measured.p50Ms),
        cell(measured.p99Ms),
        cell(measured.errors),
        cell(measured.cpuMicros),
        ceiling?.name,
        cell(ratio(measured.requestsPerSecond, ceiling?.requestsPerSecond)),
        prism === undefined ? '' : `${cell(prism.requestsPerSecond)}${prism.errors > 0 ? ` (${cell(prism.errors)} errors)` : ''}`,
        cell(prism === undefined ? undefined : ratio(measured.requestsPerSecond, prism.requestsPerSecond)),
      ].join(' | ')} |`,
    )
  }
  const { one, two } = report.instances
  lines.push(
    '',
    `Two instances on one database: ${cell(two)} req/s together against ${cell(one)} for one (the second adds ${cell(ratio(two - one, one))}× of the first).`,
    `Compiled start on an existing data directory: ready in ${cell(report.start.readyMs)} ms; idle resident memory ${cell(report.start.idleRssMiB)} MiB.`,
  )
  return `${lines.join('\n')}\n`
}

export async function save(directory: string, report: Report): Promise<void> {
  await mkdir(directory, { recursive: true })
  const json = { date: new Date().toISOString(), machine: machine(), ...report }
  await writeFile(path.join(directory, 'throughput.json'), `${JSON.stringify(json, null, 2)}\n`)
  await writeFile(path.join(directory, 'throughput.md'), markdown(report))
}
