import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { runDocExamples } from '../helpers/docs.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { JSON_PATCH, MERGE_PATCH, created } from '../helpers/requests.ts'

const CATEGORIES = '/v2/rental-product-categories'
let sequence = 0

describe('/v2/rental-product-categories', () => {
  let server: TestServer
  let token: string
  let owner: number
  let account: number
  const category = (overrides: Record<string, unknown> = {}) => ({ name: `Category ${process.pid}-${++sequence}`, startDate: '2024-01-01', contractOwnerIds: [owner], ...overrides })
  const create = (body: Record<string, unknown>) => created(server, token, CATEGORIES, body)
  const patch = (id: number, operations: unknown[], headers: Record<string, string> = {}) =>
    server.request('PATCH', `${CATEGORIES}/${id}`, { token, headers: { ...JSON_PATCH, ...headers }, body: JSON.stringify(operations) })
  const markSiMaintained = (id: number) => server.db.system.updateTable('rental_product_categories').set({ si_maintained: true }).where('id', '=', id).execute()

  before(async () => {
    server = await startTestServer()
    token = await server.login()
    owner = (await server.request('GET', '/v1/contract-owners?page=1&pageSize=1', { token })).body[0].id
    const supplier = (await server.request('POST', '/v1/suppliers', { token, json: { name: `Supplier ${process.pid}` } })).body.id
    account = (await server.request('POST', `/v1/suppliers/${supplier}/supplier-accounts`, { token, json: { accountNumber: `ACC-${process.pid}` } })).body.id
  })
  after(() => server.close())

  it('creates one: 201 with Location and ETag, siMaintained false, supplierAccountIds [] unless given; reads it back', async () => {
    const body = category({ endDate: '2030-12-31', displayIcon: 'fa-wifi' })
    const response = await server.request('POST', CATEGORIES, { token, json: body })
    assert.equal(response.status, 201, response.text)
    const { id, ...rest } = response.body
    assert.equal(response.headers.get('location'), `${CATEGORIES}/${id}`)
    assert.equal(response.headers.get('etag'), '"1"')
    assert.deepEqual(rest, { ...body, siMaintained: false, supplierAccountIds: [] })
    const fetched = await server.request('GET', `${CATEGORIES}/${id}`, { token })
    assert.equal(fetched.status, 200)
    assert.deepEqual(fetched.body, response.body)
    const withAccount = await create(category({ supplierAccountIds: [account], displayIcon: 'fa-wrench' }))
    assert.deepEqual(withAccount.supplierAccountIds, [account])
  })

  it('reports every invalid field at once (400); unknown references 400 invalid_reference; a taken name 409', async () => {
    const invalid = await server.request('POST', CATEGORIES, {
      token,
      json: { name: '', startDate: '2024-02-30', contractOwnerIds: [], supplierAccountIds: [1, 1], displayIcon: 'fa-smile', siMaintained: true },
    })
    assertError(invalid, 400, 'validation_failed', CATEGORIES)
    assertFieldErrors(invalid, ['name:too_short', 'name:invalid_format', 'startDate:invalid_format', 'contractOwnerIds:too_few', 'supplierAccountIds:duplicate_items', 'displayIcon:invalid_value', 'siMaintained:unknown_field'])
    assertFieldErrors(await server.request('POST', CATEGORIES, { token, json: {} }), ['name:required', 'startDate:required', 'contractOwnerIds:required'])
    const order = await server.request('POST', CATEGORIES, { token, json: category({ startDate: '2024-02-01', endDate: '2024-01-31' }) })
    assertError(order, 400, 'validation_failed')
    assertFieldErrors(order, ['endDate:invalid_value'])
    const missing = await server.request('POST', CATEGORIES, { token, json: category({ contractOwnerIds: [owner, 987654], supplierAccountIds: [987655] }) })
    assertError(missing, 400, 'invalid_reference')
    assertFieldErrors(missing, ['contractOwnerIds:invalid_reference', 'supplierAccountIds:invalid_reference'])
    assert.match(missing.body.message, /987654/)
    const { name } = await create(category())
    const taken = await server.request('POST', CATEGORIES, { token, json: category({ name }) })
    assertError(taken, 409, 'already_exists')
    assertFieldErrors(taken, ['name:already_exists'])
    assertError(await server.request('POST', CATEGORIES, { token, body: 'name=x', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type')
  })

  it('lists with the name filter, sort, fields and paging; HEAD 200/404; refuses unpublished filters', async () => {
    const stem = `Listed ${process.pid}`
    for (const suffix of ['B', 'A', 'C']) await create(category({ name: `${stem} ${suffix}` }))
    const page = await server.request('GET', `${CATEGORIES}?page=1&pageSize=2&name=${encodeURIComponent(`like:${stem}`)}&sort=name:desc&fields=name`, { token })
    assert.equal(page.status, 200, page.text)
    assert.deepEqual(page.body, [{ name: `${stem} C` }, { name: `${stem} B` }])
    assert.match(page.headers.get('link') ?? '', /<\/v2\/rental-product-categories\?[^>]*page=2[^>]*>; rel="next"/)
    const exact = await server.request('GET', `${CATEGORIES}?page=1&pageSize=10&name=${encodeURIComponent(`in:${stem} A,${stem} C`)}&sort=name&fields=name`, { token })
    assert.deepEqual(exact.body, [{ name: `${stem} A` }, { name: `${stem} C` }])
    assert.equal((await server.request('HEAD', `${CATEGORIES}?name=${encodeURIComponent(`${stem} A`)}`, { token })).status, 200)
    assert.equal((await server.request('HEAD', `${CATEGORIES}?name=nothing-${process.pid}`, { token })).status, 404)
    assertError(await server.request('GET', `${CATEGORIES}?page=1&pageSize=10&siMaintained=true`, { token }), 400, 'invalid_query')
    assertError(await server.request('GET', `${CATEGORIES}?page=1`, { token }), 400, 'invalid_query')
  })

  it('PATCH takes JSON Patch: 200 with the next ETag; 412 stale If-Match; 409 failed test or taken name; 400; 415 merge patch; 404', async () => {
    const { id } = await create(category())
    const other = await create(category())
    const ok = await patch(id, [{ op: 'add', path: '/displayIcon', value: 'fa-cloud' }, { op: 'add', path: '/supplierAccountIds/-', value: account }], { 'if-match': '"1"' })
    assert.equal(ok.status, 200, ok.text)
    assert.equal(ok.headers.get('etag'), '"2"')
    assert.deepEqual([ok.body.displayIcon, ok.body.supplierAccountIds], ['fa-cloud', [account]])
    assertError(await patch(id, [{ op: 'replace', path: '/name', value: 'Stale' }], { 'if-match': '"1"' }), 412, 'precondition_failed')
    assertError(await patch(id, [{ op: 'test', path: '/displayIcon', value: 'fa-wifi' }]), 409, 'patch_test_failed')
    assertFieldErrors(await patch(id, [{ op: 'replace', path: '/name', value: other.name }]), ['name:already_exists'])
    assertFieldErrors(await patch(id, [{ op: 'remove', path: '/startDate' }, { op: 'replace', path: '/displayIcon', value: 'fa-x' }]), ['startDate:required', 'displayIcon:invalid_value'])
    assertFieldErrors(await patch(id, [{ op: 'replace', path: '/siMaintained', value: true }]), ['siMaintained:read_only'])
    assertFieldErrors(await patch(id, [{ op: 'add', path: '/endDate', value: '2023-12-31' }]), ['endDate:invalid_value'])
    assertFieldErrors(await patch(id, [{ op: 'replace', path: '/contractOwnerIds', value: [987654] }]), ['contractOwnerIds:invalid_reference'])
    const merge = await server.request('PATCH', `${CATEGORIES}/${id}`, { token, headers: MERGE_PATCH, body: '{"displayIcon":"fa-bolt"}' })
    assertError(merge, 415, 'unsupported_media_type')
    assert.equal((await server.request('GET', `${CATEGORIES}/${id}`, { token })).body.displayIcon, 'fa-cloud', 'the merge patch changed nothing')
    assertError(await patch(987654, []), 404, 'not_found')
  })

  it('refuses to change or delete a category maintained by SI: 409 protected_record; reads it', async () => {
    const { id } = await create(category())
    await markSiMaintained(id)
    const fetched = await server.request('GET', `${CATEGORIES}/${id}`, { token })
    assert.equal(fetched.body.siMaintained, true)
    const changed = await patch(id, [{ op: 'replace', path: '/displayIcon', value: 'fa-bolt' }])
    assertError(changed, 409, 'protected_record')
    assert.match(changed.body.message, /maintained by SI/)
    assertError(await server.request('DELETE', `${CATEGORIES}/${id}`, { token }), 409, 'protected_record')
    assert.equal((await server.request('GET', `${CATEGORIES}/${id}`, { token })).headers.get('etag'), fetched.headers.get('etag'))
  })

  it('DELETE: 204, then 404; 405 with Allow on a method the path does not take; 400 for a bad id', async () => {
    const { id } = await create(category())
    assert.equal((await server.request('DELETE', `${CATEGORIES}/${id}`, { token })).status, 204)
    assertError(await server.request('GET', `${CATEGORIES}/${id}`, { token }), 404, 'not_found')
    assertError(await server.request('DELETE', `${CATEGORIES}/${id}`, { token }), 404, 'not_found')
    const put = await server.request('PUT', `${CATEGORIES}/${id}`, { token, json: category() })
    assertError(put, 405, 'method_not_allowed')
    assert.match(put.headers.get('allow') ?? '', /PATCH/)
    assertError(await server.request('DELETE', CATEGORIES, { token }), 405, 'method_not_allowed')
    assertError(await server.request('GET', `${CATEGORIES}/abc`, { token }), 400, 'invalid_path_parameter')
  })

  it('needs a token on /v2 (401) and products:write to write (403); restricted users read only; brands never meet', async () => {
    const { id } = await create(category())
    assertError(await server.request('GET', `${CATEGORIES}?page=1&pageSize=1`), 401, 'authentication_required')
    assertError(await server.request('GET', `${CATEGORIES}/${id}`), 401, 'authentication_required')
    assertError(await server.request('POST', CATEGORIES, { json: category() }), 401, 'authentication_required')
    assert.equal((await server.request('HEAD', CATEGORIES)).status, 401)
    const reader = await loginAs(server, ['Read Only'])
    assert.equal((await server.request('GET', `${CATEGORIES}/${id}`, { token: reader })).status, 200)
    assert.equal((await server.request('GET', `${CATEGORIES}?page=1&pageSize=1`, { token: reader })).status, 200)
    assertError(await server.request('POST', CATEGORIES, { token: reader, json: category() }), 403, 'insufficient_permission')
    assertError(await server.request('PATCH', `${CATEGORIES}/${id}`, { token: reader, headers: JSON_PATCH, body: '[]' }), 403, 'insufficient_permission')
    assertError(await server.request('DELETE', `${CATEGORIES}/${id}`, { token: reader }), 403, 'insufficient_permission')
    const restrictedOwner = (await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody() })).body.id
    const restricted = await loginAs(server, ['Administrator'], restrictedOwner)
    assert.equal((await server.request('GET', `${CATEGORIES}/${id}`, { token: restricted })).status, 200)
    assertError(await server.request('POST', CATEGORIES, { token: restricted, json: category({ contractOwnerIds: [restrictedOwner] }) }), 403, 'insufficient_permission')
    assertError(await server.request('DELETE', `${CATEGORIES}/${id}`, { token: restricted }), 403, 'insufficient_permission')
    const other = await otherBrandAdmin(server)
    assertError(await server.request('GET', `${CATEGORIES}/${id}`, { token: other }), 404, 'not_found')
    assertError(await server.request('POST', CATEGORIES, { token: other, json: category() }), 400, 'invalid_reference')
  })

  it('runs the docs example as written', async () => {
    const stdout = await runDocExamples(server.url, ['products.md'])
    assert.match(stdout, /"name":"Broadband and fibre"/)
    assert.match(stdout, /^\[\{"name":"Broadband and fibre","displayIcon":"fa-wifi"\}\]$/m)
  })
})
