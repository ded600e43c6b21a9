import type { IncomingMessage, ServerResponse } from 'node:http'
import cors from '@fastify/cors'
import underPressure from '@fastify/under-pressure'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import helmet, { type HelmetOptions } from 'helmet'
import type { Config } from '../config.ts'
import { AppError } from '../errors.ts'
import { sendError } from './error-body.ts'

/** Paths an orchestrator or a scraper polls: never shed, so a loaded instance is not killed for it. */
export function isOperatorPath(request: FastifyRequest): boolean {
  const url = request.url
  return url.startsWith('/health/') || url === '/metrics' || url.startsWith('/metrics?')
}

/** Response headers a browser script may read across origins (the contract's and paging's). */
const EXPOSED_HEADERS = [
  'X-Request-Id', 'ETag', 'Location', 'Link', 'Retry-After', 'Idempotent-Replayed', 'WWW-Authenticate',
  'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset',
]

/**
 * Security headers, CORS and load shedding, registered before the contract layer so that their
 * headers are on every answer, errors included (a browser cannot read a 401 or 503 otherwise).
 */
export async function registerProtection(app: FastifyInstance, config: Config): Promise<void> {
  const headers = securityHeaders({
    // A JSON API loads nothing: no script, style or frame. The reference page (/docs) sets its own.
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    // Browsers on other origins may read answers once CORS allows them to.
    crossOriginResourcePolicy: { policy: config.corsOrigins.length > 0 ? 'cross-origin' : 'same-origin' },
    // Headers that only steer how a browser treats an HTML document (OWASP's REST Security Cheat
    // Sheet leaves them out for APIs); each costs every answer its bytes and Node's checks.
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  })
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers)
    done()
  })
  if (config.corsOrigins.length > 0) await registerCors(app, config.corsOrigins)
  if (config.maxEventLoopDelayMs > 0) await registerLoadShedding(app, config)
}

/**
 * The headers helmet sets, worked out once. Our policy has no per-request part (no CSP nonces), so
 * the answer is the same for every request; the Fastify plugin would rebuild helmet's middleware on
 * each one, which cost 25–45 µs a request (a third of a 404's CPU, measured 2026-12-01).
 */
function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {}
  const response = {
    setHeader: (name: string, value: string | number) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  }
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error !== undefined && error !== null) throw error
  })
  return headers
}

/** How often the event-loop delay is sampled (the mean over this window is what is judged). */
const SAMPLE_INTERVAL_MS = 1000

/**
 * 503 `server_overloaded` with `Retry-After` while the event loop's mean delay is above the limit.
 * The first samples after the server is ready are not judged: start-up compiles code and fills
 * pools, which blocks the loop once by design and would shed the first requests for nothing.
 */
async function registerLoadShedding(app: FastifyInstance, config: Config): Promise<void> {
  let judgedFrom = Number.POSITIVE_INFINITY
  app.addHook('onReady', async () => {
    judgedFrom = performance.now() + 2 * SAMPLE_INTERVAL_MS
  })
  await app.register(underPressure, {
    maxEventLoopDelay: config.maxEventLoopDelayMs,
    sampleInterval: SAMPLE_INTERVAL_MS,
    retryAfter: config.retryAfterSeconds,
    pressureHandler: async (request) => {
      if (isOperatorPath(request) || performance.now() < judgedFrom) return
      throw new AppError('server_overloaded', { retryAfterSeconds: config.retryAfterSeconds })
    },
  })
}

/**
 * CORS for the configured origins. A preflight goes on to the path's own OPTIONS answer (204 with
 * `Allow`, the contract's), with the CORS headers added; the plugin's catch-all OPTIONS route only
 * serves paths that do not exist, which answer 404 like any other method.
 */
async function registerCors(app: FastifyInstance, origins: string[]): Promise<void> {
  app.addHook('onRoute', (route) => {
    if (route.url !== '*' || route.method !== 'OPTIONS') return
    route.config = { ...route.config, synthetic: true }
    // Written directly: this route is added before the contract's error handler exists.
    route.handler = async (request, reply) => {
      reply.header('x-request-id', request.id)
      return sendError(request, reply, 404, 'route_not_found', 'No resource exists at this path')
    }
  })
  await app.register(cors, {
    origin: origins.includes('*') ? '*' : origins,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    exposedHeaders: EXPOSED_HEADERS,
    // Bearer tokens travel in a header, never in cookies: no credentials mode.
    credentials: false,
    preflightContinue: true,
    strictPreflight: false,
    maxAge: 600,
  })
}
