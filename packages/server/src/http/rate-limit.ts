import { createHash } from 'node:crypto'
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { Redis } from 'ioredis'
import type { Config } from '../config.ts'
import { AppError } from '../errors.ts'
import { isOperatorPath } from './protection.ts'

/**
 * The general rate limit: `rateLimitMax` requests per `rateLimitWindowSeconds` for each client,
 * counted per bearer token when one is sent and per address otherwise. Counters live in Redis when
 * `REDIS_URL` is set, so every instance behind a load balancer counts the same client together;
 * otherwise in this process's memory. Above it: 429 `rate_limited` with `Retry-After`. Register
 * before the modules: it attaches itself to each route as the route is added.
 */
export async function registerRateLimit(app: FastifyInstance, config: Config): Promise<void> {
  if (config.rateLimitMax === 0) return
  const redis = config.redisUrl === undefined ? undefined : connectRedis(app, config.redisUrl)
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitMax,
    timeWindow: config.rateLimitWindowSeconds * 1000,
    ...(redis === undefined ? {} : { redis, nameSpace: 'elevate-api:rate-limit:' }),
    // Redis unreachable: serve the request rather than fail it (the limit is a guard, not a gate).
    skipOnError: true,
    keyGenerator: clientKey,
    allowList: (request) => isOperatorPath(request),
    errorResponseBuilder: (_request, context) =>
      new AppError('rate_limited', {
        message: `Too many requests: at most ${context.max} per ${context.after}; retry later`,
        retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)),
      }),
  })
}

/** The token's digest (the token itself is a secret) or the client's address. */
function clientKey(request: FastifyRequest): string {
  const authorization = request.headers.authorization
  if (authorization !== undefined && /^bearer /i.test(authorization)) {
    return `token:${createHash('sha256').update(authorization.slice(7).trim()).digest('base64url').slice(0, 22)}`
  }
  return `address:${request.ip}`
}

function connectRedis(app: FastifyInstance, url: string): Redis {
  const redis = new Redis(url, {
    // Fail a count fast when Redis is away (skipOnError then serves the request) instead of queueing.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    lazyConnect: false,
  })
  let reported = false
  redis.on('error', (error: Error) => {
    if (!reported) app.log.warn({ err: error.message }, 'rate limit: Redis unreachable; requests are served uncounted until it returns')
    reported = true
  })
  redis.on('ready', () => (reported = false))
  app.addHook('onClose', async () => {
    await redis.quit().catch(() => redis.disconnect())
  })
  return redis
}
