import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import { ADMIN, startTestServer, type TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { JSON_PATCH, MERGE_PATCH, roleIds } from '../helpers/requests.ts'

const PATH = '/v1/users'
const PASSWORD = 'correct horse battery staple'
let sequence = 0
const uniqueName = () => `user.${process.pid}.${++sequence}`

describe('/v1/users', () => {
  let server: TestServer
  let token: string
  let roles: Record<string, number>
  const userBody = (overrides: Record<string, unknown> = {}) => ({
    username: uniqueName(), firstName: 'Bob', lastName: 'Smith', email: 'bob@example.com', userRoles: [roles['Read Only']], password: PASSWORD, ...overrides,
  })
  const create = async (body: Record<string, unknown>, as = token) => {
    const response = await server.request('POST', PATH, { token: as, json: body })
    assert.equal(response.status, 201, response.text)
    return response.body
  }
  before(async () => {
    server = await startTestServer()
    token = await server.login()
    roles = await roleIds(server, token)
  })
  after(() => server.close())

  it('creates a user: 201 with Location and ETag, never the password; the user can log in', async () => {
    const body = userBody({ telephoneNumber: '0113 496 0000', mobileNumber: '07700 900000' })
    const response = await server.request('POST', PATH, { token, json: body })
    assert.equal(response.status, 201, response.text)
    const { id, createdDate, updatedDate, ...rest } = response.body
    assert.equal(response.headers.get('location'), `${PATH}/${id}`)
    assert.equal(response.headers.get('etag'), '"1"')
    assert.ok(Date.parse(createdDate) > 0 && Date.parse(updatedDate) > 0)
    const { password: _password, ...expected } = body
    assert.deepEqual(rest, { ...expected, enabled: true })
    assert.ok(!response.text.includes(PASSWORD))
    const fetched = await server.request('GET', `${PATH}/${id}`, { token })
    assert.equal(fetched.status, 200)
    assert.deepEqual(fetched.body, response.body)
    assert.equal(fetched.headers.get('etag'), '"1"')
    const login = await server.request('POST', '/v1/authenticate', { json: { brand: ADMIN.brand, username: body.username, password: PASSWORD } })
    assert.equal(login.status, 200, login.text)
    assert.equal((await server.request('GET', PATH, { token: login.body.token, headers: {} })).status, 400, 'reads need paging')
    assertError(await server.request('POST', PATH, { token: login.body.token, json: userBody() }), 403, 'insufficient_permission')
    assert.ok(!server.logs.some((line) => JSON.stringify(line).includes(PASSWORD)), 'the password is never logged')
  })

  it('reports every invalid field at once, the password policy included', async () => {
    const response = await server.request('POST', PATH, { token, json: { username: 'bad name', firstName: '', email: 'x', userRoles: [0], password: 'short', nickname: 'b' } })
    assertError(response, 400, 'validation_failed', PATH)
    assertFieldErrors(response, ['username:invalid_format', 'firstName:too_short', 'lastName:required', 'email:too_short', 'email:invalid_format', 'userRoles[0]:out_of_range', 'password:too_short', 'nickname:unknown_field'])
    const username = uniqueName()
    assertFieldErrors(await server.request('POST', PATH, { token, json: userBody({ username: `${username}.long.enough`, password: `${username.toUpperCase()}.LONG.ENOUGH` }) }), ['password:weak_password'])
    assertFieldErrors(await server.request('POST', PATH, { token, json: userBody({ password: 'Password1234' }) }), ['password:weak_password'])
    assertError(await server.request('POST', PATH, { token, json: userBody({ userRoles: [999999] }) }), 400, 'invalid_reference')
    assertError(await server.request('POST', PATH, { token, json: userBody({ contractOwnerId: 999999 }) }), 400, 'invalid_reference')
  })

  it('answers a username taken in the brand with 409, but another brand may use it', async () => {
    const body = userBody()
    await create(body)
    const again = await server.request('POST', PATH, { token, json: { ...body, email: 'other@example.com' } })
    assertError(again, 409, 'already_exists', PATH)
    assertFieldErrors(again, ['username:already_exists'])
    const other = await otherBrandAdmin(server)
    const otherRoles = await server.request('GET', '/v1/user-roles?page=1&pageSize=10&name=Read%20Only', { token: other })
    assert.equal((await server.request('POST', PATH, { token: other, json: { ...body, userRoles: [otherRoles.body[0].id] } })).status, 201)
    assertError(await server.request('GET', `${PATH}/${(await create(userBody())).id}`, { token: other }), 404, 'not_found')
  })

  it('lists with the published filters, checks existence with HEAD, and pages', async () => {
    const owner = await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody({ name: `Owner ${uniqueName()}` }) })
    const lastName = `Filtered${process.pid}`
    const a = await create(userBody({ lastName, contractOwnerId: owner.body.id }))
    const b = await create(userBody({ lastName, enabled: false }))
    const list = async (query: string) => (await server.request('GET', `${PATH}?page=1&pageSize=50&${query}`, { token })).body.map((u: { id: number }) => u.id)
    assert.deepEqual(await list(`lastName=${lastName}&sort=id`), [a.id, b.id])
    assert.deepEqual(await list(`lastName=${lastName}&enabled=false`), [b.id])
    assert.deepEqual(await list(`contractOwner=${encodeURIComponent(owner.body.name)}`), [a.id])
    assert.deepEqual(await list(`username=${a.username}`), [a.id])
    assert.deepEqual(await list(`username=like:${a.username.toUpperCase()}&firstName=Bob&email=bob@example.com`), [a.id])
    const fields = await server.request('GET', `${PATH}?page=1&pageSize=1&fields=id,userRoles&username=${a.username}`, { token })
    assert.deepEqual(fields.body, [{ id: a.id, userRoles: a.userRoles }])
    assert.equal((await server.request('HEAD', `${PATH}?username=${a.username}`, { token })).status, 200)
    assert.equal((await server.request('HEAD', `${PATH}?username=nobody-${process.pid}`, { token })).status, 404)
    assertError(await server.request('GET', `${PATH}?page=1&pageSize=5&password=x`, { token }), 400, 'invalid_query')
    assertError(await server.request('GET', `${PATH}/999999`, { token }), 404, 'not_found')
  })

  it('updates with merge patch and JSON Patch, with If-Match; the username is fixed', async () => {
    const user = await create(userBody())
    const url = `${PATH}/${user.id}`
    const merged = await server.request('PATCH', url, { token, headers: { ...MERGE_PATCH, 'if-match': '"1"' }, body: JSON.stringify({ firstName: 'Robert', telephoneNumber: '0113 496 0001' }) })
    assert.equal(merged.status, 200, merged.text)
    assert.equal(merged.body.firstName, 'Robert')
    assert.equal(merged.headers.get('etag'), '"2"')
    assertError(await server.request('PATCH', url, { token, headers: { ...MERGE_PATCH, 'if-match': '"1"' }, body: '{"firstName":"Rob"}' }), 412, 'precondition_failed')
    const patched = await server.request('PATCH', url, { token, headers: JSON_PATCH, body: JSON.stringify([{ op: 'test', path: '/firstName', value: 'Robert' }, { op: 'replace', path: '/userRoles', value: [roles['Read Only'], roles['Customer Manager']] }, { op: 'remove', path: '/telephoneNumber' }]) })
    assert.equal(patched.status, 200, patched.text)
    assert.deepEqual(patched.body.userRoles, [roles['Read Only'], roles['Customer Manager']].sort((x, y) => x! - y!))
    assert.equal(patched.body.telephoneNumber, undefined)
    assertError(await server.request('PATCH', url, { token, headers: JSON_PATCH, body: JSON.stringify([{ op: 'test', path: '/firstName', value: 'Bob' }]) }), 409, 'patch_test_failed')
    const renamed = await server.request('PATCH', url, { token, headers: MERGE_PATCH, body: '{"username":"someone.else"}' })
    assertError(renamed, 400, 'validation_failed')
    assertFieldErrors(renamed, ['username:read_only'])
    assertFieldErrors(await server.request('PATCH', url, { token, headers: MERGE_PATCH, body: JSON.stringify({ password: user.username.padEnd(12, '.') === user.username ? user.username : 'qwerty123456' }) }), ['password:weak_password'])
    const unchanged = await server.request('PATCH', url, { token, headers: MERGE_PATCH, body: '{"firstName":"Robert"}' })
    assert.equal(unchanged.headers.get('etag'), patched.headers.get('etag'), 'a no-op writes nothing')
    assertError(await server.request('PATCH', `${PATH}/999999`, { token, headers: MERGE_PATCH, body: '{}' }), 404, 'not_found')
    assertError(await server.request('PATCH', url, { token, headers: { 'content-type': 'application/json' }, body: '{}' }), 415, 'unsupported_media_type')
    assertError(await server.request('DELETE', url, { token }), 405, 'method_not_allowed')
  })

  it('sets a new password with a patch: the old one stops working, the new one works', async () => {
    const user = await create(userBody())
    const newPassword = 'a much better passphrase'
    const response = await server.request('PATCH', `${PATH}/${user.id}`, { token, headers: MERGE_PATCH, body: JSON.stringify({ password: newPassword }) })
    assert.equal(response.status, 200, response.text)
    assert.equal(response.body.password, undefined)
    assert.equal(response.headers.get('etag'), '"2"')
    assertError(await server.request('POST', '/v1/authenticate', { json: { brand: ADMIN.brand, username: user.username, password: PASSWORD } }), 401, 'invalid_credentials')
    assert.equal((await server.request('POST', '/v1/authenticate', { json: { brand: ADMIN.brand, username: user.username, password: newPassword } })).status, 200)
  })
})
