import path from 'node:path'

/** Everything the server reads from its environment, validated once at start. */
export interface Config {
  port: number
  host: string
  /** Unset: the server runs its own embedded PostgreSQL in `dataDir`. */
  databaseUrl: string | undefined
  dataDir: string
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  tokenTtlSeconds: number
  /** Optional HS256 secret; when unset a key is generated once and kept in the database. */
  jwtSecret: string | undefined
  bodyLimitBytes: number
  /** The whole request (headers and body) must arrive within this, else 408. */
  requestTimeoutMs: number
  /** The request's headers must arrive within this, else 408 (slow-header clients). */
  headersTimeoutMs: number
  /** How long an idle keep-alive connection is kept open between requests. */
  keepAliveTimeoutMs: number
  dbPoolSize: number
  /** A query waiting longer for a database connection (all busy, or the database not answering) gets 503. */
  dbConnectTimeoutMs: number
  /** A statement running longer is cancelled by PostgreSQL (a runaway query, a lock waited on); 0: never. */
  dbStatementTimeoutMs: number
  /** A session idle inside a transaction longer is ended by PostgreSQL (its locks released); 0: never. */
  dbIdleInTransactionTimeoutMs: number
  /** Failed logins allowed per brand, username and address within the window, before 429. */
  loginMaxFailures: number
  /** Failed logins allowed per client address (any names) within the window, before 429. */
  loginMaxFailuresPerAddress: number
  loginFailureWindowSeconds: number
  /** How long security events are kept (`GET /v1/events`). */
  eventRetentionDays: number
  /** Seconds a client is told to wait (`Retry-After`) while the database is unreachable. */
  retryAfterSeconds: number
  /** How long the outcome of a create sent with an Idempotency-Key is kept and replayed. */
  idempotencyTtlSeconds: number
  /** How long a claimed Idempotency-Key whose request never finished (it died) blocks the key. */
  idempotencyClaimTimeoutSeconds: number
  admin: { brand: string; username: string; password: string | undefined }
  /** Origins a browser may call the API from (CORS); empty: CORS is off. `*` allows any. */
  corsOrigins: string[]
  /** Requests per client (bearer token, else address) per window; 0 turns the limit off. */
  rateLimitMax: number
  rateLimitWindowSeconds: number
  /** Set: rate-limit counters live in this Redis, shared by every instance; unset: in memory. */
  redisUrl: string | undefined
  /** Mean event-loop delay above which requests are shed with 503; 0 turns shedding off. */
  maxEventLoopDelayMs: number
  /** How long a stop may take (in-flight requests finishing, pools closing) before exit 1. */
  shutdownTimeoutMs: number
  /** Set: `GET /metrics` answers to `Authorization: Bearer <this>`; unset: /metrics is 404. */
  metricsToken: string | undefined
  /** Proxies in front whose X-Forwarded-For is believed: false, a hop count, or their addresses. */
  trustProxy: boolean | number | string[]
  /** Sandbox mode: fault-injection headers and the fault script endpoint are live. */
  sandbox: boolean
  /** Whether this instance runs durable jobs (bill run steps); false: it only enqueues them. */
  jobWorkers: boolean
  /** How often an idle worker looks for jobs another instance enqueued (its own are run at once). */
  jobPollingSeconds: number
  /** Retries of a failed job, with exponential backoff from `jobRetryDelaySeconds`. */
  jobRetryLimit: number
  jobRetryDelaySeconds: number
  /** A job still running after this is taken as lost (its instance crashed) and run again. */
  jobExpireSeconds: number
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`)
    this.name = 'ConfigError'
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

/** Reads and validates the configuration; reports every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = []

  function int(name: string, fallback: number, min: number, max: number): number {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    const value = Number(raw)
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got '${raw}')`)
      return fallback
    }
    return value
  }
  function text(name: string, fallback: string): string {
    const raw = env[name]
    return raw === undefined || raw === '' ? fallback : raw
  }
  function optional(name: string): string | undefined {
    const raw = env[name]
    return raw === undefined || raw === '' ? undefined : raw
  }

  const databaseUrl = optional('DATABASE_URL')
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push(`DATABASE_URL must be a postgres:// or postgresql:// URL`)
  }
  const logLevel = text('LOG_LEVEL', 'info')
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got '${logLevel}')`)
  }
  const jwtSecret = optional('ELEVATE_JWT_SECRET')
  if (jwtSecret !== undefined && Buffer.byteLength(jwtSecret) < 32) {
    problems.push('ELEVATE_JWT_SECRET must be at least 32 bytes long')
  }
  const adminPassword = optional('ELEVATE_ADMIN_PASSWORD')
  if (adminPassword !== undefined && (adminPassword.length < 12 || adminPassword.length > 100)) {
    problems.push('ELEVATE_ADMIN_PASSWORD must be 12 to 100 characters long')
  }

  const corsOrigins = (optional('ELEVATE_CORS_ORIGINS') ?? '').split(',').map((o) => o.trim()).filter((o) => o !== '')
  for (const origin of corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      problems.push(`ELEVATE_CORS_ORIGINS must list origins such as https://app.example.com (no path), or * (got '${origin}')`)
    }
  }
  const redisUrl = optional('REDIS_URL')
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) problems.push('REDIS_URL must be a redis:// or rediss:// URL')
  const metricsToken = optional('ELEVATE_METRICS_TOKEN')
  if (metricsToken !== undefined && metricsToken.length < 16) problems.push('ELEVATE_METRICS_TOKEN must be at least 16 characters long')
  const trustProxy = trustProxyOf(optional('ELEVATE_TRUST_PROXY'), problems)
  const sandbox = text('ELEVATE_SANDBOX', '0')
  if (!['0', '1', 'true', 'false'].includes(sandbox)) problems.push(`ELEVATE_SANDBOX must be 1 or 0 (got '${sandbox}')`)

  const config: Config = {
    port: int('PORT', 8080, 0, 65535),
    host: text('HOST', '127.0.0.1'),
    databaseUrl,
    // Relative to where the user ran npm (INIT_CWD), not to the workspace npm runs the script in.
    dataDir: path.resolve(env.INIT_CWD ?? process.cwd(), text('ELEVATE_DATA_DIR', './data')),
    logLevel: logLevel as Config['logLevel'],
    tokenTtlSeconds: int('ELEVATE_TOKEN_TTL_SECONDS', 900, 1, 86_400),
    jwtSecret,
    bodyLimitBytes: int('ELEVATE_BODY_LIMIT_BYTES', 1_048_576, 1024, 104_857_600),
    requestTimeoutMs: int('ELEVATE_REQUEST_TIMEOUT_MS', 30_000, 100, 3_600_000),
    headersTimeoutMs: int('ELEVATE_HEADERS_TIMEOUT_MS', 10_000, 100, 3_600_000),
    keepAliveTimeoutMs: int('ELEVATE_KEEP_ALIVE_TIMEOUT_MS', 72_000, 100, 3_600_000),
    dbPoolSize: int('ELEVATE_DB_POOL_SIZE', 10, 1, 500),
    dbConnectTimeoutMs: int('ELEVATE_DB_CONNECT_TIMEOUT_MS', 5_000, 100, 600_000),
    dbStatementTimeoutMs: int('ELEVATE_DB_STATEMENT_TIMEOUT_MS', 30_000, 0, 3_600_000),
    dbIdleInTransactionTimeoutMs: int('ELEVATE_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 60_000, 0, 3_600_000),
    retryAfterSeconds: int('ELEVATE_RETRY_AFTER_SECONDS', 5, 1, 3600),
    idempotencyTtlSeconds: int('ELEVATE_IDEMPOTENCY_TTL_SECONDS', 86_400, 60, 604_800),
    idempotencyClaimTimeoutSeconds: int('ELEVATE_IDEMPOTENCY_CLAIM_TIMEOUT_SECONDS', 60, 1, 86_400),
    loginMaxFailures: int('ELEVATE_LOGIN_MAX_FAILURES', 10, 1, 1000),
    loginMaxFailuresPerAddress: int('ELEVATE_LOGIN_MAX_FAILURES_PER_ADDRESS', 100, 1, 100_000),
    loginFailureWindowSeconds: int('ELEVATE_LOGIN_FAILURE_WINDOW_SECONDS', 900, 1, 86_400),
    eventRetentionDays: int('ELEVATE_EVENT_RETENTION_DAYS', 90, 1, 3650),
    admin: {
      brand: text('ELEVATE_ADMIN_BRAND', 'default'),
      username: text('ELEVATE_ADMIN_USERNAME', 'admin'),
      password: adminPassword,
    },
    corsOrigins,
    rateLimitMax: int('ELEVATE_RATE_LIMIT_MAX', 1000, 0, 1_000_000),
    rateLimitWindowSeconds: int('ELEVATE_RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86_400),
    redisUrl,
    maxEventLoopDelayMs: int('ELEVATE_MAX_EVENT_LOOP_DELAY_MS', 1000, 0, 60_000),
    shutdownTimeoutMs: int('ELEVATE_SHUTDOWN_TIMEOUT_MS', 10_000, 100, 600_000),
    metricsToken,
    trustProxy,
    sandbox: sandbox === '1' || sandbox === 'true',
    jobWorkers: env.ELEVATE_JOB_WORKERS !== 'false' && env.ELEVATE_JOB_WORKERS !== '0',
    jobPollingSeconds: int('ELEVATE_JOB_POLLING_SECONDS', 2, 1, 3600),
    jobRetryLimit: int('ELEVATE_JOB_RETRY_LIMIT', 5, 0, 100),
    jobRetryDelaySeconds: int('ELEVATE_JOB_RETRY_DELAY_SECONDS', 5, 1, 86_400),
    jobExpireSeconds: int('ELEVATE_JOB_EXPIRE_SECONDS', 900, 30, 86_400),
  }
  // Node refuses a headers timeout longer than the request timeout (the headers are part of it).
  if (config.headersTimeoutMs > config.requestTimeoutMs) {
    problems.push('ELEVATE_HEADERS_TIMEOUT_MS must not be longer than ELEVATE_REQUEST_TIMEOUT_MS')
  }
  if (problems.length > 0) throw new ConfigError(problems)
  return config
}

/** `ELEVATE_TRUST_PROXY`: unset (trust no proxy), a hop count, or addresses/CIDRs of the proxies. */
function trustProxyOf(raw: string | undefined, problems: string[]): Config['trustProxy'] {
  if (raw === undefined) return false
  if (/^\d{1,2}$/.test(raw)) return Number(raw)
  const list = raw.split(',').map((part) => part.trim()).filter((part) => part !== '')
  if (list.length === 0 || list.some((part) => !/^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(part))) {
    problems.push(`ELEVATE_TRUST_PROXY must be a number of proxies (1) or their addresses (10.0.0.0/8,192.168.1.5) (got '${raw}')`)
    return false
  }
  return list
}
