import assert from 'node:assert/strict'
import { afterEach, describe, it } from 'node:test'
import { RateLimitError, ServerError, NotFoundError, backoffDelay } from '../../src/index.ts'
import { attemptLines, faultClient, finalLines } from '../helpers/clients.ts'
import { errorReply, ok, routes, sequence, startFaultServer, type FaultServer, type Reply } from '../helpers/fault-server.ts'

const ROLE = { id: 1, name: 'Administrator', permissions: ['users:read'] }

describe('retries with backoff (tip 3)', () => {
  let server: FaultServer
  afterEach(() => server.close())

  async function serve(...replies: Reply[]) {
    server = await startFaultServer(routes({ api: sequence(...replies) }))
    return faultClient(server)
  }

  it('retries a 503 and resolves with the data of the 200 that follows', async () => {
    const { client, delays, lines } = await serve(errorReply(503, 'database_unavailable'), ok(ROLE))
    assert.deepEqual(await client.userRoles.get(1), ROLE)
    assert.equal(server.apiRequests().length, 2)
    assert.deepEqual(delays, [250]) // full jitter: 0.5 × min(8000, 500 × 2^0)
    assert.equal(attemptLines(lines).length, 1)
    assert.equal(finalLines(lines).length, 0)
  })

  it('gives up after three 500s, logging each attempt and the final failure', async () => {
    const { client, delays, lines } = await serve(errorReply(500, 'internal_error'))
    const error = await client.userRoles.get(1).catch((e: unknown) => e)
    assert.ok(error instanceof ServerError)
    assert.equal(error.status, 500)
    assert.equal(error.code, 'internal_error')
    assert.equal(error.attempt, 3)
    assert.match(error.requestId ?? '', /^[0-9a-f-]{36}$/)
    assert.equal(server.apiRequests().length, 3)
    assert.deepEqual(delays, [250, 500])
    const attempts = attemptLines(lines)
    assert.deepEqual(attempts.map((line) => line.fields.attempt), [1, 2, 3])
    assert.deepEqual(attempts.map((line) => line.fields.delayMs), [250, 500, undefined])
    assert.deepEqual(attempts.map((line) => line.fields.next), ['retry', 'retry', 'give_up'])
    const [final] = finalLines(lines)
    assert.equal(final?.level, 'error')
    assert.equal(final?.fields.attempts, 3)
    assert.equal(final?.fields.requestId, error.requestId)
  })

  it('waits as long as Retry-After says, in seconds', async () => {
    const { client, delays } = await serve(errorReply(503, 'database_unavailable', { headers: { 'retry-after': '7' } }), ok(ROLE))
    await client.userRoles.get(1)
    assert.deepEqual(delays, [7_000])
  })

  it('waits until a Retry-After HTTP date', async () => {
    const at = new Date(Date.now() + 6_000).toUTCString()
    const { client, delays } = await serve(errorReply(429, 'rate_limited', { headers: { 'retry-after': at } }), ok(ROLE))
    const before = Date.now()
    await client.userRoles.get(1)
    const after = Date.now()
    assert.equal(delays.length, 1)
    // Until that moment, as the client's clock read it during the call (the date has whole seconds).
    const until = Date.parse(at)
    assert.ok(delays[0]! >= until - after && delays[0]! <= until - before, `waited ${delays[0]} ms for ${until - after}-${until - before}`)
  })

  it('ends the retries when Retry-After is above maxRetryAfterMs, and the error carries it', async () => {
    const { client, delays, lines } = await serve(errorReply(429, 'rate_limited', { headers: { 'retry-after': '120' } }), ok(ROLE))
    const error = await client.userRoles.get(1).catch((e: unknown) => e)
    assert.ok(error instanceof RateLimitError)
    assert.equal(error.retryAfterMs, 120_000)
    assert.equal(server.apiRequests().length, 1)
    assert.deepEqual(delays, [])
    assert.equal(attemptLines(lines)[0]?.fields.reason, 'retry_after_too_long')
  })

  it('honours a lower maxRetryAfterMs and more attempts when configured', async () => {
    server = await startFaultServer(routes({ api: sequence(errorReply(503, 'database_unavailable', { headers: { 'retry-after': '2' } })) }))
    const { client, delays } = faultClient(server, { maxRetryAfterMs: 1_000 })
    await assert.rejects(client.userRoles.get(1), ServerError)
    assert.deepEqual(delays, [])
    await server.close()
    server = await startFaultServer(routes({ api: sequence(errorReply(502, 'bad_gateway')) }))
    const more = faultClient(server, { retry: { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 300 } })
    await assert.rejects(more.client.userRoles.get(1), ServerError)
    assert.equal(server.apiRequests().length, 5)
    assert.deepEqual(more.delays, [50, 100, 150, 150]) // 0.5 × min(300, 100 × 2^n)
  })

  it('does not retry a 4xx', async () => {
    const { client, delays } = await serve(errorReply(404, 'not_found'), ok(ROLE))
    await assert.rejects(client.userRoles.get(1), NotFoundError)
    assert.equal(server.apiRequests().length, 1)
    assert.deepEqual(delays, [])
  })

  it('retries 429, 500, 502, 503 and 504 but not 501', async () => {
    for (const status of [429, 500, 502, 503, 504]) {
      const { client } = faultClient(await restart(sequence(errorReply(status, 'x'), ok(ROLE))))
      await client.userRoles.get(1)
      assert.equal(server.apiRequests().length, 2, `status ${status}`)
    }
    const { client } = faultClient(await restart(sequence(errorReply(501, 'x'), ok(ROLE))))
    await assert.rejects(client.userRoles.get(1), ServerError)
    assert.equal(server.apiRequests().length, 1)
  })

  it('retries PATCH only with If-Match and POST only with an Idempotency-Key', async () => {
    const cases: Array<[Record<string, string>, 'PATCH' | 'POST', number]> = [
      [{}, 'PATCH', 1],
      [{ 'if-match': '"v1"' }, 'PATCH', 2],
      [{}, 'POST', 1],
      [{ 'idempotency-key': 'my-key' }, 'POST', 2],
    ]
    for (const [headers, method, expected] of cases) {
      const { client } = faultClient(await restart(sequence(errorReply(503, 'database_unavailable'), ok(ROLE))))
      await client.request({ method, path: '/v1/things/1', body: {}, headers }).catch(() => undefined)
      assert.equal(server.apiRequests().length, expected, `${method} ${JSON.stringify(headers)}`)
    }
  })

  it('retries a create whose first attempt is still running (409 idempotency_key_in_progress), not other 409s', async () => {
    const { client } = faultClient(await restart(sequence(errorReply(409, 'idempotency_key_in_progress'), ok(ROLE))))
    await client.request({ method: 'POST', path: '/v1/things', body: {}, headers: { 'idempotency-key': 'k1' } })
    const keys = server.apiRequests().map((r) => r.headers['idempotency-key'])
    assert.deepEqual(keys, ['k1', 'k1'])
    const conflict = faultClient(await restart(sequence(errorReply(409, 'already_exists'), ok(ROLE))))
    await conflict.client.request({ method: 'POST', path: '/v1/things', body: {}, headers: { 'idempotency-key': 'k2' } }).catch(() => undefined)
    assert.equal(server.apiRequests().length, 1)
  })

  async function restart(script: Parameters<typeof routes>[0]['api']): Promise<FaultServer> {
    if (server !== undefined) await server.close()
    server = await startFaultServer(routes({ api: script }))
    return server
  }
})

describe('backoffDelay', () => {
  it('is a uniform draw below min(cap, base × 2^(attempt-1))', () => {
    const options = { baseDelayMs: 500, maxDelayMs: 8_000 }
    assert.equal(backoffDelay(1, { ...options, random: () => 0.999 }), 499)
    assert.equal(backoffDelay(3, { ...options, random: () => 0.5 }), 1_000)
    assert.equal(backoffDelay(10, { ...options, random: () => 0.5 }), 4_000)
    assert.equal(backoffDelay(4, { ...options, random: () => 0 }), 0)
  })
})
