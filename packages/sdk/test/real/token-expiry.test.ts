import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { ElevateClient, type LoginResult } from '../../src/index.ts'
import { ADMIN, startRealServer, type RealServer } from '../helpers/real-server.ts'

/** What went over the wire: method, path and status of every exchange. */
interface Exchange {
  path: string
  status: number
  code?: string
}

/**
 * Real expired tokens: the server runs with ELEVATE_TOKEN_TTL_SECONDS=6, and the tests poll the
 * clock until a token's `expiresAt` has passed (and check the server agrees) rather than sleeping.
 * Not shorter: the server rounds a token's issue time down to the second and the client renews at
 * half its lifetime, so with 2 s a fresh token was due for renewal after 0.5 s, and a busy machine
 * pausing that long between a login and the request using it made an extra login.
 */
describe('token expiry against the real server', () => {
  let server: RealServer
  before(async () => {
    server = await startRealServer({ ELEVATE_TOKEN_TTL_SECONDS: '6' })
  })
  after(() => server?.stop())

  /** A fetch that records every exchange, codes of error bodies included. */
  function recordingFetch(exchanges: Exchange[]) {
    return async (url: string, init: RequestInit) => {
      const response = await fetch(url, init)
      const code = response.ok ? undefined : ((await response.clone().json()) as { code?: string }).code
      exchanges.push({ path: new URL(url).pathname, status: response.status, ...(code === undefined ? {} : { code }) })
      return response
    }
  }

  async function rawLogin(): Promise<LoginResult> {
    const response = await fetch(`${server.url}/v1/authenticate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    })
    assert.equal(response.status, 200)
    return (await response.json()) as LoginResult
  }

  /** Waits until the server rejects `login`'s token as expired; polls, never a blind sleep. */
  async function untilExpired(login: LoginResult): Promise<void> {
    const expiresAt = Date.parse(login.expiresAt)
    while (Date.now() < expiresAt) await new Promise((resolve) => setTimeout(resolve, 25))
    const response = await fetch(`${server.url}/v1/user-roles/1`, { headers: { authorization: `Bearer ${login.token}` } })
    assert.equal(response.status, 401)
    assert.equal(((await response.json()) as { code: string }).code, 'token_expired')
  }

  it('logs in again before using a token that has expired (credentials)', async () => {
    const exchanges: Exchange[] = []
    const client = new ElevateClient({ baseUrl: server.url, ...ADMIN, fetch: recordingFetch(exchanges) })
    const login = await client.authenticate()
    await untilExpired(login)
    const role = await client.userRoles.get(1)
    assert.equal(role.name, 'Administrator')
    assert.deepEqual(exchanges, [
      { path: '/v1/authenticate', status: 200 },
      { path: '/v1/authenticate', status: 200 },
      { path: '/v1/user-roles/1', status: 200 },
    ])
  })

  it('refreshes after a 401 token_expired and retries once (token provider)', async () => {
    const exchanges: Exchange[] = []
    const expired = await rawLogin()
    await untilExpired(expired)
    const asked: boolean[] = []
    const client = new ElevateClient({
      baseUrl: server.url,
      fetch: recordingFetch(exchanges),
      tokenProvider: async ({ forceRefresh }) => {
        asked.push(forceRefresh)
        return forceRefresh ? (await rawLogin()).token : expired.token
      },
    })
    const roles = await client.userRoles.list({ page: 1, pageSize: 10 })
    assert.equal(roles.length, 3)
    assert.deepEqual(asked, [false, true])
    assert.deepEqual(exchanges, [
      { path: '/v1/user-roles', status: 401, code: 'token_expired' },
      { path: '/v1/user-roles', status: 200 },
    ])
  })

  it('shares one refresh among concurrent requests whose token expired', async () => {
    const expired = await rawLogin()
    await untilExpired(expired)
    let refreshes = 0
    const client = new ElevateClient({
      baseUrl: server.url,
      tokenProvider: async ({ forceRefresh }) => {
        if (!forceRefresh) return expired.token
        refreshes += 1
        return (await rawLogin()).token
      },
    })
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => client.userRoles.get((i % 3) + 1)))
    assert.equal(results.length, 10)
    assert.equal(refreshes, 1)
  })
})
