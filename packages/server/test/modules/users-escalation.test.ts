import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { assertError } from '../helpers/assertions.ts'
import { runDocExamples } from '../helpers/docs.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { brandId, loginAs } from '../helpers/users.ts'
import { MERGE_PATCH, roleIds } from '../helpers/requests.ts'

const PATH = '/v1/users'
let sequence = 0

/** Nobody grants more than they hold; a restricted manager stays inside its contract owner. */
describe('/v1/users: escalation and scope', () => {
  let server: TestServer
  let admin: string
  let roles: Record<string, number>
  let owners: number[]
  const body = (overrides: Record<string, unknown> = {}) => ({
    username: `esc.${process.pid}.${++sequence}`, firstName: 'Ann', lastName: 'Lee', email: 'ann@example.com', userRoles: [roles['Read Only']], ...overrides,
  })
  const post = (token: string, json: Record<string, unknown>) => server.request('POST', PATH, { token, json })

  before(async () => {
    server = await startTestServer()
    admin = await server.login()
    roles = await roleIds(server, admin)
    owners = []
    for (let i = 0; i < 2; i++) owners.push((await server.request('POST', '/v1/contract-owners', { token: admin, json: contractOwnerBody() })).body.id)
    // A role that reads what Read Only reads and manages users, and nothing more.
    const brand = await brandId(server)
    await sql`insert into roles (brand_id, name, permissions)
      select ${brand}, 'User Manager', permissions || '{users:write}' from roles where brand_id = ${brand} and name = 'Read Only'`.execute(server.db.system)
    roles['User Manager'] = (await server.request('GET', '/v1/user-roles?page=1&pageSize=1&name=User%20Manager', { token: admin })).body[0].id
  })
  after(() => server.close())

  it('a manager cannot grant a role allowing more than it holds, nor change a user holding one', async () => {
    const manager = await loginAs(server, ['User Manager'])
    const refused = await post(manager, body({ userRoles: [roles['Administrator']] }))
    assertError(refused, 403, 'insufficient_permission', PATH)
    assert.match(refused.body.message, /Administrator/)
    assertError(await post(manager, body({ userRoles: [roles['Customer Manager']] })), 403, 'insufficient_permission')
    const granted = await post(manager, body({ userRoles: [roles['User Manager']] }))
    assert.equal(granted.status, 201, 'a role within its own permissions is fine')
    const upgrade = await server.request('PATCH', `${PATH}/${granted.body.id}`, { token: manager, headers: MERGE_PATCH, body: JSON.stringify({ userRoles: [roles['User Manager'], roles['Administrator']] }) })
    assertError(upgrade, 403, 'insufficient_permission')
    const strong = await post(admin, body({ userRoles: [roles['Administrator']] }))
    assertError(await server.request('PATCH', `${PATH}/${strong.body.id}`, { token: manager, headers: MERGE_PATCH, body: '{"password":"taking over this account"}' }), 403, 'insufficient_permission')
    assert.equal((await server.request('PATCH', `${PATH}/${strong.body.id}`, { token: admin, headers: MERGE_PATCH, body: '{"firstName":"Anna"}' })).status, 200)
    const unchanged = await server.request('GET', `${PATH}/${granted.body.id}`, { token: admin })
    assert.deepEqual(unchanged.body.userRoles, [roles['User Manager']], 'the refused write left nothing behind')
  })

  it('a manager restricted to a contract owner sees and manages only its users (404 outside), and cannot widen a scope', async () => {
    const [mine, theirs] = owners as [number, number]
    const scoped = await loginAs(server, ['User Manager'], mine)
    const outside = await post(admin, body({ contractOwnerId: theirs }))
    const brandWide = await post(admin, body())
    const defaulted = await post(scoped, body())
    assert.equal(defaulted.status, 201, defaulted.text)
    assert.equal(defaulted.body.contractOwnerId, mine, 'a create without one gets the manager’s contract owner')
    assertError(await post(scoped, body({ contractOwnerId: theirs })), 403, 'insufficient_permission')
    for (const id of [outside.body.id, brandWide.body.id]) {
      assertError(await server.request('GET', `${PATH}/${id}`, { token: scoped }), 404, 'not_found')
      assertError(await server.request('PATCH', `${PATH}/${id}`, { token: scoped, headers: MERGE_PATCH, body: '{"enabled":false}' }), 404, 'not_found')
    }
    const listed = await server.request('GET', `${PATH}?page=1&pageSize=1000`, { token: scoped })
    assert.ok(listed.body.length > 0 && listed.body.every((u: { contractOwnerId?: number }) => u.contractOwnerId === mine))
    assert.equal((await server.request('HEAD', `${PATH}?username=${outside.body.username}`, { token: scoped })).status, 404)
    const widen = await server.request('PATCH', `${PATH}/${defaulted.body.id}`, { token: scoped, headers: MERGE_PATCH, body: '{"contractOwnerId":null}' })
    assertError(widen, 403, 'insufficient_permission')
    assertError(await server.request('PATCH', `${PATH}/${defaulted.body.id}`, { token: scoped, headers: MERGE_PATCH, body: JSON.stringify({ contractOwnerId: theirs }) }), 403, 'insufficient_permission')
    assert.equal((await server.request('PATCH', `${PATH}/${defaulted.body.id}`, { token: scoped, headers: MERGE_PATCH, body: '{"lastName":"Li"}' })).status, 200)
  })

  it('runs the docs example as written', async () => {
    const stdout = await runDocExamples(server.url, ['users.md'])
    assert.match(stdout, /"username":"bob.smith".*"mobileNumber":"07700 900123"/)
    assert.match(stdout, /\[\{"id":\d+,"username":"bob.smith","enabled":true\}\]/)
    assert.match(stdout, /200$/m)
    assert.match(stdout, /"enabled":false/)
    assert.ok(!stdout.includes('unusual passphrase'))
  })
})
