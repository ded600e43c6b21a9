import assert from 'node:assert/strict'
import { inspect } from 'node:util'
import { afterEach, describe, it } from 'node:test'
import { ElevateClient, redact, ServerError } from '../../src/index.ts'
import { CREDENTIALS, attemptLines, faultClient, finalLines } from '../helpers/clients.ts'
import { errorReply, loginReply, ok, routes, sequence, startFaultServer, type FaultServer } from '../helpers/fault-server.ts'

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl'

describe('logging with context (tip 5)', () => {
  let server: FaultServer
  afterEach(() => server.close())

  it('writes one line per failed attempt and one per final failure, with the context to find it', async () => {
    server = await startFaultServer(routes({ api: sequence(errorReply(503, 'database_unavailable', { headers: { 'retry-after': '1' } }), errorReply(500, 'internal_error')) }))
    const { client, lines } = faultClient(server)
    const error = await client.userRoles.get(42).catch((e: unknown) => e)
    assert.ok(error instanceof ServerError)
    assert.equal(lines.length, 4)
    const [first, second] = attemptLines(lines)
    assert.equal(first?.level, 'warn')
    assert.match(first?.message ?? '', /attempt 1 failed: GET \/v1\/user-roles\/42 → 503 database_unavailable/)
    assert.deepEqual(
      { ...first?.fields, requestId: typeof first?.fields.requestId, durationMs: typeof first?.fields.durationMs },
      {
        method: 'GET',
        path: '/v1/user-roles/42',
        status: 503,
        code: 'database_unavailable',
        requestId: 'string',
        attempt: 1,
        retryAfterMs: 1_000,
        delayMs: 1_000,
        durationMs: 'number',
        next: 'retry',
        errorClass: 'ServerError',
        errorMessage: 'database_unavailable happened',
      },
    )
    assert.equal(second?.fields.delayMs, 500)
    const [final] = finalLines(lines)
    assert.equal(final?.level, 'error')
    assert.equal(final?.fields.requestId, error.requestId)
    assert.equal(final?.fields.attempts, 3)
  })

  it('calls a pino-style logger with the fields first and the message second', async () => {
    server = await startFaultServer(routes({ api: sequence(errorReply(404, 'not_found')) }))
    const calls: unknown[][] = []
    const pinoLike = {
      warn: (...args: unknown[]) => calls.push(args),
      error: (...args: unknown[]) => calls.push(args),
      bindings: () => ({}),
      child: () => pinoLike,
    }
    const client = new ElevateClient({ baseUrl: server.url, ...CREDENTIALS, logger: pinoLike })
    await client.userRoles.get(1).catch(() => undefined)
    assert.equal(calls.length, 2)
    for (const [fields, message] of calls) {
      assert.equal(typeof fields, 'object')
      assert.equal(typeof message, 'string')
    }
    const consoleStyle: unknown[][] = []
    const forced = new ElevateClient({ baseUrl: server.url, ...CREDENTIALS, logStyle: 'console', logger: { ...pinoLike, warn: (...a: unknown[]) => consoleStyle.push(a) } })
    await forced.userRoles.get(1).catch(() => undefined)
    assert.equal(typeof consoleStyle[0]?.[0], 'string')
  })

  it('never logs the password or a token, even when an error message echoes them', async () => {
    const echo = `Bearer ${JWT} rejected for password=${CREDENTIALS.password}`
    server = await startFaultServer(
      routes({
        login: sequence(errorReply(503, 'database_unavailable', { message: echo }), loginReply(JWT)),
        api: sequence(errorReply(401, 'token_expired', { message: `token ${JWT} expired` }), ok({ id: 1 })),
      }),
    )
    const { client, lines } = faultClient(server)
    await client.userRoles.get(1)
    const everything = JSON.stringify(lines)
    assert.ok(lines.length >= 2)
    assert.ok(!everything.includes(JWT), everything)
    assert.ok(!everything.includes('c2lnbmF0dXJl'))
    assert.ok(!everything.includes(CREDENTIALS.password), everything)
    assert.match(everything, /\[redacted\]/)
    assert.ok(!inspect(client, { depth: 10, showHidden: true }).includes(CREDENTIALS.password))
    assert.ok(!inspect(client, { depth: 10, showHidden: true }).includes(JWT))
  })

  it('survives a logger that throws', async () => {
    server = await startFaultServer(routes({ api: sequence(errorReply(503, 'x'), ok({ id: 1 })) }))
    const broken = { warn: () => { throw new Error('disk full') }, error: () => { throw new Error('disk full') } }
    const { client } = faultClient(server, { logger: broken })
    assert.deepEqual(await client.userRoles.get(1), { id: 1 })
  })
})

describe('redact', () => {
  it('hides secrets by field name at any depth and by pattern in text', () => {
    assert.deepEqual(
      redact({
        Authorization: 'Bearer abc',
        nested: { password: 'p', clientSecret: 's', apiKey: 'k', refresh_token: 't', fine: 'visible' },
        list: [{ cookie: 'c' }],
        note: `sent Bearer abc.def and ${JWT} to http://user:pw@host/x?token=abc&page=2, password: "hunter2"`,
        count: 3,
      }),
      {
        Authorization: '[redacted]',
        nested: { password: '[redacted]', clientSecret: '[redacted]', apiKey: '[redacted]', refresh_token: '[redacted]', fine: 'visible' },
        list: [{ cookie: '[redacted]' }],
        note: 'sent Bearer [redacted] and [redacted] to http://[redacted]@host/x?token=[redacted]&page=2, password: "[redacted]"',
        count: 3,
      },
    )
  })
})
