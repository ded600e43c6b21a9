import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ElevateClient,
  MethodNotAllowedError,
  NotAcceptableError,
  NotFoundError,
  PayloadTooLargeError,
  PermissionError,
  RateLimitError,
  UnsupportedMediaTypeError,
  type ElevateClientOptions,
  type UserRole,
} from '../../src/index.ts'
import { captureLogger } from '../helpers/clients.ts'
import { ADMIN, startRealServer, type RealServer } from '../helpers/real-server.ts'

/** The seeded roles of a new brand, in id order. */
const SEEDED_ROLE_NAMES = ['Administrator', 'Customer Manager', 'Read Only']

describe('against the real server', () => {
  let server: RealServer
  let client: ElevateClient
  const logins: number[] = []

  before(async () => {
    // Two failed logins per user and address, then 429 for the rest of a 15-minute window.
    server = await startRealServer({ ELEVATE_LOGIN_MAX_FAILURES: '2' })
    await server.addUser({ username: 'manager', password: 'manager-password-1', roles: ['Customer Manager'] })
    await server.addUser({ username: 'leaver', password: 'leaver-password-1', roles: ['Read Only'], enabled: false })
    client = connect({
      fetch: (url, init) => {
        if (url.endsWith('/v1/authenticate')) logins.push(Date.now())
        return fetch(url, init)
      },
    })
  })
  after(() => server?.stop())

  function connect(options: Partial<ElevateClientOptions> = {}): ElevateClient {
    return new ElevateClient({ baseUrl: server.url, ...ADMIN, ...options } as ElevateClientOptions)
  }

  /** The error a call rejects with; fails the test if it resolves. */
  async function failure(call: Promise<unknown>): Promise<ApiError> {
    const error = await call.then(
      () => assert.fail('expected the call to fail'),
      (e: unknown) => e,
    )
    assert.ok(error instanceof ApiError, `not an ApiError: ${String(error)}`)
    assert.match(error.requestId ?? '', /.+/)
    assert.equal(error.requestId, error.headers.get('x-request-id'))
    return error
  }

  describe('login and user roles', () => {
    it('logs in explicitly and learns when the token expires', async () => {
      const login = await client.authenticate()
      assert.equal(login.username, ADMIN.username)
      assert.ok(Date.parse(login.expiresAt) > Date.now())
    })

    it('lists a page of roles with the whole items', async () => {
      const roles: UserRole[] = await client.userRoles.list({ page: 1, pageSize: 2 })
      assert.deepEqual(roles.map((role) => role.name), SEEDED_ROLE_NAMES.slice(0, 2))
      assert.ok(roles.every((role) => Array.isArray(role.permissions)))
    })

    it('lists only the fields asked for, filtered and sorted', async () => {
      const query = { page: 1, pageSize: 10, fields: 'id,name', name: 'in:Read Only,Customer Manager', sort: 'name:desc' }
      const roles = await client.userRoles.list(query)
      assert.deepEqual(roles.map((role) => Object.keys(role).sort()), [['id', 'name'], ['id', 'name']])
      assert.deepEqual(roles.map((role) => role.name), ['Read Only', 'Customer Manager'])
      const like = await client.userRoles.list({ page: 1, pageSize: 10, name: 'like:ONLY' })
      assert.deepEqual(like.map((role) => role.name), ['Read Only'])
    })

    it('gets one role', async () => {
      const [first] = await client.userRoles.list({ page: 1, pageSize: 1 })
      const role = await client.userRoles.get(first!.id)
      assert.equal(role.name, 'Administrator')
      assert.ok(role.permissions.includes('users:read'))
    })

    it('walks every page with listAll, following the server’s Link header', async () => {
      const names: string[] = []
      for await (const role of client.userRoles.listAll({}, { pageSize: 1 })) names.push(role.name)
      assert.deepEqual(names, SEEDED_ROLE_NAMES)
      const filtered: string[] = []
      for await (const role of client.userRoles.listAll({ name: 'in:Read Only,Administrator' }, { pageSize: 1 })) filtered.push(role.name)
      assert.deepEqual(filtered, ['Administrator', 'Read Only'])
    })

    it('logged in once for all of the above', () => {
      assert.equal(logins.length, 1)
    })
  })

  describe('every error the server can produce today, as its typed class', () => {
    it('400 invalid_query with every bad parameter', async () => {
      const error = await failure(client.userRoles.list({ page: 0, pageSize: 5000, sort: 'nope' }))
      assert.ok(error instanceof BadRequestError)
      assert.equal(error.code, 'invalid_query')
      assert.deepEqual(Object.keys(error.fieldErrors).sort(), ['page', 'pageSize'])
      assert.equal(error.path, '/v1/user-roles')
      assert.equal(error.method, 'GET')
    })

    it('400 invalid_path_parameter for an id that is not a number', async () => {
      const error = await failure(client.userRoles.get('abc'))
      assert.ok(error instanceof BadRequestError)
      assert.equal(error.code, 'invalid_path_parameter')
    })

    it('400 validation_failed and malformed_json on the login endpoint', async () => {
      const invalid = await failure(client.request({ method: 'POST', path: '/v1/authenticate', auth: false, body: { brand: '', username: 'a' } }))
      assert.ok(invalid instanceof BadRequestError)
      assert.equal(invalid.code, 'validation_failed')
      assert.deepEqual(invalid.errors.map((e) => `${e.field}:${e.code}`).sort(), ['brand:too_short', 'password:required'])
      const malformed = await failure(
        client.request({ method: 'POST', path: '/v1/authenticate', auth: false, body: '{"brand":', headers: { 'content-type': 'application/json' } }),
      )
      assert.ok(malformed instanceof BadRequestError)
      assert.equal(malformed.code, 'malformed_json')
    })

    it('401 invalid_credentials for a wrong password, without a second login', async () => {
      const { logger, lines } = captureLogger()
      const wrong = connect({ password: 'not-the-password', logger })
      const error = await failure(wrong.userRoles.list({ page: 1, pageSize: 1 }))
      assert.ok(error instanceof AuthenticationError)
      assert.equal(error.code, 'invalid_credentials')
      assert.equal(lines.filter((line) => line.message.includes('request failed')).length, 1)
      assert.ok(!JSON.stringify(lines).includes('not-the-password'))
    })

    it('429 rate_limited after repeated failed logins, not retried past maxRetryAfterMs', async () => {
      const { logger, lines } = captureLogger()
      const guesser = connect({ username: 'guesser', password: 'wrong-password-1', logger })
      for (let i = 0; i < 2; i++) assert.equal((await failure(guesser.authenticate())).code, 'invalid_credentials')
      const error = await failure(guesser.authenticate())
      assert.ok(error instanceof RateLimitError)
      assert.equal(error.code, 'rate_limited')
      assert.ok((error.retryAfterMs ?? 0) > 30_000, `Retry-After ${error.retryAfterMs} ms`)
      assert.equal(lines.at(-2)?.fields.reason, 'retry_after_too_long')
    })

    it('401 account_disabled for a disabled user', async () => {
      const error = await failure(connect({ username: 'leaver', password: 'leaver-password-1' }).authenticate())
      assert.ok(error instanceof AuthenticationError)
      assert.equal(error.code, 'account_disabled')
    })

    it('401 authentication_required without a token, and no refresh for it', async () => {
      const error = await failure(client.request({ method: 'GET', path: '/v1/user-roles', auth: false, query: { page: 1, pageSize: 1 } }))
      assert.ok(error instanceof AuthenticationError)
      assert.equal(error.code, 'authentication_required')
      assert.match(error.headers.get('www-authenticate') ?? '', /^Bearer/)
    })

    it('401 invalid_token: the provider is asked once more, then the error is final (no loop)', async () => {
      const asked: boolean[] = []
      const forged = new ElevateClient({
        baseUrl: server.url,
        tokenProvider: ({ forceRefresh }) => {
          asked.push(forceRefresh)
          return 'not.a.token'
        },
      })
      const error = await failure(forged.userRoles.get(1))
      assert.ok(error instanceof AuthenticationError)
      assert.equal(error.code, 'invalid_token')
      assert.deepEqual(asked, [false, true])
    })

    it('403 insufficient_permission for a user whose roles lack users:read', async () => {
      const manager = connect({ username: 'manager', password: 'manager-password-1' })
      const error = await failure(manager.userRoles.list({ page: 1, pageSize: 1 }))
      assert.ok(error instanceof PermissionError)
      assert.equal(error.code, 'insufficient_permission')
    })

    it('404 not_found for an unknown id and route_not_found for an unknown path', async () => {
      const missing = await failure(client.userRoles.get(999_999))
      assert.ok(missing instanceof NotFoundError)
      assert.equal(missing.code, 'not_found')
      const route = await failure(client.request({ method: 'GET', path: '/v1/no-such-thing' }))
      assert.ok(route instanceof NotFoundError)
      assert.equal(route.code, 'route_not_found')
    })

    it('405 method_not_allowed with the Allow list', async () => {
      const error = await failure(client.request({ method: 'DELETE', path: '/v1/user-roles/1' }))
      assert.ok(error instanceof MethodNotAllowedError)
      assert.deepEqual(error.allow, ['GET', 'HEAD', 'OPTIONS'])
    })

    it('406 not_acceptable when the Accept header rules out JSON', async () => {
      const error = await failure(client.userRoles.get(1, { headers: { accept: 'text/html' } }))
      assert.ok(error instanceof NotAcceptableError)
      assert.equal(error.code, 'not_acceptable')
    })

    it('413 payload_too_large and 415 unsupported_media_type on the login endpoint', async () => {
      const big = await failure(client.request({ method: 'POST', path: '/v1/authenticate', auth: false, body: { ...ADMIN, password: 'x'.repeat(1_100_000) } }))
      assert.ok(big instanceof PayloadTooLargeError)
      assert.equal(big.code, 'payload_too_large')
      const text = await failure(client.request({ method: 'POST', path: '/v1/authenticate', auth: false, body: 'hello', headers: { 'content-type': 'text/plain' } }))
      assert.ok(text instanceof UnsupportedMediaTypeError)
      assert.equal(text.code, 'unsupported_media_type')
    })
  })
})
