import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import { AppError } from '../errors.ts'

export interface MetricsOptions {
  /** The bearer token a scraper sends; the route exists only when one is configured. */
  token: string
  /** The database pools' connections, read at each scrape. */
  poolStats(): Array<{ pool: string; total: number; idle: number; waiting: number; max: number }>
}

/**
 * `GET /metrics` in Prometheus's text format: requests by route, method and status, their latency,
 * the database pools, event-loop lag and the process (prom-client's defaults). Behind a bearer
 * token of its own (`ELEVATE_METRICS_TOKEN`): the figures name routes and load, not data, but an
 * instance on the internet should not publish them. A registry per app: tests build several.
 */
export function registerMetrics(app: FastifyInstance, options: MetricsOptions): void {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const labelNames = ['method', 'route', 'status_code'] as const
  const requests = new Counter({ name: 'http_requests_total', help: 'Requests answered, by method, route and status', labelNames, registers: [registry] })
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from the request arriving to the response sent, by method, route and status',
    labelNames,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  })
  registerPoolGauges(registry, options.poolStats)

  app.addHook('onResponse', async (request, reply) => {
    // The route's pattern, never the raw path: ids in paths would make a series per record.
    const labels = { method: request.method, route: request.routeOptions.url ?? '(no route)', status_code: String(reply.statusCode) }
    requests.inc(labels)
    duration.observe(labels, reply.elapsedTime / 1000)
  })

  const expected = Buffer.from(`Bearer ${options.token}`)
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    const sent = Buffer.from(request.headers.authorization ?? '')
    if (request.headers.authorization === undefined) throw new AppError('authentication_required')
    if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
      throw new AppError('invalid_token', { message: 'The metrics token is not valid', challenge: { error: 'invalid_token', description: 'The metrics token is not valid' } })
    }
    reply.type(registry.contentType)
    return registry.metrics()
  })
}

function registerPoolGauges(registry: Registry, poolStats: MetricsOptions['poolStats']): void {
  const gauge = (name: string, help: string, labelNames: string[], read: (set: (labels: Record<string, string>, value: number) => void) => void) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      collect() {
        read((labels, value) => this.set(labels, value))
      },
    })
  gauge('elevate_db_pool_connections', 'Open database connections by pool and state (busy or idle)', ['pool', 'state'], (set) => {
    for (const p of poolStats()) {
      set({ pool: p.pool, state: 'idle' }, p.idle)
      set({ pool: p.pool, state: 'busy' }, p.total - p.idle)
    }
  })
  gauge('elevate_db_pool_waiting', 'Queries waiting for a free connection, by pool', ['pool'], (set) => {
    for (const p of poolStats()) set({ pool: p.pool }, p.waiting)
  })
  gauge('elevate_db_pool_max', 'The most connections a pool opens (ELEVATE_DB_POOL_SIZE)', ['pool'], (set) => {
    for (const p of poolStats()) set({ pool: p.pool }, p.max)
  })
}
