import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createBrand, createUser } from '../helpers/accounts.ts'
import { assertError } from '../helpers/assertions.ts'
import { ADMIN, startTestServer, type TestServer } from '../helpers/server.ts'

describe('403 Forbidden and brand isolation', () => {
  let server: TestServer
  let acmeId: number
  before(async () => {
    server = await startTestServer()
    acmeId = (await server.db.system.selectFrom('brands').select('id').where('name', '=', ADMIN.brand).executeTakeFirstOrThrow()).id
  })
  after(() => server.close())

  it('answers a valid token without the permission with 403, before validating the query', async () => {
    const password = 'no-roles-password'
    await createUser(server.db.system, { brandId: acmeId, username: 'no-roles', password, roles: [] })
    const token = await server.login({ brand: ADMIN.brand, username: 'no-roles', password })
    const response = await server.request('GET', '/v1/user-roles', { token })
    assertError(response, 403, 'insufficient_permission', '/v1/user-roles')
    assert.match(response.body.message, /users:read/)
  })

  it('takes a role change into account at once: the unexpired token is revoked, a new one has the new roles', async () => {
    const password = 'role-change-password'
    const userId = await createUser(server.db.system, { brandId: acmeId, username: 'role-change', password, roles: ['Read Only'] })
    const token = await server.login({ brand: ADMIN.brand, username: 'role-change', password })
    assert.equal((await server.request('GET', '/v1/user-roles?page=1&pageSize=5', { token })).status, 200)
    await server.db.system.deleteFrom('user_role_assignments').where('user_id', '=', userId).execute()
    assertError(await server.request('GET', '/v1/user-roles?page=1&pageSize=5', { token }), 401, 'token_revoked')
    const again = await server.login({ brand: ADMIN.brand, username: 'role-change', password })
    assertError(await server.request('GET', '/v1/user-roles?page=1&pageSize=5', { token: again }), 403, 'insufficient_permission')
  })

  it('shows each brand only its own rows, by list, filter and id', async () => {
    const globexId = await createBrand(server.db.system, 'globex')
    await createUser(server.db.system, { brandId: globexId, username: 'admin', password: 'globex-admin-password', roles: ['Administrator'] })
    const acme = await server.login()
    const globex = await server.login({ brand: 'globex', username: 'admin', password: 'globex-admin-password' })

    const acmeRoles = (await server.request('GET', '/v1/user-roles?page=1&pageSize=100', { token: acme })).body as Array<{ id: number }>
    const globexRoles = (await server.request('GET', '/v1/user-roles?page=1&pageSize=100', { token: globex })).body as Array<{ id: number }>
    assert.equal(acmeRoles.length, 3)
    assert.equal(globexRoles.length, 3)
    const acmeIds = new Set(acmeRoles.map((r) => r.id))
    assert.ok(globexRoles.every((r) => !acmeIds.has(r.id)), 'no role is listed for both brands')

    const foreignId = globexRoles[0]!.id
    assertError(await server.request('GET', `/v1/user-roles/${foreignId}`, { token: acme }), 404, 'not_found')
    assert.equal((await server.request('GET', `/v1/user-roles/${foreignId}`, { token: globex })).status, 200)
  })

  it('confines the tenant database role to the brand of the transaction (row-level security)', async () => {
    const counts = await server.db.withTenant(acmeId, async (trx) =>
      trx.selectFrom('roles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    )
    assert.equal(Number(counts.n), 3)
    await assert.rejects(
      server.db.withTenant(acmeId, (trx) =>
        trx.insertInto('roles').values({ brand_id: acmeId + 1000, name: 'sneaky', permissions: [] }).execute(),
      ),
      /row-level security|permission denied/,
    )
  })
})
