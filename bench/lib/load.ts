import { readFileSync } from 'node:fs'
import autocannon from 'autocannon'

export interface Scenario {
  title: string
  method?: string
  path: string
  headers?: Record<string, string>
  body?: string
  /** A new body per request (creates, patches), instead of `body`. */
  bodies?: () => string
  /** The status every response should have; any other counts as an error. */
  expect: number
}

export interface Measured {
  title: string
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  /** Responses of another status, socket errors and timeouts. */
  errors: number
  /**
   * CPU time the server process spent per answered request, in microseconds: steadier than req/s
   * on a machine whose other work competes for the cores.
   */
  cpuMicros?: number
  statuses: Record<string, number>
}

export interface LoadSettings {
  connections: number
  seconds: number
}

/** Loads `origin` with one scenario: a short warm-up, then the measured run. */
export async function measure(origin: string, scenario: Scenario, settings: LoadSettings, pid?: number): Promise<Measured> {
  await run(origin, scenario, { connections: settings.connections, seconds: 1 })
  const cpuBefore = pid === undefined ? undefined : cpuSeconds(pid)
  const result = await run(origin, scenario, settings)
  const cpuAfter = pid === undefined ? undefined : cpuSeconds(pid)
  const cpu = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore
  const statuses: Record<string, number> = {}
  for (const [status, stats] of Object.entries(result.statusCodeStats ?? {})) statuses[status] = stats.count ?? 0
  const answered = Object.values(statuses).reduce((sum, count) => sum + count, 0)
  return {
    title: scenario.title,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: answered - (statuses[String(scenario.expect)] ?? 0) + result.errors + result.timeouts,
    cpuMicros: cpu === undefined || answered === 0 ? undefined : Math.round((cpu * 1e6) / answered),
    statuses,
  }
}

/** Loads `origin` with one scenario for `seconds`, measuring nothing: a warm-up. */
export async function warmUp(origin: string, scenario: Scenario, settings: LoadSettings): Promise<void> {
  await run(origin, scenario, settings)
}

/** User plus system CPU time of a process so far, in seconds (Linux: /proc; clock ticks of 10 ms). */
function cpuSeconds(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return undefined
  }
}

function run(origin: string, scenario: Scenario, settings: LoadSettings): Promise<autocannon.Result> {
  const bodies = scenario.bodies
  return autocannon({
    url: `${origin}${scenario.path}`,
    method: (scenario.method ?? 'GET') as autocannon.Request['method'],
    headers: scenario.headers,
    body: scenario.body,
    requests: bodies === undefined ? undefined : [{ setupRequest: (request) => ({ ...request, body: bodies() }) }],
    connections: settings.connections,
    duration: settings.seconds,
  })
}
