import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { runDocExamples } from '../helpers/docs.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import { ADMIN, startTestServer, type TestServer } from '../helpers/server.ts'
import { brandId, loginAs } from '../helpers/users.ts'
import { MERGE_PATCH, roleIds } from '../helpers/requests.ts'

const PATH = '/v1/app-clients'
const TOKEN = '/oauth2/token'
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
let sequence = 0

describe('/v1/app-clients and the client credentials grant', () => {
  let server: TestServer
  let admin: string
  let roles: Record<string, number>
  const create = async (overrides: Record<string, unknown> = {}, token = admin) => {
    const response = await server.request('POST', PATH, { token, json: { name: `Client ${process.pid}-${++sequence}`, userRoles: [roles['Read Only']], ...overrides } })
    assert.equal(response.status, 201, response.text)
    return response.body
  }
  const grant = (form: Record<string, string>, headers: Record<string, string> = {}) =>
    server.request('POST', TOKEN, { headers: { ...FORM, ...headers }, body: new URLSearchParams(form).toString() })
  const basic = (id: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}` })

  before(async () => {
    server = await startTestServer({ loginMaxFailures: 4 })
    admin = await server.login()
    roles = await roleIds(server, admin)
  })
  after(() => server.close())

  it('creates one: 201 with Location; the secret is answered once and never again', async () => {
    const response = await server.request('POST', PATH, { token: admin, json: { name: 'Warehouse export', description: 'Nightly', userRoles: [roles['Read Only']] } })
    assert.equal(response.status, 201, response.text)
    const { id, appClientId, clientSecret, createdDate, updatedDate, ...rest } = response.body
    assert.equal(response.headers.get('location'), `${PATH}/${id}`)
    assert.match(appClientId, /^[0-9a-f]{32}$/)
    assert.ok(typeof clientSecret === 'string' && clientSecret.length >= 43)
    assert.ok(Date.parse(createdDate) > 0 && Date.parse(updatedDate) > 0)
    assert.deepEqual(rest, { name: 'Warehouse export', description: 'Nightly', userRoles: [roles['Read Only']] })
    const fetched = await server.request('GET', `${PATH}/${id}`, { token: admin })
    assert.equal(fetched.status, 200)
    assert.equal(fetched.body.clientSecret, undefined)
    assert.ok(!fetched.text.includes(clientSecret))
    const listed = await server.request('GET', `${PATH}?page=1&pageSize=10&name=Warehouse%20export`, { token: admin })
    assert.deepEqual(listed.body.map((c: { id: number }) => c.id), [id])
    const duplicate = await server.request('POST', PATH, { token: admin, json: { name: 'Warehouse export', userRoles: [] } })
    assertError(duplicate, 409, 'already_exists', PATH)
    assertFieldErrors(duplicate, ['name:already_exists'])
    assertFieldErrors(await server.request('POST', PATH, { token: admin, json: { name: '', appClientId: 'mine', userRoles: ['x'] } }), ['name:too_short', 'appClientId:unknown_field', 'userRoles[0]:invalid_type'])
    assertError(await server.request('POST', PATH, { token: admin, json: { name: 'Bad roles', userRoles: [999999] } }), 400, 'invalid_reference')
    assertError(await server.request('GET', `${PATH}/999999`, { token: admin }), 404, 'not_found')
    assertError(await server.request('POST', PATH, { token: await loginAs(server, ['Read Only']), json: { name: 'x', userRoles: [] } }), 403, 'insufficient_permission')
    // The secret is never kept for a replay: an Idempotency-Key is ignored by this create.
    const keyed = await server.request('POST', PATH, { token: admin, json: { name: 'Keyed client', userRoles: [] }, headers: { 'idempotency-key': `k-${process.pid}` } })
    assert.equal(keyed.status, 201)
    assertError(await server.request('POST', PATH, { token: admin, json: { name: 'Keyed client', userRoles: [] }, headers: { 'idempotency-key': `k-${process.pid}` } }), 409, 'already_exists')
    const stored = await sql<{ n: number }>`select count(*)::int as n from idempotency_keys where response_body::text like ${`%${keyed.body.clientSecret}%`}`.execute(server.db.system)
    assert.equal(stored.rows[0]!.n, 0)
    // Its service user is neither a user of /v1/users nor able to log in with a password.
    assert.equal((await server.request('HEAD', `/v1/users?username=like:${appClientId}`, { token: admin })).status, 404)
    assertError(await server.request('POST', '/v1/authenticate', { json: { brand: ADMIN.brand, username: `app-client:${appClientId}`, password: clientSecret } }), 401, 'invalid_credentials')
  })

  it('POST /oauth2/token: client credentials in the body or in Basic; RFC 6749 errors', async () => {
    const client = await create()
    const fromBody = await grant({ grant_type: 'client_credentials', client_id: client.appClientId, client_secret: client.clientSecret })
    assert.equal(fromBody.status, 200, fromBody.text)
    assert.equal(fromBody.headers.get('cache-control'), 'no-store')
    assert.equal(fromBody.body.token_type, 'Bearer')
    assert.ok(fromBody.body.expires_in > 800 && fromBody.body.expires_in <= 900)
    const fromBasic = await grant({ grant_type: 'client_credentials', scope: 'anything', brand: ADMIN.brand }, basic(client.appClientId, client.clientSecret))
    assert.equal(fromBasic.status, 200, fromBasic.text)
    const token = fromBasic.body.access_token
    assert.equal((await server.request('GET', '/v1/user-roles?page=1&pageSize=1', { token })).status, 200)
    assertError(await server.request('POST', PATH, { token, json: { name: 'x', userRoles: [] } }), 403, 'insufficient_permission')

    const expect = async (response: Awaited<ReturnType<typeof grant>>, status: number, error: string) => {
      assert.equal(response.status, status, response.text)
      assert.equal(response.body.error, error)
      assert.equal(typeof response.body.error_description, 'string')
    }
    await expect(await grant({ client_id: client.appClientId, client_secret: client.clientSecret }), 400, 'invalid_request')
    await expect(await grant({ grant_type: 'password', client_id: client.appClientId, client_secret: client.clientSecret }), 400, 'unsupported_grant_type')
    await expect(await grant({ grant_type: 'client_credentials', client_id: client.appClientId }, basic(client.appClientId, client.clientSecret)), 400, 'invalid_request')
    await expect(await grant({ grant_type: 'client_credentials' }), 401, 'invalid_client')
    const wrong = await grant({ grant_type: 'client_credentials' }, basic(client.appClientId, 'not the secret'))
    await expect(wrong, 401, 'invalid_client')
    assert.match(wrong.headers.get('www-authenticate') ?? '', /^Basic /)
    await expect(await grant({ grant_type: 'client_credentials', client_id: 'nobody', client_secret: 'x' }), 401, 'invalid_client')
    // Text no id, secret or brand holds (a NUL) is refused as a bad request, in the body or in Basic, never a 500.
    await expect(await grant({ grant_type: 'client_credentials', client_id: '\u0000', client_secret: 'x' }), 400, 'invalid_request')
    await expect(await grant({ grant_type: 'client_credentials', client_id: client.appClientId, client_secret: client.clientSecret, brand: '\u0000' }), 400, 'invalid_request')
    await expect(await grant({ grant_type: 'client_credentials' }, basic('a\u0000b', 'secret')), 400, 'invalid_request')
    assertError(await server.request('POST', TOKEN, { json: { grant_type: 'client_credentials' } }), 415, 'unsupported_media_type')
    const stamped = (await server.request('GET', `${PATH}/${client.id}`, { token: admin })).body
    assert.ok(Date.parse(stamped.lastSuccessfulAuthentication) > 0 && Date.parse(stamped.lastFailedAuthentication) > 0)
  })

  it('POST /v1/authenticate takes clientId and clientSecret instead of a username and password', async () => {
    const client = await create()
    const response = await server.request('POST', '/v1/authenticate', { json: { brand: ADMIN.brand, clientId: client.appClientId, clientSecret: client.clientSecret } })
    assert.equal(response.status, 200, response.text)
    assert.equal(response.body.username, client.appClientId)
    assertFieldErrors(await server.request('POST', '/v1/authenticate', { json: { brand: ADMIN.brand, clientId: client.appClientId } }), ['clientSecret:required'])
    assertFieldErrors(await server.request('POST', '/v1/authenticate', { json: { brand: ADMIN.brand } }), ['username:required', 'password:required'])
    assertFieldErrors(await server.request('POST', '/v1/authenticate', { json: { ...ADMIN, clientId: 'x' } }), ['clientSecret:required'])
    assertFieldErrors(await server.request('POST', '/v1/authenticate', { json: { ...ADMIN, clientId: 'x', clientSecret: 'y' } }), ['clientId:not_allowed', 'clientSecret:not_allowed'])
    assertError(await server.request('POST', '/v1/authenticate', { json: { brand: 'another', clientId: client.appClientId, clientSecret: client.clientSecret } }), 401, 'invalid_credentials')
  })

  it('an app client creates with an Idempotency-Key like a user (the SDK sends one on every create)', async () => {
    const client = await create({ userRoles: [roles['Administrator']] })
    const token = (await grant({ grant_type: 'client_credentials', client_id: client.appClientId, client_secret: client.clientSecret })).body.access_token
    const headers = { 'idempotency-key': `key-${process.pid}` }
    const owner = contractOwnerBody()
    const first = await server.request('POST', '/v1/contract-owners', { token, json: owner, headers })
    assert.equal(first.status, 201, first.text)
    const replay = await server.request('POST', '/v1/contract-owners', { token, json: owner, headers })
    assert.equal(replay.status, 201, replay.text)
    assert.equal(replay.headers.get('idempotent-replayed'), 'true')
    assert.deepEqual(replay.body, first.body)
  })

  it('rotate-secret: a new secret once; the old secret and its tokens stop at once; PATCH roles revokes too', async () => {
    const client = await create()
    const token = (await grant({ grant_type: 'client_credentials', client_id: client.appClientId, client_secret: client.clientSecret })).body.access_token
    const rotated = await server.request('POST', `${PATH}/${client.id}/rotate-secret`, { token: admin })
    assert.equal(rotated.status, 200, rotated.text)
    assert.notEqual(rotated.body.clientSecret, client.clientSecret)
    assert.equal(rotated.body.appClientId, client.appClientId)
    assertError(await server.request('GET', '/v1/user-roles?page=1&pageSize=1', { token }), 401, 'token_revoked')
    assert.equal((await grant({ grant_type: 'client_credentials', client_id: client.appClientId, client_secret: client.clientSecret })).status, 401)
    const fresh = (await grant({ grant_type: 'client_credentials', client_id: client.appClientId, client_secret: rotated.body.clientSecret })).body.access_token
    assert.equal((await server.request('GET', '/v1/user-roles?page=1&pageSize=1', { token: fresh })).status, 200)
    const patched = await server.request('PATCH', `${PATH}/${client.id}`, { token: admin, headers: MERGE_PATCH, body: JSON.stringify({ userRoles: [roles['Customer Manager']], description: 'Moved' }) })
    assert.equal(patched.status, 200, patched.text)
    assert.deepEqual(patched.body.userRoles, [roles['Customer Manager']])
    assertError(await server.request('GET', '/v1/user-roles?page=1&pageSize=1', { token: fresh }), 401, 'token_revoked')
    assertError(await server.request('POST', `${PATH}/999999/rotate-secret`, { token: admin }), 404, 'not_found')
    assertFieldErrors(await server.request('PATCH', `${PATH}/${client.id}`, { token: admin, headers: MERGE_PATCH, body: '{"appClientId":"mine"}' }), ['appClientId:read_only'])
  })

  it('HEAD /v1/app-clients is an exists-check like every collection HEAD: filters only, 200 or 404, no body', async () => {
    const client = await create()
    const found = await server.request('HEAD', `${PATH}?name=${encodeURIComponent(client.name)}`, { token: admin })
    assert.equal(found.status, 200)
    assert.equal(found.text, '')
    assert.deepEqual((await server.request('GET', `${PATH}?page=1&pageSize=1&name=nothing-like-it`, { token: admin })).body, [])
    assert.equal((await server.request('HEAD', `${PATH}?name=nothing-like-it`, { token: admin })).status, 404, 'nothing matches (the paged GET would be 200 with [])')
    assert.equal((await server.request('HEAD', `${PATH}?page=1&pageSize=1`, { token: admin })).status, 400, 'paging is not an exists filter')
    assert.equal((await server.request('HEAD', PATH, { token: admin })).status, 200, 'no filter: any client')
    assert.equal((await server.request('HEAD', PATH)).status, 401)
  })

  it('rotate-secret takes no body: a stray one is 400 naming what was sent, and nothing rotates; {} is taken as none', async () => {
    const client = await create()
    const rotate = `${PATH}/${client.id}/rotate-secret`
    const stray = await server.request('POST', rotate, { token: admin, json: { clientSecret: 'chosen-by-me', reason: 'leak' } })
    assertError(stray, 400, 'validation_failed', rotate)
    assertFieldErrors(stray, ['clientSecret:unknown_field', 'reason:unknown_field'])
    assertFieldErrors(await server.request('POST', rotate, { token: admin, json: ['x'] }), [':invalid_type'])
    assert.equal((await grant({ grant_type: 'client_credentials', client_id: client.appClientId, client_secret: client.clientSecret })).status, 200, 'the secret did not change')
    assert.equal((await server.request('POST', rotate, { token: admin, json: {} })).status, 200)
    assertError(await server.request('POST', `${PATH}/999999/rotate-secret`, { token: admin, json: { reason: 'x' } }), 400, 'validation_failed')
  })

  it('escalation and scope: no role beyond the manager’s; a restricted manager’s clients are restricted and hidden from others', async () => {
    const owner = (await server.request('POST', '/v1/contract-owners', { token: admin, json: contractOwnerBody() })).body.id
    const scoped = await loginAs(server, ['Administrator'], owner)
    const mine = await create({}, scoped)
    assert.equal(mine.contractOwnerId, owner)
    const brandWide = await create()
    assertError(await server.request('GET', `${PATH}/${brandWide.id}`, { token: scoped }), 404, 'not_found')
    assertError(await server.request('DELETE', `${PATH}/${brandWide.id}`, { token: scoped }), 404, 'not_found')
    assert.ok((await server.request('GET', `${PATH}?page=1&pageSize=1000`, { token: scoped })).body.every((c: { contractOwnerId?: number }) => c.contractOwnerId === owner))
    await sql`insert into roles (brand_id, name, permissions) values (${await brandId(server)}, 'Client Manager', '{users:read,users:write}')`.execute(server.db.system)
    const manager = await loginAs(server, ['Client Manager'])
    assertError(await server.request('POST', PATH, { token: manager, json: { name: 'Too strong', userRoles: [roles['Read Only']] } }), 403, 'insufficient_permission')
    assertError(await server.request('POST', `${PATH}/${brandWide.id}/rotate-secret`, { token: manager }), 403, 'insufficient_permission')
    assert.equal((await server.request('POST', PATH, { token: manager, json: { name: `Weak ${process.pid}`, userRoles: [] } })).status, 201)
  })

  it('DELETE: 204, then 404; the deleted client’s tokens name no one; events of each step', async () => {
    const client = await create()
    const token = (await grant({ grant_type: 'client_credentials', client_id: client.appClientId, client_secret: client.clientSecret })).body.access_token
    const deleted = await server.request('DELETE', `${PATH}/${client.id}`, { token: admin })
    assert.equal(deleted.status, 204)
    assert.equal(deleted.text, '')
    assertError(await server.request('DELETE', `${PATH}/${client.id}`, { token: admin }), 404, 'not_found')
    assertError(await server.request('GET', '/v1/user-roles?page=1&pageSize=1', { token }), 401, 'invalid_token')
    const window = `createdFrom=${new Date(Date.now() - 3_600_000).toISOString()}&createdTo=${new Date(Date.now() + 60_000).toISOString()}`
    const events = (await server.request('GET', `/v1/events?page=1&pageSize=1000&${window}`, { token: admin })).body.filter((e: { username?: string }) => e.username === client.appClientId)
    assert.deepEqual(events.map((e: { action: string }) => e.action), ['app-client-created', 'client-login-success', 'app-client-deleted'])
    assert.ok(!JSON.stringify(events).includes(client.clientSecret))
  })

  it('failed requests for a token are throttled per client: 429 with Retry-After', async () => {
    const client = await create()
    for (let i = 0; i < 4; i++) assert.equal((await grant({ grant_type: 'client_credentials', client_id: client.appClientId, client_secret: 'wrong' })).status, 401)
    const refused = await grant({ grant_type: 'client_credentials', client_id: client.appClientId, client_secret: client.clientSecret })
    assertError(refused, 429, 'rate_limited', TOKEN)
    assert.ok(Number(refused.headers.get('retry-after')) > 0)
    assertError(await server.request('POST', '/v1/authenticate', { json: { brand: ADMIN.brand, clientId: client.appClientId, clientSecret: client.clientSecret } }), 429, 'rate_limited')
  })

  it('runs the docs example as written', async () => {
    const stdout = await runDocExamples(server.url, ['app-clients.md'])
    assert.match(stdout, /"token_type":"Bearer"/)
    assert.match(stdout, /\n?204$/m)
  })
})
