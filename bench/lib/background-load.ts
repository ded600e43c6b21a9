import autocannon from 'autocannon'
import type { Measured } from './load.ts'

/** A GET loaded in the background: one path, or a new path per request (another id each time). */
export interface BackgroundRead {
  title: string
  path: string | (() => string)
  headers: Record<string, string>
}

export interface ReadResult extends Measured {
  /** Requests answered: a background run lasts as long as what it accompanies. */
  requests: number
  /** The slowest answer: a stall of the server's event loop shows here first. */
  maxMs: number
}

/** A background load: `stop` ends it and answers each read's figures (every answer but 200 is an error). */
export interface RunningReads {
  stop(): Promise<ReadResult[]>
}

/**
 * Loads `origin` with every read at once, each over `connections` that send the next request as
 * soon as the last is answered (closed loop, autocannon's usual mode), until `stop` (an hour at
 * most). Not paced: autocannon's `overallRate` sends each second's requests in one burst at the
 * second's start, and corrects for coordinated omission with a 1 ms interval that floods the
 * histogram with made-up samples, so a paced run would measure the burst, not the reads.
 */
export function startReads(origin: string, reads: BackgroundRead[], settings: { connections: number }): RunningReads {
  const running = reads.map((read) => {
    const next = read.path
    let instance: autocannon.Instance | undefined
    const finished = new Promise<autocannon.Result>((resolve, reject) => {
      instance = autocannon(
        {
          url: `${origin}${typeof next === 'string' ? next : next()}`,
          headers: read.headers,
          connections: settings.connections,
          duration: 3600,
          requests: typeof next === 'string' ? undefined : [{ setupRequest: (request) => ({ ...request, path: next() }) }],
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      )
    })
    return { read, instance: instance!, finished }
  })
  return {
    async stop() {
      for (const { instance } of running) instance.stop()
      return Promise.all(running.map(async ({ read, finished }) => summary(read.title, await finished)))
    },
  }
}

function summary(title: string, result: autocannon.Result): ReadResult {
  const statuses: Record<string, number> = {}
  let unexpected = result.errors + result.timeouts
  for (const [status, stats] of Object.entries(result.statusCodeStats ?? {})) {
    statuses[status] = stats.count ?? 0
    if (status !== '200') unexpected += statuses[status]
  }
  return {
    title,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: unexpected,
    statuses,
  }
}
