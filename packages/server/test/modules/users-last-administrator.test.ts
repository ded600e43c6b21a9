import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createBrand, createUser } from '../helpers/accounts.ts'
import { assertError } from '../helpers/assertions.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { MERGE_PATCH, roleIds } from '../helpers/requests.ts'

let sequence = 0

/**
 * A brand is never left without an administrator (an enabled user of the whole brand whose roles
 * allow users:write): the write that would remove the last one is 409 `last_administrator`,
 * whoever sends it, and concurrent writes cannot each remove "another" one.
 */
describe('/v1/users: the last administrator', () => {
  let server: TestServer
  before(async () => {
    server = await startTestServer()
  })
  after(() => server.close())

  /** A new brand with `count` administrators: their ids and tokens, and the brand's role ids. */
  async function brandWithAdministrators(count: number) {
    const brand = `admins-${process.pid}-${++sequence}`
    const brandId = await createBrand(server.db.system, brand)
    const admins: Array<{ id: number; token: string }> = []
    for (let n = 1; n <= count; n++) {
      const username = `admin${n}`
      const id = await createUser(server.db.system, { brandId, username, password: `${username}-password`, roles: ['Administrator'] })
      admins.push({ id, token: await server.login({ brand, username, password: `${username}-password` }) })
    }
    return { admins, roles: await roleIds(server, admins[0]!.token) }
  }
  const patch = (token: string, id: number, changes: Record<string, unknown>) =>
    server.request('PATCH', `/v1/users/${id}`, { token, body: JSON.stringify(changes), headers: MERGE_PATCH })

  it('refuses to disable the last administrator, to take away its role or to restrict it: 409, nothing changed', async () => {
    const { admins: [admin], roles } = await brandWithAdministrators(1)
    const { id, token } = admin!
    const owner = await server.request('POST', '/v1/contract-owners', {
      token,
      json: { name: 'Owner', availableFrom: '2024-01-01', siBccEmailAddress: 'bcc@example.com', taxRegistrationNumber: 'GB123456789', address: { address1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA', country: 'GB' } },
    })
    assert.equal(owner.status, 201, owner.text)
    for (const changes of [{ enabled: false }, { userRoles: [roles['Read Only']] }, { contractOwnerId: owner.body.id }]) {
      const refused = await patch(token, id, changes)
      assertError(refused, 409, 'last_administrator', `/v1/users/${id}`)
      assert.match(refused.body.message, /last administrator/)
    }
    const kept = await server.request('GET', `/v1/users/${id}`, { token })
    assert.equal(kept.status, 200, 'the token still works: nothing was changed')
    assert.deepEqual({ enabled: kept.body.enabled, roles: kept.body.userRoles, owner: kept.body.contractOwnerId }, { enabled: true, roles: [roles.Administrator], owner: undefined })
    assert.equal(kept.headers.get('etag'), '"1"')
    // Changes that keep the administrator one are fine.
    assert.equal((await patch(token, id, { firstName: 'Still', userRoles: [roles.Administrator, roles['Read Only']] })).status, 200)
  })

  it('lets an administrator go while another remains, and then refuses the other', async () => {
    const { admins: [first, second] } = await brandWithAdministrators(2)
    assert.equal((await patch(first!.token, second!.id, { enabled: false })).status, 200)
    assertError(await patch(first!.token, first!.id, { enabled: false }), 409, 'last_administrator')
    assert.equal((await patch(first!.token, second!.id, { enabled: true })).status, 200, 're-enabled: an administrator again')
    assert.equal((await patch(first!.token, first!.id, { enabled: false })).status, 200)
  })

  it('keeps one administrator when all of them disable themselves at once', async () => {
    const { admins } = await brandWithAdministrators(6)
    const answers = await Promise.all(admins.map(({ id, token }) => patch(token, id, { enabled: false })))
    const statuses = answers.map((answer) => answer.status).sort()
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 409], answers.map((answer) => answer.text).join('\n'))
    const conflict = answers.find((answer) => answer.status === 409)!
    assertError(conflict, 409, 'last_administrator')
    const left = admins.filter((_, n) => answers[n]!.status === 409)
    assert.equal((await server.request('GET', `/v1/users/${left[0]!.id}`, { token: left[0]!.token })).body.enabled, true)
  })
})
