import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { runDocExamples } from '../helpers/docs.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { JSON_PATCH } from '../helpers/requests.ts'

const PRODUCTS = '/v2/usage-products'
const CATEGORIES = '/v2/usage-product-categories'
let sequence = 0

describe('/v2/usage-products', () => {
  let server: TestServer
  let token: string
  let categoryId: number
  const product = (overrides: Record<string, unknown> = {}) => ({
    name: `Usage ${process.pid}-${++sequence}`,
    usageProductCategoryId: categoryId,
    direction: 'OUTBOUND',
    availableFrom: '2024-01-01',
    productReferenceFormat: '[0-9]{3,11}',
    ...overrides,
  })
  const post = async (path: string, body: Record<string, unknown>) => {
    const response = await server.request('POST', path, { token, json: body })
    assert.equal(response.status, 201, response.text)
    return response.body
  }
  const patch = (id: number, operations: unknown[], headers: Record<string, string> = {}) =>
    server.request('PATCH', `${PRODUCTS}/${id}`, { token, headers: { ...JSON_PATCH, ...headers }, body: JSON.stringify(operations) })
  const newCategory = async () => (await post(CATEGORIES, { name: `Usage category ${process.pid}-${++sequence}` })).id

  before(async () => {
    server = await startTestServer()
    token = await server.login()
    categoryId = await newCategory()
  })
  after(() => server.close())

  it('creates one: 201 with Location and ETag, the flags false and customFields [] unless given; reads it back', async () => {
    const body = product({ nominalCode: 'CALLS-1', serviceIdFormat: '[a-zA-Z0-9\\-]{3,100}', availableTo: '2030-12-31' })
    const response = await server.request('POST', PRODUCTS, { token, json: body })
    assert.equal(response.status, 201, response.text)
    const { id, ...rest } = response.body
    assert.equal(response.headers.get('location'), `${PRODUCTS}/${id}`)
    assert.equal(response.headers.get('etag'), '"1"')
    assert.deepEqual(rest, { ...body, performLocalAndNationalCheck: false, productReferenceCanBeRange: false, serviceIdRequired: false, customFields: [] })
    assert.deepEqual((await server.request('GET', `${PRODUCTS}/${id}`, { token })).body, response.body)
  })

  it('400: every invalid field at once; formats that are not regular expressions, named; an unknown category', async () => {
    const invalid = await server.request('POST', PRODUCTS, { token, json: { name: '', usageProductCategoryId: 'x', direction: 'SIDEWAYS', availableFrom: 'today', performLocalAndNationalCheck: 'yes' } })
    assertError(invalid, 400, 'validation_failed', PRODUCTS)
    assertFieldErrors(invalid, ['name:too_short', 'name:invalid_format', 'usageProductCategoryId:invalid_type', 'direction:invalid_value', 'availableFrom:invalid_format', 'performLocalAndNationalCheck:invalid_type', 'productReferenceFormat:required'])
    const formats = await server.request('POST', PRODUCTS, { token, json: product({ productReferenceFormat: '[0-9', serviceIdFormat: '+x', availableTo: '2023-12-31' }) })
    assertError(formats, 400, 'validation_failed')
    assertFieldErrors(formats, ['productReferenceFormat:invalid_format', 'serviceIdFormat:invalid_format', 'availableTo:invalid_value'])
    const missing = await server.request('POST', PRODUCTS, { token, json: product({ usageProductCategoryId: 987654 }) })
    assertError(missing, 400, 'invalid_reference')
    assertFieldErrors(missing, ['usageProductCategoryId:invalid_reference'])
  })

  it('lists with the published filters, sort, fields and paging; HEAD 200/404; refuses others', async () => {
    const stem = `Listed ${process.pid}`
    const other = await newCategory()
    const a = await post(PRODUCTS, product({ name: `${stem} A`, nominalCode: 'NC-A', availableFrom: '2020-01-01', availableTo: '2020-12-31' }))
    const b = await post(PRODUCTS, product({ name: `${stem} B`, usageProductCategoryId: other, direction: 'INBOUND', availableFrom: '2022-01-01' }))
    const query = (filters: string) => server.request('GET', `${PRODUCTS}?page=1&pageSize=10&name=${encodeURIComponent(`like:${stem}`)}&sort=name&fields=id&${filters}`, { token })
    assert.deepEqual((await query(`usageProductCategoryId=${other}`)).body, [{ id: b.id }])
    assert.deepEqual((await query('availableFrom=gt:2021-01-01')).body, [{ id: b.id }])
    assert.deepEqual((await query('availableTo=lt:2021-01-01')).body, [{ id: a.id }])
    assert.deepEqual((await query('nominalCode=NC-A')).body, [{ id: a.id }])
    const page = await server.request('GET', `${PRODUCTS}?page=1&pageSize=1&name=${encodeURIComponent(`like:${stem}`)}&sort=name:desc&fields=name,direction`, { token })
    assert.deepEqual(page.body, [{ name: `${stem} B`, direction: 'INBOUND' }])
    assert.match(page.headers.get('link') ?? '', /rel="next"/)
    assert.equal((await server.request('HEAD', `${PRODUCTS}?usageProductCategoryId=${other}`, { token })).status, 200)
    assert.equal((await server.request('HEAD', `${PRODUCTS}?name=none-${process.pid}`, { token })).status, 404)
    assertError(await server.request('GET', `${PRODUCTS}?page=1&pageSize=10&direction=INBOUND`, { token }), 400, 'invalid_query')
  })

  it('PATCH (JSON Patch only): 200 and the next ETag; 412; 409 failed test; 400; 415; 404; DELETE 405', async () => {
    const { id } = await post(PRODUCTS, product())
    const ok = await patch(id, [{ op: 'replace', path: '/direction', value: 'INBOUND' }, { op: 'add', path: '/customFields/-', value: { label: 'Network', value: 'BT' } }], { 'if-match': '"1"' })
    assert.equal(ok.status, 200, ok.text)
    assert.equal(ok.headers.get('etag'), '"2"')
    assert.deepEqual([ok.body.direction, ok.body.customFields], ['INBOUND', [{ label: 'Network', value: 'BT' }]])
    assertError(await patch(id, [{ op: 'replace', path: '/name', value: 'x' }], { 'if-match': '"1"' }), 412, 'precondition_failed')
    assertError(await patch(id, [{ op: 'test', path: '/direction', value: 'OUTBOUND' }]), 409, 'patch_test_failed')
    assertFieldErrors(await patch(id, [{ op: 'replace', path: '/productReferenceFormat', value: '(' }]), ['productReferenceFormat:invalid_format'])
    assertFieldErrors(await patch(id, [{ op: 'replace', path: '/usageProductCategoryId', value: 987654 }]), ['usageProductCategoryId:invalid_reference'])
    assertError(await server.request('PATCH', `${PRODUCTS}/${id}`, { token, headers: { 'content-type': 'application/merge-patch+json' }, body: '{"name":"x"}' }), 415, 'unsupported_media_type')
    assertError(await patch(987654, []), 404, 'not_found')
    assertError(await server.request('DELETE', `${PRODUCTS}/${id}`, { token }), 405, 'method_not_allowed')
  })

  it('keeps a category in use (409 in_use); deletes an empty one', async () => {
    const category = await newCategory()
    await post(PRODUCTS, product({ usageProductCategoryId: category }))
    const inUse = await server.request('DELETE', `${CATEGORIES}/${category}`, { token })
    assertError(inUse, 409, 'in_use')
    assert.match(inUse.body.message, /usage products/)
    assert.equal((await server.request('DELETE', `${CATEGORIES}/${await newCategory()}`, { token })).status, 204)
  })

  it('needs a token (401) and products:write to write (403); brands never meet', async () => {
    const { id } = await post(PRODUCTS, product())
    assertError(await server.request('GET', `${PRODUCTS}?page=1&pageSize=1`), 401, 'authentication_required')
    const reader = await loginAs(server, ['Read Only'])
    assert.equal((await server.request('GET', `${PRODUCTS}/${id}`, { token: reader })).status, 200)
    assertError(await server.request('POST', PRODUCTS, { token: reader, json: product() }), 403, 'insufficient_permission')
    assertError(await server.request('PATCH', `${PRODUCTS}/${id}`, { token: reader, headers: JSON_PATCH, body: '[]' }), 403, 'insufficient_permission')
    const other = await otherBrandAdmin(server)
    assertError(await server.request('GET', `${PRODUCTS}/${id}`, { token: other }), 404, 'not_found')
    assertError(await server.request('POST', PRODUCTS, { token: other, json: product() }), 400, 'invalid_reference')
  })

  it('runs the docs example as written', async () => {
    const stdout = await runDocExamples(server.url, ['products.md'])
    assert.match(stdout, /^\[\{"name":"UK outbound calls","direction":"OUTBOUND"\}\]$/m)
  })
})
