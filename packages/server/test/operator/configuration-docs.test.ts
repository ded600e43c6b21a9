import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { describe, it } from 'node:test'
import { loadConfig } from '../../src/config.ts'

/** npm's own variable (where npm was run), which the server reads to resolve relative paths. */
const NOT_SETTINGS = new Set(['INIT_CWD'])

/** Every variable `loadConfig` reads, found by watching it read an environment. */
function variablesRead(): Set<string> {
  const read = new Set<string>()
  const env = new Proxy({} as NodeJS.ProcessEnv, {
    get(_target, name) {
      if (typeof name === 'string') read.add(name)
      return undefined
    },
  })
  loadConfig(env)
  return new Set([...read].filter((name) => !NOT_SETTINGS.has(name)))
}

describe('docs/configuration.md', () => {
  it('documents every variable the configuration reads, and no other', async () => {
    const docs = await readFile(new URL('../../../../docs/configuration.md', import.meta.url), 'utf8')
    const documented = new Set([...docs.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((match) => match[1]!))
    const read = variablesRead()
    assert.ok(read.size >= 25, `the watch saw the reads (${read.size})`)
    assert.deepEqual([...read].filter((name) => !documented.has(name)).sort(), [], 'read but not documented')
    assert.deepEqual([...documented].filter((name) => !read.has(name)).sort(), [], 'documented but not read')
  })

  it('gives each variable its real default', async () => {
    const docs = await readFile(new URL('../../../../docs/configuration.md', import.meta.url), 'utf8')
    const defaults = loadConfig({})
    const rows = new Map([...docs.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \| ([^|]+) \|/gm)].map((match) => [match[1]!, match[2]!.trim()]))
    const expect: Record<string, unknown> = {
      PORT: defaults.port, HOST: defaults.host, ELEVATE_TOKEN_TTL_SECONDS: defaults.tokenTtlSeconds,
      ELEVATE_RATE_LIMIT_MAX: defaults.rateLimitMax, ELEVATE_RATE_LIMIT_WINDOW_SECONDS: defaults.rateLimitWindowSeconds,
      ELEVATE_MAX_EVENT_LOOP_DELAY_MS: defaults.maxEventLoopDelayMs, ELEVATE_SHUTDOWN_TIMEOUT_MS: defaults.shutdownTimeoutMs,
      ELEVATE_DB_POOL_SIZE: defaults.dbPoolSize, ELEVATE_DB_CONNECT_TIMEOUT_MS: defaults.dbConnectTimeoutMs, ELEVATE_BODY_LIMIT_BYTES: defaults.bodyLimitBytes,
      ELEVATE_REQUEST_TIMEOUT_MS: defaults.requestTimeoutMs, ELEVATE_RETRY_AFTER_SECONDS: defaults.retryAfterSeconds,
    }
    for (const [name, value] of Object.entries(expect)) assert.equal(rows.get(name), `\`${String(value)}\``, name)
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'ELEVATE_CORS_ORIGINS', 'ELEVATE_METRICS_TOKEN', 'ELEVATE_TRUST_PROXY']) assert.equal(rows.get(name), 'unset', name)
  })
})
