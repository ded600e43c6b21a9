import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { JSON_PATCH, created } from '../helpers/requests.ts'

const CATEGORIES = '/v2/usage-product-categories'
let sequence = 0
const category = () => ({ name: `Usage category ${process.pid}-${++sequence}` })

describe('/v2/usage-product-categories', () => {
  let server: TestServer
  let token: string
  const create = (body: Record<string, unknown>) => created(server, token, CATEGORIES, body)
  const patch = (id: number, operations: unknown[], headers: Record<string, string> = {}) =>
    server.request('PATCH', `${CATEGORIES}/${id}`, { token, headers: { ...JSON_PATCH, ...headers }, body: JSON.stringify(operations) })
  before(async () => {
    server = await startTestServer()
    token = await server.login()
  })
  after(() => server.close())

  it('creates one (201, Location, ETag), reads and lists it; 400 with every error; 409 for a taken name', async () => {
    const body = category()
    const response = await server.request('POST', CATEGORIES, { token, json: body })
    assert.equal(response.status, 201, response.text)
    assert.equal(response.headers.get('location'), `${CATEGORIES}/${response.body.id}`)
    assert.equal(response.headers.get('etag'), '"1"')
    assert.deepEqual(response.body, { id: response.body.id, ...body })
    assert.deepEqual((await server.request('GET', `${CATEGORIES}/${response.body.id}`, { token })).body, response.body)
    const listed = await server.request('GET', `${CATEGORIES}?page=1&pageSize=10&name=${encodeURIComponent(body.name)}`, { token })
    assert.deepEqual(listed.body, [response.body])
    assert.equal((await server.request('HEAD', `${CATEGORIES}?name=${encodeURIComponent(body.name)}`, { token })).status, 200)
    assert.equal((await server.request('HEAD', `${CATEGORIES}?name=none-${process.pid}`, { token })).status, 404)
    const invalid = await server.request('POST', CATEGORIES, { token, json: { name: '', colour: 'red' } })
    assertError(invalid, 400, 'validation_failed', CATEGORIES)
    assertFieldErrors(invalid, ['name:too_short', 'name:invalid_format', 'colour:unknown_field'])
    const taken = await server.request('POST', CATEGORIES, { token, json: body })
    assertError(taken, 409, 'already_exists')
    assertFieldErrors(taken, ['name:already_exists'])
  })

  it('PATCH (JSON Patch only): 200 and the next ETag; 412; 409 failed test; 400; 415; 404; DELETE 204 then 404', async () => {
    const { id, name } = await create(category())
    const renamed = await patch(id, [{ op: 'replace', path: '/name', value: `${name} renamed` }], { 'if-match': '"1"' })
    assert.equal(renamed.status, 200, renamed.text)
    assert.equal(renamed.headers.get('etag'), '"2"')
    assertError(await patch(id, [{ op: 'replace', path: '/name', value: 'x' }], { 'if-match': '"1"' }), 412, 'precondition_failed')
    assertError(await patch(id, [{ op: 'test', path: '/name', value: name }]), 409, 'patch_test_failed')
    assertFieldErrors(await patch(id, [{ op: 'remove', path: '/name' }]), ['name:required'])
    assertError(await server.request('PATCH', `${CATEGORIES}/${id}`, { token, headers: { 'content-type': 'application/merge-patch+json' }, body: '{"name":"x"}' }), 415, 'unsupported_media_type')
    assertError(await patch(987654, []), 404, 'not_found')
    assert.equal((await server.request('DELETE', `${CATEGORIES}/${id}`, { token })).status, 204)
    assertError(await server.request('DELETE', `${CATEGORIES}/${id}`, { token }), 404, 'not_found')
    assertError(await server.request('PUT', `${CATEGORIES}/${id}`, { token, json: category() }), 405, 'method_not_allowed')
  })

  it('needs a token (401) and products:write to write (403); brands never meet', async () => {
    const { id } = await create(category())
    assertError(await server.request('GET', `${CATEGORIES}/${id}`), 401, 'authentication_required')
    const reader = await loginAs(server, ['Read Only'])
    assert.equal((await server.request('GET', `${CATEGORIES}/${id}`, { token: reader })).status, 200)
    assertError(await server.request('POST', CATEGORIES, { token: reader, json: category() }), 403, 'insufficient_permission')
    assertError(await server.request('DELETE', `${CATEGORIES}/${id}`, { token: reader }), 403, 'insufficient_permission')
    assertError(await server.request('GET', `${CATEGORIES}/${id}`, { token: await otherBrandAdmin(server) }), 404, 'not_found')
  })
})
