import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts'
import { runDocExamples } from '../helpers/docs.ts'
import { ADMIN, startTestServer, type TestServer } from '../helpers/server.ts'
import { brandId, loginAs } from '../helpers/users.ts'
import { MERGE_PATCH } from '../helpers/requests.ts'

const PASSWORD = 'never in any event, ever'
// One clock read for every bound: two reads a millisecond apart made a 31-day window 31 days + 1 ms.
const NOW = Date.now()
const iso = (offsetMs: number) => new Date(NOW + offsetMs).toISOString()
const DAY = 86_400_000
const window = `createdFrom=${iso(-DAY)}&createdTo=${iso(DAY)}`

interface Event { id: number; timestamp: string; category: string; action: string; description: string; username?: string; ipAddress?: string }

describe('/v1/events', () => {
  let database: TestDatabase
  let server: TestServer
  let token: string
  let readOnlyRole: number
  const events = async (query = ''): Promise<Event[]> => {
    const response = await server.request('GET', `/v1/events?page=1&pageSize=1000&${window}${query}`, { token })
    assert.equal(response.status, 200, response.text)
    return response.body
  }
  const about = async (username: string) => (await events()).filter((e) => e.username === username)

  before(async () => {
    database = await createTestDatabase()
    server = await startTestServer({ loginMaxFailures: 3 }, database)
    token = await server.login()
    readOnlyRole = (await server.request('GET', '/v1/user-roles?page=1&pageSize=1&name=Read%20Only', { token })).body[0].id
  })
  after(async () => {
    await server.close()
    await database.drop()
  })

  it('records logins: success, failure with its reason, lockout; never the password', async () => {
    await server.request('POST', '/v1/authenticate', { json: { ...ADMIN, username: 'nobody-here', password: PASSWORD } })
    for (let i = 0; i < 3; i++) await server.request('POST', '/v1/authenticate', { json: { ...ADMIN, username: 'ghost', password: PASSWORD } })
    const all = await events()
    const success = all.find((e) => e.action === 'user-login-success' && e.username === ADMIN.username)
    assert.ok(success !== undefined)
    assert.deepEqual(Object.keys(success).sort(), ['action', 'category', 'description', 'id', 'ipAddress', 'timestamp', 'username'])
    assert.equal(success.category, 'authentication')
    assert.equal(success.ipAddress, '127.0.0.1')
    assert.match(success.description, /logged in/)
    const failure = all.find((e) => e.action === 'user-login-failure' && e.username === 'nobody-here')
    assert.match(failure!.description, /no such user/)
    assert.equal((await about('ghost')).filter((e) => e.action === 'user-locked-out').length, 1, 'one lockout, when the limit is reached')
    assert.ok(!JSON.stringify(all).includes(PASSWORD))
    assert.deepEqual([...new Set((await events('&action=user-locked-out')).map((e) => e.action))], ['user-locked-out'])
    assert.ok((await events('&action=like:login&category=authentication')).every((e) => e.action.includes('login')))
  })

  it('records user changes in their own transaction: created, roles, password, disabled, enabled, token rejected once', async () => {
    const username = `evented.${process.pid}`
    const created = await server.request('POST', '/v1/users', { token, json: { username, firstName: 'E', lastName: 'V', email: 'e@example.com', userRoles: [readOnlyRole], password: PASSWORD } })
    assert.equal(created.status, 201)
    const url = `/v1/users/${created.body.id}`
    const userToken = await server.login({ brand: ADMIN.brand, username, password: PASSWORD })
    const patch = (body: unknown) => server.request('PATCH', url, { token, headers: MERGE_PATCH, body: JSON.stringify(body) })
    assert.equal((await patch({ userRoles: [] })).status, 200)
    assert.equal((await patch({ password: `${PASSWORD} again` })).status, 200)
    assert.equal((await patch({ enabled: false })).status, 200)
    for (let i = 0; i < 5; i++) assertError(await server.request('GET', '/v1/user-roles?page=1&pageSize=1', { token: userToken }), 401, 'account_disabled')
    assert.equal((await patch({ enabled: true })).status, 200)
    const actions = (await about(username)).map((e) => e.action)
    assert.deepEqual(actions, ['user-created', 'user-login-success', 'user-roles-changed', 'user-password-changed', 'user-disabled', 'token-rejected', 'user-enabled'])
    const text = JSON.stringify(await about(username))
    assert.ok(!text.includes(PASSWORD))
    assert.match(text, new RegExp(`was disabled by ${ADMIN.username}`))
  })

  it('a change whose event cannot be written is not made (one transaction)', async () => {
    await sql`create function refuse_doomed_event() returns trigger language plpgsql as $$ begin
      if new.username = 'doomed.user' then raise exception 'no events for this one'; end if; return new; end $$`.execute(server.db.system)
    await sql`create trigger refuse_doomed before insert on security_events for each row execute function refuse_doomed_event()`.execute(server.db.system)
    try {
      const response = await server.request('POST', '/v1/users', { token, json: { username: 'doomed.user', firstName: 'D', lastName: 'U', email: 'd@example.com', userRoles: [] } })
      assertError(response, 500, 'internal_error')
      assert.deepEqual((await server.request('GET', '/v1/users?page=1&pageSize=5&username=doomed.user', { token })).body, [])
    } finally {
      await sql`drop trigger refuse_doomed on security_events`.execute(server.db.system)
    }
  })

  it('requires createdFrom and createdTo, at most 31 days apart; administrators only, brand-wide users only', async () => {
    const bad = await server.request('GET', '/v1/events?page=1&pageSize=10', { token })
    assertError(bad, 400, 'invalid_query', '/v1/events')
    assertFieldErrors(bad, ['createdFrom:required', 'createdTo:required'])
    assertError(await server.request('GET', `/v1/events?page=1&pageSize=10&createdFrom=${iso(-32 * DAY)}&createdTo=${iso(0)}`, { token }), 400, 'invalid_query')
    assertError(await server.request('GET', `/v1/events?page=1&pageSize=10&createdFrom=${iso(0)}&createdTo=${iso(-DAY)}`, { token }), 400, 'invalid_query')
    assert.equal((await server.request('GET', `/v1/events?page=1&pageSize=10&createdFrom=${iso(-31 * DAY)}&createdTo=${iso(0)}`, { token })).status, 200)
    assertError(await server.request('GET', `/v1/events?page=1&pageSize=10&${window}`, { token: await loginAs(server, ['Read Only']) }), 403, 'insufficient_permission')
    const owner = (await sql<{ id: number }>`select id from contract_owners limit 1`.execute(server.db.system)).rows[0]!.id
    assertError(await server.request('GET', `/v1/events?page=1&pageSize=10&${window}`, { token: await loginAs(server, ['Administrator'], owner) }), 403, 'insufficient_permission')
    const future = await server.request('GET', `/v1/events?page=1&pageSize=10&createdFrom=${iso(DAY)}&createdTo=${iso(2 * DAY)}`, { token })
    assert.deepEqual(future.body, [])
  })

  it('deletes events past the retention period (default 90 days), keeps the rest', async () => {
    const brand = await brandId(server)
    await sql`insert into security_events (brand_id, created_date, category, action, description) values
      (${brand}, now() - interval '91 days', 'authentication', 'old-event', 'past retention'),
      (${brand}, now() - interval '89 days', 'authentication', 'kept-event', 'within retention')`.execute(server.db.system)
    // A second instance on the same database: its first event runs the cleanup.
    const second = await startTestServer({}, database)
    try {
      await second.login()
      const left = await sql<{ action: string }>`select action from security_events where action in ('old-event', 'kept-event')`.execute(server.db.system)
      assert.deepEqual(left.rows.map((r) => r.action), ['kept-event'])
    } finally {
      await second.close()
    }
  })

  it('runs the docs example as written', async () => {
    const stdout = await runDocExamples(server.url, ['events.md'])
    assert.match(stdout, /"action":"user-login-success"/)
  })
})
