import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { JSON_PATCH } from '../helpers/requests.ts'

const FIELDS = '/v2/product-custom-fields'
let sequence = 0

describe('/v2/product-custom-fields', () => {
  let server: TestServer
  let token: string
  let rentalCategory: number
  let usageCategory: number
  const customField = (overrides: Record<string, unknown> = {}) => ({ label: `Field ${process.pid}-${++sequence}`, entityLevel: 'RENTAL_PRODUCT', ...overrides })
  const post = async (path: string, body: Record<string, unknown>) => {
    const response = await server.request('POST', path, { token, json: body })
    assert.equal(response.status, 201, response.text)
    return response.body
  }
  const patch = (id: number, operations: unknown[], headers: Record<string, string> = {}) =>
    server.request('PATCH', `${FIELDS}/${id}`, { token, headers: { ...JSON_PATCH, ...headers }, body: JSON.stringify(operations) })

  before(async () => {
    server = await startTestServer()
    token = await server.login()
    const owner = (await server.request('GET', '/v1/contract-owners?page=1&pageSize=1', { token })).body[0].id
    rentalCategory = (await post('/v2/rental-product-categories', { name: `Rental ${process.pid}`, startDate: '2024-01-01', contractOwnerIds: [owner] })).id
    usageCategory = (await post('/v2/usage-product-categories', { name: `Usage ${process.pid}` })).id
  })
  after(() => server.close())

  it('creates one (201, Location, ETag; productCategoryIds [] unless given) and reads it back', async () => {
    const body = customField({ productCategoryIds: [rentalCategory] })
    const response = await server.request('POST', FIELDS, { token, json: body })
    assert.equal(response.status, 201, response.text)
    assert.equal(response.headers.get('location'), `${FIELDS}/${response.body.id}`)
    assert.equal(response.headers.get('etag'), '"1"')
    assert.deepEqual(response.body, { id: response.body.id, ...body })
    assert.deepEqual((await server.request('GET', `${FIELDS}/${response.body.id}`, { token })).body, response.body)
    assert.deepEqual((await post(FIELDS, customField({ entityLevel: 'USAGE_PRODUCT' }))).productCategoryIds, [])
  })

  it('400 with every error; categories of the level’s kind only (400 invalid_reference); 409 a label taken at the level', async () => {
    const invalid = await server.request('POST', FIELDS, { token, json: { label: '', entityLevel: 'SITE', productCategoryIds: [0] } })
    assertError(invalid, 400, 'validation_failed', FIELDS)
    assertFieldErrors(invalid, ['label:too_short', 'label:invalid_format', 'entityLevel:invalid_value', 'productCategoryIds[0]:out_of_range'])
    const wrongKind = await server.request('POST', FIELDS, { token, json: customField({ entityLevel: 'USAGE_PRODUCT', productCategoryIds: [987654, usageCategory] }) })
    assertError(wrongKind, 400, 'invalid_reference')
    assertFieldErrors(wrongKind, ['productCategoryIds:invalid_reference'])
    const { label } = await post(FIELDS, customField())
    const taken = await server.request('POST', FIELDS, { token, json: customField({ label }) })
    assertError(taken, 409, 'already_exists')
    assert.equal((await server.request('POST', FIELDS, { token, json: customField({ label, entityLevel: 'RENTAL_PRODUCT_INVENTORY' }) })).status, 201, 'another level')
  })

  it('lists with the published filters (label, productCategoryId, entityLevel); HEAD 200/404', async () => {
    const stem = `Listed ${process.pid}`
    const a = await post(FIELDS, customField({ label: `${stem} A`, productCategoryIds: [rentalCategory] }))
    const b = await post(FIELDS, customField({ label: `${stem} B`, entityLevel: 'USAGE_PRODUCT', productCategoryIds: [usageCategory] }))
    const c = await post(FIELDS, customField({ label: `${stem} C`, entityLevel: 'RENTAL_PRODUCT_INVENTORY' }))
    const query = (filters: string) => server.request('GET', `${FIELDS}?page=1&pageSize=10&label=${encodeURIComponent(`like:${stem}`)}&sort=label&fields=id&${filters}`, { token })
    // Rental and usage categories are numbered apart: entityLevel says which kind the id is.
    assert.deepEqual((await query(`productCategoryId=${rentalCategory}&entityLevel=RENTAL_PRODUCT`)).body, [{ id: a.id }])
    assert.deepEqual((await query(`productCategoryId=${usageCategory}&entityLevel=USAGE_PRODUCT`)).body, [{ id: b.id }])
    assert.deepEqual((await query(`productCategoryId=in:${rentalCategory},${usageCategory}`)).body, [{ id: a.id }, { id: b.id }])
    assert.deepEqual((await query('entityLevel=RENTAL_PRODUCT_INVENTORY')).body, [{ id: c.id }])
    assertError(await query('entityLevel=in:SITE'), 400, 'invalid_query')
    assert.equal((await server.request('HEAD', `${FIELDS}?productCategoryId=${usageCategory}`, { token })).status, 200)
    assert.equal((await server.request('HEAD', `${FIELDS}?productCategoryId=987654`, { token })).status, 404)
  })

  it('PATCH (JSON Patch only): 200 and the next ETag; entityLevel fixed; 412; 409 failed test; 415; 404; DELETE 204 then 404', async () => {
    const { id } = await post(FIELDS, customField())
    const ok = await patch(id, [{ op: 'add', path: '/productCategoryIds/-', value: rentalCategory }], { 'if-match': '"1"' })
    assert.equal(ok.status, 200, ok.text)
    assert.equal(ok.headers.get('etag'), '"2"')
    assert.deepEqual(ok.body.productCategoryIds, [rentalCategory])
    assertFieldErrors(await patch(id, [{ op: 'replace', path: '/entityLevel', value: 'USAGE_PRODUCT' }]), ['entityLevel:read_only'])
    assertFieldErrors(await patch(id, [{ op: 'add', path: '/productCategoryIds/-', value: 987654 }]), ['productCategoryIds:invalid_reference'])
    assertError(await patch(id, [{ op: 'replace', path: '/label', value: 'x' }], { 'if-match': '"1"' }), 412, 'precondition_failed')
    assertError(await patch(id, [{ op: 'test', path: '/label', value: 'nope' }]), 409, 'patch_test_failed')
    assertError(await server.request('PATCH', `${FIELDS}/${id}`, { token, headers: { 'content-type': 'application/merge-patch+json' }, body: '{"label":"x"}' }), 415, 'unsupported_media_type')
    assertError(await patch(987654, []), 404, 'not_found')
    assert.equal((await server.request('DELETE', `${FIELDS}/${id}`, { token })).status, 204)
    assertError(await server.request('DELETE', `${FIELDS}/${id}`, { token }), 404, 'not_found')
  })

  it('needs a token (401) and products:write to write (403); brands never meet', async () => {
    const { id } = await post(FIELDS, customField())
    assertError(await server.request('GET', `${FIELDS}?page=1&pageSize=1`), 401, 'authentication_required')
    const reader = await loginAs(server, ['Read Only'])
    assert.equal((await server.request('GET', `${FIELDS}?page=1&pageSize=1`, { token: reader })).status, 200)
    assertError(await server.request('POST', FIELDS, { token: reader, json: customField() }), 403, 'insufficient_permission')
    assertError(await server.request('DELETE', `${FIELDS}/${id}`, { token: reader }), 403, 'insufficient_permission')
    assertError(await server.request('GET', `${FIELDS}/${id}`, { token: await otherBrandAdmin(server) }), 404, 'not_found')
  })
})
