import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError } from '../helpers/assertions.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

const METRICS_TOKEN = 'metrics-token-for-the-test'

/** The value of one series in Prometheus's text format, or undefined. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`)
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue
    const inside = line.slice(name.length + 1, line.lastIndexOf('}'))
    if (wanted.every((pair) => inside.split(',').includes(pair))) return Number(line.slice(line.lastIndexOf(' ') + 1))
  }
  return undefined
}

describe('GET /metrics', () => {
  let server: TestServer
  before(async () => {
    server = await startTestServer({ metricsToken: METRICS_TOKEN })
  })
  after(() => server.close())

  it('counts requests by route pattern and status after traffic, with latency, pools and the process', async () => {
    const token = await server.login()
    for (let i = 0; i < 3; i++) assert.equal((await server.request('GET', '/v1/contract-owners?page=1&pageSize=5', { token })).status, 200)
    assert.equal((await server.request('GET', '/v1/contract-owners/424242', { token })).status, 404)
    assert.equal((await server.request('GET', '/v1/contract-owners')).status, 401)

    const scrape = await server.request('GET', '/metrics', { token: METRICS_TOKEN })
    assert.equal(scrape.status, 200)
    assert.match(scrape.headers.get('content-type') ?? '', /^text\/plain/)
    const text = scrape.text
    assert.equal(sample(text, 'http_requests_total', { method: 'GET', route: '/v1/contract-owners', status_code: '200' }), 3)
    assert.equal(sample(text, 'http_requests_total', { method: 'GET', route: '/v1/contract-owners/:contractOwnerId', status_code: '404' }), 1)
    assert.equal(sample(text, 'http_requests_total', { method: 'GET', route: '/v1/contract-owners', status_code: '401' }), 1)
    assert.equal(sample(text, 'http_requests_total', { method: 'POST', route: '/v1/authenticate', status_code: '200' }), 1)
    assert.equal(sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: '/v1/contract-owners', status_code: '200' }), 3)
    assert.equal(sample(text, 'http_request_duration_seconds_bucket', { method: 'GET', route: '/v1/contract-owners', status_code: '200', le: '+Inf' }), 3)
    assert.equal(sample(text, 'elevate_db_pool_max', { pool: 'tenant' }), server.config.dbPoolSize)
    assert.ok((sample(text, 'elevate_db_pool_connections', { pool: 'tenant', state: 'idle' }) ?? -1) >= 1, 'the tenant pool has an idle connection after the reads')
    assert.equal(sample(text, 'elevate_db_pool_waiting', { pool: 'system' }), 0)
    assert.match(text, /^nodejs_eventloop_lag_seconds \d/m)
    assert.match(text, /^process_resident_memory_bytes \d/m)
    // The labels, not the whole text: a sample's value (bytes, seconds) may hold those digits.
    const routes = new Set(Array.from(text.matchAll(/route="([^"]*)"/g), (match) => match[1] ?? ''))
    assert.ok(routes.has('/v1/contract-owners/:contractOwnerId'))
    assert.ok(![...routes].some((route) => route.includes('424242')), `no raw paths, only route patterns: ${[...routes].join(', ')}`)
  })

  it('needs its own token: none is 401, a user’s token or a wrong one is 401 invalid_token', async () => {
    const none = await server.request('GET', '/metrics')
    assertError(none, 401, 'authentication_required', '/metrics')
    assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer/)
    const user = await server.request('GET', '/metrics', { token: await server.login() })
    assertError(user, 401, 'invalid_token', '/metrics')
    assertError(await server.request('GET', '/metrics', { token: `${METRICS_TOKEN}x` }), 401, 'invalid_token')
  })
})

describe('GET /metrics without ELEVATE_METRICS_TOKEN', () => {
  let server: TestServer
  before(async () => {
    server = await startTestServer()
  })
  after(() => server.close())

  it('does not exist', async () => {
    assertError(await server.request('GET', '/metrics'), 404, 'route_not_found', '/metrics')
  })
})
