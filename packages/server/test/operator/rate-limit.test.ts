import assert from 'node:assert/strict'
import { connect } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { assertError } from '../helpers/assertions.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

const LIST = '/v1/contract-owners?page=1&pageSize=10'
const REDIS_URL = process.env.ELEVATE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

function assertRateLimited(response: Awaited<ReturnType<TestServer['request']>>, path: string): void {
  assertError(response, 429, 'rate_limited', path)
  const retryAfter = Number(response.headers.get('retry-after'))
  assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`)
}

describe('the general rate limit (in memory)', () => {
  let server: TestServer
  before(async () => {
    server = await startTestServer({ rateLimitMax: 3, rateLimitWindowSeconds: 60 })
  })
  after(() => server.close())

  it('counts per token: the fourth request of a token is 429 with Retry-After, another token goes on', async () => {
    const [first, second] = [await server.login(), await server.login()]
    for (let i = 0; i < 3; i++) {
      const response = await server.request('GET', LIST, { token: first })
      assert.equal(response.status, 200)
      assert.equal(response.headers.get('x-ratelimit-remaining'), String(2 - i))
    }
    assertRateLimited(await server.request('GET', LIST, { token: first }), '/v1/contract-owners')
    assert.equal((await server.request('GET', LIST, { token: second })).status, 200)
  })

  it('never limits health checks', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await server.request('GET', '/health/live')).status, 200)
  })
})

describe('the general rate limit (Redis, shared by instances)', () => {
  let a: TestServer | undefined
  let b: TestServer | undefined
  let database: TestDatabase | undefined
  let skip: string | false = false
  before(async () => {
    skip = (await reachable(REDIS_URL)) ? false : `no Redis at ${REDIS_URL} (set ELEVATE_TEST_REDIS_URL)`
    if (skip !== false) return
    database = await createTestDatabase()
    const config = { rateLimitMax: 4, rateLimitWindowSeconds: 60, redisUrl: REDIS_URL }
    a = await startTestServer(config, database)
    b = await startTestServer(config, database)
  })
  after(async () => {
    await a?.close()
    await b?.close()
    await database?.drop()
  })

  it('counts one client across two instances', async (t) => {
    if (skip !== false) return t.skip(skip)
    // Logged in on an unlimited instance: in Redis the address (127.0.0.1) is shared with other runs.
    const unlimited = await startTestServer({}, database)
    const token = await unlimited.login().finally(() => unlimited.close())
    for (const server of [a!, b!, a!, b!]) assert.equal((await server.request('GET', LIST, { token })).status, 200)
    assertRateLimited(await b!.request('GET', LIST, { token }), '/v1/contract-owners')
    assertRateLimited(await a!.request('GET', LIST, { token }), '/v1/contract-owners')
  })
})

describe('load shedding', () => {
  let server: TestServer
  before(async () => {
    server = await startTestServer({ maxEventLoopDelayMs: 1, retryAfterSeconds: 7 })
  })
  after(() => server.close())

  it('answers 503 server_overloaded with Retry-After while the event loop lags; health checks still answer', async () => {
    // The server runs in this process: blocking this thread is the lag. Start-up is not judged, so
    // block until a request is shed (each block is the work, not a wait).
    let shed: Awaited<ReturnType<TestServer['request']>> | undefined
    for (let attempt = 0; attempt < 20 && shed === undefined; attempt++) {
      const pending = server.request('GET', '/v1/contract-owners')
      const until = performance.now() + 300
      while (performance.now() < until) {
        // busy: the event loop cannot turn
      }
      const response = await pending
      if (response.status === 503) shed = response
    }
    assert.ok(shed !== undefined, 'a request was shed')
    assertError(shed, 503, 'server_overloaded', '/v1/contract-owners')
    assert.equal(shed.headers.get('retry-after'), '7')
    const until = performance.now() + 300
    while (performance.now() < until) {
      // busy again, then a health check
    }
    assert.equal((await server.request('GET', '/health/live')).status, 200)
  })
})

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) })
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })
}
