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
  admin: { brand: string; username: string; password: string | undefined }
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
    retryAfterSeconds: int('ELEVATE_RETRY_AFTER_SECONDS', 5, 1, 3600),
    idempotencyTtlSeconds: int('ELEVATE_IDEMPOTENCY_TTL_SECONDS', 86_400, 60, 604_800),
    loginMaxFailures: int('ELEVATE_LOGIN_MAX_FAILURES', 10, 1, 1000),
    loginMaxFailuresPerAddress: int('ELEVATE_LOGIN_MAX_FAILURES_PER_ADDRESS', 100, 1, 100_000),
    loginFailureWindowSeconds: int('ELEVATE_LOGIN_FAILURE_WINDOW_SECONDS', 900, 1, 86_400),
    eventRetentionDays: int('ELEVATE_EVENT_RETENTION_DAYS', 90, 1, 3650),
    admin: {
      brand: text('ELEVATE_ADMIN_BRAND', 'default'),
      username: text('ELEVATE_ADMIN_USERNAME', 'admin'),
      password: adminPassword,
    },
  }
  // Node refuses a headers timeout longer than the request timeout (the headers are part of it).
  if (config.headersTimeoutMs > config.requestTimeoutMs) {
    problems.push('ELEVATE_HEADERS_TIMEOUT_MS must not be longer than ELEVATE_REQUEST_TIMEOUT_MS')
  }
  if (problems.length > 0) throw new ConfigError(problems)
  return config
}
