import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { SignJWT, UnsecuredJWT } from 'jose'
import { createUser } from '../helpers/accounts.ts'
import { assertError } from '../helpers/assertions.ts'
import { ADMIN, startTestServer, type TestServer } from '../helpers/server.ts'

const LIST = '/v1/user-roles?page=1&pageSize=10'

describe('401 Unauthorized', () => {
  let server: TestServer
  let secret: Uint8Array
  let brandId: number
  let adminId: number
  let sessionVersion: number

  /** A token like the server's own, with the given changes. */
  async function forge(changes: { key?: Uint8Array; exp?: number; nbf?: number; iss?: string; sub?: string } = {}) {
    const now = Math.floor(Date.now() / 1000)
    return new SignJWT({ brandId, username: ADMIN.username, roles: [], sv: sessionVersion })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(changes.sub ?? String(adminId))
      .setIssuer(changes.iss ?? 'elevate-api')
      .setAudience('elevate-api')
      .setIssuedAt(now - 60)
      .setNotBefore(changes.nbf ?? now - 60)
      .setExpirationTime(changes.exp ?? now + 600)
      .sign(changes.key ?? secret)
  }

  before(async () => {
    server = await startTestServer()
    await server.login() // makes the signing key
    const key = await server.db.system.selectFrom('signing_keys').select('secret').executeTakeFirstOrThrow()
    secret = new Uint8Array(key.secret)
    const admin = await server.db.system.selectFrom('users').select(['id', 'brand_id', 'session_version']).where('username', '=', ADMIN.username).executeTakeFirstOrThrow()
    brandId = admin.brand_id
    adminId = admin.id
    sessionVersion = admin.session_version
  })
  after(() => server.close())

  it('accepts a token forged with the right key (so the rejections below are for their flaw alone)', async () => {
    const response = await server.request('GET', LIST, { token: await forge() })
    assert.equal(response.status, 200)
  })

  it('asks for credentials when none are sent', async () => {
    const response = await server.request('GET', LIST)
    assertError(response, 401, 'authentication_required', '/v1/user-roles')
    assert.equal(response.headers.get('www-authenticate'), 'Bearer realm="elevate-api"')
  })

  const rejected: Array<[string, () => Promise<Record<string, string>>, string]> = [
    ['garbage', async () => ({ authorization: 'Bearer not-a-token' }), 'invalid_token'],
    ['another scheme', async () => ({ authorization: 'Basic YWRtaW46cGFzc3dvcmQ=' }), 'invalid_token'],
    ['an expired token', async () => ({ authorization: `Bearer ${await forge({ exp: Math.floor(Date.now() / 1000) - 30 })}` }), 'token_expired'],
    ['a token not valid yet', async () => ({ authorization: `Bearer ${await forge({ nbf: Math.floor(Date.now() / 1000) + 3600 })}` }), 'invalid_token'],
    ['a tampered signature', async () => {
      const [header, payload, signature] = (await forge()).split('.')
      const flipped = (signature![0] === 'A' ? 'B' : 'A') + signature!.slice(1)
      return { authorization: `Bearer ${header}.${payload}.${flipped}` }
    }, 'invalid_token'],
    ['a tampered payload', async () => {
      const [header, , signature] = (await forge()).split('.')
      const payload = Buffer.from(JSON.stringify({ sub: '1', brandId: 999, iss: 'elevate-api', aud: 'elevate-api', exp: 9999999999, iat: 1, nbf: 1 })).toString('base64url')
      return { authorization: `Bearer ${header}.${payload}.${signature}` }
    }, 'invalid_token'],
    ['alg: none', async () => {
      const unsecured = new UnsecuredJWT({ brandId, username: 'admin' }).setSubject(String(adminId)).setIssuer('elevate-api').setAudience('elevate-api').setIssuedAt().setNotBefore('0s').setExpirationTime('10m').encode()
      return { authorization: `Bearer ${unsecured}` }
    }, 'invalid_token'],
    ['another key', async () => ({ authorization: `Bearer ${await forge({ key: new TextEncoder().encode('x'.repeat(32)) })}` }), 'invalid_token'],
    ['another issuer', async () => ({ authorization: `Bearer ${await forge({ iss: 'someone-else' })}` }), 'invalid_token'],
    ['a user that does not exist', async () => ({ authorization: `Bearer ${await forge({ sub: '987654' })}` }), 'invalid_token'],
  ]
  for (const [name, headers, code] of rejected) {
    it(`rejects ${name} with ${code}`, async () => {
      const response = await server.request('GET', LIST, { headers: await headers() })
      assertError(response, 401, code)
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer realm="elevate-api", error="invalid_token"/)
    })
  }

  it('rejects a disabled user even with an unexpired token, and refuses their login', async () => {
    const password = 'disabled-user-password'
    const userId = await createUser(server.db.system, { brandId, username: 'soon-disabled', password, roles: ['Read Only'] })
    const token = await server.login({ brand: ADMIN.brand, username: 'soon-disabled', password })
    assert.equal((await server.request('GET', LIST, { token })).status, 200)

    await server.db.system.updateTable('users').set({ enabled: false }).where('id', '=', userId).execute()
    const response = await server.request('GET', LIST, { token })
    assertError(response, 401, 'account_disabled')
    assert.match(response.headers.get('www-authenticate') ?? '', /error="invalid_token"/)

    const login = await server.request('POST', '/v1/authenticate', { json: { brand: ADMIN.brand, username: 'soon-disabled', password } })
    assertError(login, 401, 'account_disabled')
  })

  it('gives one answer for a wrong brand, an unknown user and a wrong password', async () => {
    const attempts = [
      { brand: 'no-such-brand', username: ADMIN.username, password: ADMIN.password },
      { brand: ADMIN.brand, username: 'nobody', password: ADMIN.password },
      { brand: ADMIN.brand, username: ADMIN.username, password: 'wrong-password' },
    ]
    const bodies = []
    for (const credentials of attempts) {
      const response = await server.request('POST', '/v1/authenticate', { json: credentials })
      assertError(response, 401, 'invalid_credentials', '/v1/authenticate')
      const { requestId: _r, timestamp: _t, ...rest } = response.body
      bodies.push(rest)
    }
    assert.deepEqual(bodies[0], bodies[1])
    assert.deepEqual(bodies[1], bodies[2])
  })

  it('never logs the password or the token', async () => {
    const token = await server.login()
    await server.request('GET', LIST, { token })
    await server.request('POST', '/v1/authenticate', { json: { ...ADMIN, password: 'a-secret-guess' } })
    const logged = JSON.stringify(server.logs)
    assert.ok(!logged.includes(ADMIN.password))
    assert.ok(!logged.includes('a-secret-guess'))
    assert.ok(!logged.includes(token))
    assert.ok(server.logs.some((line) => line.action === 'user-login-failure'), 'a login failure is a logged security event')
  })
})
