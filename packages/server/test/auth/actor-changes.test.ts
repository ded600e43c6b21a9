import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { createUser } from '../../src/auth/accounts.ts'
import { assertError } from '../helpers/assertions.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import type { HttpClient } from '../helpers/http.ts'
import { startServerProcess, type ServerProcess } from '../helpers/process.ts'
import { ADMIN, startTestServer, type TestServer } from '../helpers/server.ts'

const ROLES = '/v1/user-roles?page=1&pageSize=10' // needs users:read
const OWNERS = '/v1/contract-owners?page=1&pageSize=100' // needs admin:read; scoped by contract owner

/**
 * Writes to users, roles and assignments take effect on the very next request, on this instance
 * and on a second server process that has the old actor cached. No waiting anywhere: each write
 * has committed before the next request is sent, which is all the guarantee promises.
 */
describe('changes to a user take effect on the next request, on every instance', { timeout: 120_000 }, () => {
  let a: TestServer
  let b: ServerProcess
  let brandId: number
  let userId: number
  let token: string
  const instances = (): Array<[string, HttpClient]> => [['this instance', a], ['the second process', b]]

  const write = (query: ReturnType<typeof sql>) => query.execute(a.db.system)
  async function expectEverywhere(path: string, status: number, code?: string) {
    for (const [name, server] of instances()) {
      const response = await server.request('GET', path, { token })
      if (code === undefined) assert.equal(response.status, status, `${name}: ${response.text}`)
      else assertError(response, status, code)
    }
  }

  before(async () => {
    a = await startTestServer()
    b = await startServerProcess({ DATABASE_URL: a.config.databaseUrl!, ELEVATE_ADMIN_PASSWORD: 'unused-admin-password', LOG_LEVEL: 'info' })
    const brand = await a.db.system.selectFrom('brands').select('id').where('name', '=', ADMIN.brand).executeTakeFirstOrThrow()
    brandId = brand.id
    userId = await createUser(a.db.system, { brandId, username: 'changing', password: 'changing-password', roles: ['Read Only'] })
    token = await a.login({ brand: ADMIN.brand, username: 'changing', password: 'changing-password' })
  })
  after(async () => {
    await b?.stop()
    await a?.close()
  })

  const roleId = async (name: string) =>
    (await a.db.system.selectFrom('roles').select('id').where('brand_id', '=', brandId).where('name', '=', name).executeTakeFirstOrThrow()).id

  const relogin = async () => {
    token = await a.login({ brand: ADMIN.brand, username: 'changing', password })
  }
  let password = 'changing-password'

  it('a role taken away or given: tokens issued before are revoked; a new login has the new roles', async () => {
    await expectEverywhere(ROLES, 200) // both instances now hold this actor
    await write(sql`delete from user_role_assignments where brand_id = ${brandId} and user_id = ${userId}`)
    await write(sql`insert into user_role_assignments (brand_id, user_id, role_id) values (${brandId}, ${userId}, ${await roleId('Customer Manager')})`)
    await expectEverywhere(ROLES, 401, 'token_revoked')
    await relogin()
    await expectEverywhere(ROLES, 403, 'insufficient_permission')
    await write(sql`update user_role_assignments set role_id = ${await roleId('Read Only')} where brand_id = ${brandId} and user_id = ${userId}`)
    await expectEverywhere(ROLES, 200) // an update of an assignment in place (psql) applies without a revocation
  })

  it('a password or roles changed through /v1/users: the old token dies on both instances', async () => {
    const admin = await a.login()
    const url = `/v1/users/${userId}`
    const merge = { 'content-type': 'application/merge-patch+json' }
    await expectEverywhere(ROLES, 200)
    password = 'a brand new passphrase'
    assert.equal((await a.request('PATCH', url, { token: admin, headers: merge, body: JSON.stringify({ password }) })).status, 200)
    await expectEverywhere(ROLES, 401, 'token_revoked')
    await relogin()
    await expectEverywhere(ROLES, 200)
    const roles = [await roleId('Read Only'), await roleId('Customer Manager')]
    assert.equal((await a.request('PATCH', url, { token: admin, headers: merge, body: JSON.stringify({ userRoles: roles }) })).status, 200)
    await expectEverywhere(ROLES, 401, 'token_revoked')
    await relogin()
    await expectEverywhere(ROLES, 200)
    const disabled = await a.request('PATCH', url, { token: admin, headers: merge, body: '{"enabled":false}' })
    assert.equal(disabled.status, 200, disabled.text)
    await expectEverywhere(ROLES, 401, 'account_disabled')
    assert.equal((await a.request('PATCH', url, { token: admin, headers: merge, body: '{"enabled":true}' })).status, 200)
    await expectEverywhere(ROLES, 401, 'token_revoked')
    await relogin()
    await expectEverywhere(ROLES, 200)
  })

  it("a change to a role's permissions", async () => {
    const readOnly = await roleId('Read Only')
    await write(sql`update roles set permissions = array_remove(permissions, 'users:read') where brand_id = ${brandId} and id = ${readOnly}`)
    await expectEverywhere(ROLES, 403, 'insufficient_permission')
    await write(sql`update roles set permissions = permissions || '{users:read}' where brand_id = ${brandId} and id = ${readOnly}`)
    await expectEverywhere(ROLES, 200)
  })

  it('a contract-owner scope given to the user', async () => {
    const admin = await a.login()
    const owner = await a.request('POST', '/v1/contract-owners', { token: admin, json: contractOwnerBody() })
    assert.equal(owner.status, 201, owner.text)
    for (const [, server] of instances()) assert.ok((await server.request('GET', OWNERS, { token })).body.length > 1)
    await write(sql`update users set contract_owner_id = ${owner.body.id} where brand_id = ${brandId} and id = ${userId}`)
    for (const [name, server] of instances()) {
      const response = await server.request('GET', OWNERS, { token })
      assert.deepEqual(response.body.map((o: { id: number }) => o.id), [owner.body.id], name)
    }
  })

  it('disabling the user: 401 account_disabled first, before any other check; enabling again', async () => {
    await expectEverywhere(ROLES, 200)
    await write(sql`update users set enabled = false where brand_id = ${brandId} and id = ${userId}`)
    await expectEverywhere(ROLES, 401, 'account_disabled')
    for (const [, server] of instances()) {
      // A body of the wrong type and a bad Accept would be 415 and 406: the 401 comes first.
      const response = await server.request('POST', '/v1/contract-owners', { token, body: 'x', headers: { 'content-type': 'text/plain', accept: 'text/html' } })
      assertError(response, 401, 'account_disabled')
    }
    await write(sql`update users set enabled = true where brand_id = ${brandId} and id = ${userId}`)
    // Re-enabled: the tokens of before the disabling stay ended; a new login works.
    await expectEverywhere(ROLES, 401, 'token_revoked')
    await relogin()
    await expectEverywhere(ROLES, 200)
  })

  it('the user deleted: the token names no one', async () => {
    await write(sql`delete from user_role_assignments where brand_id = ${brandId} and user_id = ${userId}`)
    await write(sql`delete from users where brand_id = ${brandId} and id = ${userId}`)
    await expectEverywhere(ROLES, 401, 'invalid_token')
  })
})
