import assert from 'node:assert/strict'
import { afterEach, describe, it } from 'node:test'
import { AuthenticationError, ElevateClient, PermissionError, ServerError } from '../../src/index.ts'
import { CREDENTIALS, attemptLines, faultClient } from '../helpers/clients.ts'
import {
  bearerOf,
  errorReply,
  loginReply,
  ok,
  routes,
  sequence,
  startFaultServer,
  type FaultServer,
  type Script,
} from '../helpers/fault-server.ts'

const ROLE = { id: 1, name: 'Administrator', permissions: ['users:read'] }

/** An API that accepts only the tokens in `valid` and answers 401 `code` to any other. */
function acceptOnly(valid: Set<string>, code = 'token_expired'): Script {
  return (request) => (valid.has(bearerOf(request) ?? '') ? ok(ROLE) : errorReply(401, code, { headers: { 'www-authenticate': 'Bearer error="invalid_token"' } }))
}

describe('token refresh on 401 (tip 4)', () => {
  let server: FaultServer
  afterEach(() => server.close())

  it('logs in with the credentials on first use and sends the token as a Bearer', async () => {
    server = await startFaultServer(routes({ login: sequence(loginReply('first')), api: sequence(ok(ROLE)) }))
    const { client } = faultClient(server)
    await client.userRoles.get(1)
    assert.deepEqual(JSON.parse(server.logins()[0]!.body), CREDENTIALS)
    assert.equal(server.apiRequests()[0]!.headers.authorization, 'Bearer first')
  })

  it('shares one login among ten concurrent first requests', async () => {
    server = await startFaultServer(routes({ login: sequence(loginReply('first')), api: sequence(ok(ROLE)) }))
    const { client } = faultClient(server)
    await Promise.all(Array.from({ length: 10 }, () => client.userRoles.get(1)))
    assert.equal(server.logins().length, 1)
  })

  it('answers ten concurrent 401s with exactly one login, then retries each request once', async () => {
    const valid = new Set(['first'])
    let loginCount = 0
    const login: Script = () => {
      loginCount += 1
      return loginReply(loginCount === 1 ? 'first' : 'second')
    }
    server = await startFaultServer(routes({ login, api: acceptOnly(valid) }))
    const { client, lines } = faultClient(server)
    await client.authenticate()
    valid.clear() // the server now rejects 'first' as expired
    valid.add('second')
    const results = await Promise.all(Array.from({ length: 10 }, () => client.userRoles.get(1)))
    assert.equal(results.length, 10)
    assert.equal(server.logins().length, 2) // the explicit login, and one refresh for all ten
    assert.equal(server.apiRequests().length, 20)
    assert.equal(server.apiRequests().filter((r) => bearerOf(r) === 'second').length, 10)
    assert.equal(attemptLines(lines).filter((l) => l.fields.next === 'refresh_token').length, 10)
  })

  it('does not count the retry after a refresh against maxAttempts', async () => {
    const valid = new Set<string>()
    server = await startFaultServer(routes({ login: (_r, i) => loginReply(`t${i}`), api: acceptOnly(valid) }))
    const { client } = faultClient(server, { retry: { maxAttempts: 1 } })
    await client.authenticate()
    valid.add('t1')
    assert.deepEqual(await client.userRoles.get(1), ROLE)
  })

  it('refreshes once on invalid_token and never loops when the new token fails too', async () => {
    server = await startFaultServer(routes({ login: (_r, i) => loginReply(`t${i}`), api: acceptOnly(new Set(), 'invalid_token') }))
    const { client } = faultClient(server)
    const error = await client.userRoles.get(1).catch((e: unknown) => e)
    assert.ok(error instanceof AuthenticationError)
    assert.equal(error.code, 'invalid_token')
    assert.equal(server.logins().length, 2)
    assert.equal(server.apiRequests().length, 2)
  })

  for (const [status, code, ErrorClass] of [
    [403, 'insufficient_permission', PermissionError],
    [401, 'account_disabled', AuthenticationError],
    [401, 'authentication_required', AuthenticationError],
  ] as const) {
    it(`does not refresh or retry on ${status} ${code}`, async () => {
      server = await startFaultServer(routes({ api: sequence(errorReply(status, code), ok(ROLE)) }))
      const { client } = faultClient(server)
      const error = await client.userRoles.get(1).catch((e: unknown) => e)
      assert.ok(error instanceof ErrorClass)
      assert.equal(error.code, code)
      assert.equal(server.logins().length, 1)
      assert.equal(server.apiRequests().length, 1)
    })
  }

  it('fails the request with the login’s own error on invalid_credentials, logging in once', async () => {
    server = await startFaultServer(routes({ login: sequence(errorReply(401, 'invalid_credentials')), api: sequence(ok(ROLE)) }))
    const { client } = faultClient(server)
    const error = await client.userRoles.get(1).catch((e: unknown) => e)
    assert.ok(error instanceof AuthenticationError)
    assert.equal(error.code, 'invalid_credentials')
    assert.equal(error.path, '/v1/authenticate')
    assert.equal(server.logins().length, 1)
    assert.equal(server.apiRequests().length, 0)
  })

  it('retries the login itself on a 503, and gives up on it after the attempts', async () => {
    server = await startFaultServer(routes({ login: sequence(errorReply(503, 'database_unavailable'), loginReply('ok')), api: sequence(ok(ROLE)) }))
    await faultClient(server).client.userRoles.get(1)
    assert.equal(server.logins().length, 2)
    await server.close()
    server = await startFaultServer(routes({ login: sequence(errorReply(503, 'database_unavailable')), api: sequence(ok(ROLE)) }))
    await assert.rejects(faultClient(server).client.userRoles.get(1), ServerError)
    assert.equal(server.logins().length, 3) // not 3 × 3: the request does not retry a failed login
  })

  it('renews a token past its refresh time before using it, without waiting for a 401', async () => {
    // Two seconds, not less: a token already expired when the client reads it is kept until a 401.
    server = await startFaultServer(routes({ login: (_r, i) => loginReply(`t${i}`, 2_000), api: acceptOnly(new Set(['t1'])) }))
    const { client } = faultClient(server)
    const { expiresAt } = await client.authenticate()
    await waitUntil(Date.parse(expiresAt))
    await client.userRoles.get(1)
    assert.equal(server.logins().length, 2)
    assert.deepEqual(server.apiRequests().map(bearerOf), ['t1'])
  })

  it('asks a tokenProvider again with forceRefresh once for many concurrent 401s', async () => {
    const valid = new Set(['fresh'])
    server = await startFaultServer(routes({ api: acceptOnly(valid) }))
    const calls: boolean[] = []
    const client = new ElevateClient({
      baseUrl: server.url,
      tokenProvider: async ({ forceRefresh }) => {
        calls.push(forceRefresh)
        return forceRefresh ? 'fresh' : 'stale'
      },
      retry: { sleep: async () => {} },
    })
    await Promise.all(Array.from({ length: 10 }, () => client.userRoles.get(1)))
    assert.equal(calls.filter((force) => force).length, 1)
    assert.equal(server.logins().length, 0)
    await assert.rejects(client.authenticate(), TypeError)
  })
})

/** Polls the clock until `time` has passed (the token's refresh point); no fixed sleep. */
async function waitUntil(time: number): Promise<void> {
  while (Date.now() <= time) await new Promise((resolve) => setTimeout(resolve, 5))
}
