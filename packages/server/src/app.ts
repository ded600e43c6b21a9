import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import type { Logger } from 'pino'
import { AuthEvents } from './auth/auth-events.ts'
import { Authenticator } from './auth/authenticator.ts'
import { LoginThrottle } from './auth/login-throttle.ts'
import { configuredKeyRing, DatabaseKeyRing } from './auth/signing-key.ts'
import { TokenService } from './auth/tokens.ts'
import type { Config } from './config.ts'
import type { Database } from './db/database.ts'
import { classifyDatabaseError } from './db/errors.ts'
import { answerError, installContract } from './http/contract.ts'
import { drainOversizedBodies } from './http/oversized-body.ts'
import { installConditionalGet } from './http/conditional.ts'
import { registerDocs } from './http/docs.ts'
import { registerMetrics } from './http/metrics.ts'
import { registerOpenApi } from './http/openapi.ts'
import { registerProtection } from './http/protection.ts'
import { registerRateLimit } from './http/rate-limit.ts'
import { registerSandbox } from './http/sandbox.ts'
import { requestIdFor } from './http/request-id.ts'
import { closeConnectionsWhenClosing, transportOptions } from './http/transport.ts'
import { sharedSerializers } from './http/serializers.ts'
import { PostgresIdempotencyStore } from './idempotency/postgres-store.ts'
import type { JobQueue } from './jobs/job-queue.ts'
import { PgBossQueue } from './jobs/pg-boss-queue.ts'
import type { BillRunWork } from './modules/bill-runs/index.ts'
import { ratingBillRunWork } from './modules/rating/index.ts'
import { MODULES } from './modules/index.ts'
import type { ModuleContext } from './modules/module.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** The durable job queue (tests run or await its jobs). */
    jobs: JobQueue
  }
}

/** What the app is composed of besides configuration and database; tests replace parts. */
export interface AppServices {
  /** Today and now (default: the system clock). */
  clock?: () => Date
  /** What bill run steps do (default: state moves and counts only, until rating and invoicing plug in). */
  billRunWork?: BillRunWork
}

export const API_VERSION = '0.1.0'


/** Builds the whole API on a database; never listens (server.ts does, tests pick a port). */
export async function buildApp(config: Config, db: Database, logger: Logger, services: AppServices = {}): Promise<FastifyInstance> {
  const classifyError = classifyDatabaseError(config.retryAfterSeconds)
  const app: FastifyInstance = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    genReqId: requestIdFor,
    requestIdHeader: false,
    // One log line per request, written by the contract layer's onResponse hook.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    bodyLimit: config.bodyLimitBytes,
    // Stateless instances: requests arriving while one closes are still served in full.
    return503OnClosing: false,
    // Errors the router meets before any route (a malformed URL) get the contract's body too.
    frameworkErrors: (error, request, reply) => answerError(error, request, reply, { classifyError }),
    trustProxy: trustProxyOption(config.trustProxy),
    schemaController: { compilersFactory: { buildSerializer: sharedSerializers() } },
    ...transportOptions(config),
  })

  const keys = config.jwtSecret === undefined ? new DatabaseKeyRing(db.system) : configuredKeyRing(config.jwtSecret)
  const tokens = new TokenService(keys, config.tokenTtlSeconds)
  const throttle = new LoginThrottle(db.system, {
    maxFailures: config.loginMaxFailures,
    maxFailuresPerAddress: config.loginMaxFailuresPerAddress,
    windowSeconds: config.loginFailureWindowSeconds,
  })
  const authEvents = new AuthEvents(db.system, logger, config.eventRetentionDays)
  const authenticator = new Authenticator(db.system, tokens, throttle, logger, authEvents)
  const idempotency = new PostgresIdempotencyStore(db.system, {
    ttlSeconds: config.idempotencyTtlSeconds,
    claimTimeoutSeconds: config.idempotencyClaimTimeoutSeconds,
    onCleanupError: (error) => logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not delete expired idempotency keys'),
  })
  closeConnectionsWhenClosing(app)
  drainOversizedBodies(app, config.bodyLimitBytes)
  // Before the contract layer: their headers (CORS above all) must be on its error answers too.
  await registerProtection(app, config)
  // Before the contract's checks too: an injected fault answers whatever the request holds.
  const sandbox = config.sandbox ? registerSandbox(app, { retryAfterSeconds: config.retryAfterSeconds }) : undefined
  const contract = installContract(app, {
    authenticate: (authorization) => authenticator.authenticate(authorization),
    classifyError,
    idempotency,
  })
  installConditionalGet(app)
  sandbox?.addRoutes()
  await registerRateLimit(app, config)
  await registerOpenApi(app, API_VERSION)
  await registerDocs(app)
  if (config.metricsToken !== undefined) registerMetrics(app, { token: config.metricsToken, poolStats: () => db.poolStats() })

  const jobs = new PgBossQueue({
    url: db.url,
    system: db.system,
    logger,
    workers: config.jobWorkers,
    pollingSeconds: config.jobPollingSeconds,
    retryLimit: config.jobRetryLimit,
    retryDelaySeconds: config.jobRetryDelaySeconds,
    expireSeconds: config.jobExpireSeconds,
  })
  app.decorate('jobs', jobs)
  const clock = services.clock ?? (() => new Date())
  const context: ModuleContext = { config, db, authenticator, jobs, clock, billRunWork: services.billRunWork ?? ratingBillRunWork(clock) }
  for (const module of MODULES) await app.register(async (scope) => module.register(scope, context))
  contract.finish()
  // Started by the process once the app is built (`cli/start.ts`; building reads no data), after
  // every module defined its jobs; stopped when the app closes (graceful shutdown).
  app.addHook('onClose', () => jobs.stop())
  return app
}

/** A hop count as Fastify takes it (proxy-addr's hop function): the nearest `hops` are proxies. */
function trustProxyOption(trust: Config['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust !== 'number') return trust
  return (_address, hop) => hop < trust
}
