import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { AuthenticationError, ElevateClient, PermissionError, type ApiError } from '../../src/index.ts'
import { ADMIN, startRealServer, type RealServer } from '../helpers/real-server.ts'

/** `client.users`, `client.appClients`, `client.events` and the client-credentials login, on the real server. */
describe('users, app clients and events against the real server', () => {
  let server: RealServer
  let admin: ElevateClient
  let readOnly: number
  const failure = async (call: Promise<unknown>): Promise<ApiError> =>
    call.then(() => assert.fail('expected the call to fail'), (error: ApiError) => error)

  before(async () => {
    server = await startRealServer()
    admin = new ElevateClient({ baseUrl: server.url, ...ADMIN })
    readOnly = (await admin.userRoles.list({ page: 1, pageSize: 1, name: 'Read Only' }))[0]!.id
  })
  after(() => server?.stop())

  it('manages users: create (password write-only), list with filters, exists, update with If-Match', async () => {
    const user = await admin.users.create({ username: 'sdk.user', firstName: 'Sam', lastName: 'Dee', email: 'sam@example.com', userRoles: [readOnly], password: 'a long sdk passphrase' })
    assert.equal(user.username, 'sdk.user')
    assert.equal((user as Record<string, unknown>).password, undefined)
    assert.deepEqual((await admin.users.list({ page: 1, pageSize: 10, username: 'sdk.user', fields: 'id,enabled' })), [{ id: user.id, enabled: true }])
    assert.equal(await admin.users.exists({ username: 'sdk.user' }), true)
    const { etag } = await admin.users.getWithETag(user.id)
    const updated = await admin.users.update(user.id, { enabled: false }, { ifMatch: etag })
    assert.equal(updated.enabled, false)
    const events = await admin.events.list({ page: 1, pageSize: 100, createdFrom: new Date(Date.now() - 3_600_000).toISOString(), createdTo: new Date(Date.now() + 60_000).toISOString(), action: 'user-disabled' })
    assert.deepEqual(events.map((e) => e.username), ['sdk.user'])
  })

  it('logs in as an app client with clientId and clientSecret, renews after a revocation, and stops when the secret is rotated', async () => {
    const created = await admin.appClients.create({ name: 'SDK client', userRoles: [readOnly] })
    assert.match(created.appClientId, /^[0-9a-f]{32}$/)
    const machine = new ElevateClient({ baseUrl: server.url, brand: ADMIN.brand, clientId: created.appClientId, clientSecret: created.clientSecret })
    const login = await machine.authenticate()
    assert.equal(login.username, created.appClientId)
    assert.ok(Date.parse(login.expiresAt) > Date.now())
    assert.equal((await machine.userRoles.list({ page: 1, pageSize: 5 })).length, 3)
    assert.ok((await failure(machine.users.create({ username: 'x.y', firstName: 'X', lastName: 'Y', email: 'x@example.com', userRoles: [] }))) instanceof PermissionError)

    // A change of roles revokes the token: the client logs in again by itself, once, and goes on.
    await admin.appClients.update(created.id, { userRoles: [readOnly], description: 'renamed' })
    const administrator = (await admin.userRoles.list({ page: 1, pageSize: 1, name: 'Administrator' }))[0]!.id
    await admin.appClients.update(created.id, { userRoles: [readOnly, administrator] })
    assert.equal((await machine.userRoles.list({ page: 1, pageSize: 5 })).length, 3, 'renewed after token_revoked')
    assert.ok((await machine.contractOwners.list({ page: 1, pageSize: 5 })).length >= 1, 'the new roles apply')

    // A rotated secret: the old token is revoked and the old secret no longer logs in.
    const rotated = await admin.appClients.rotateSecret(created.id)
    assert.notEqual(rotated.clientSecret, created.clientSecret)
    const refused = await failure(machine.userRoles.list({ page: 1, pageSize: 5 }))
    assert.ok(refused instanceof AuthenticationError)
    assert.equal(refused.code, 'invalid_credentials')
    const renewed = new ElevateClient({ baseUrl: server.url, brand: ADMIN.brand, clientId: created.appClientId, clientSecret: rotated.clientSecret })
    assert.equal((await renewed.userRoles.list({ page: 1, pageSize: 5 })).length, 3)
    assert.equal((await admin.appClients.get(created.id)).name, 'SDK client')
    await admin.appClients.delete(created.id)
    assert.equal((await failure(admin.appClients.get(created.id))).status, 404)
  })

  it('refuses mixed or missing app client credentials when the client is made', () => {
    assert.throws(() => new ElevateClient({ baseUrl: server.url, brand: ADMIN.brand, clientId: 'x' } as never), /clientSecret/)
    assert.throws(() => new ElevateClient({ baseUrl: server.url, ...ADMIN, clientId: 'x', clientSecret: 'y' } as never), /no username or password/)
  })
})
