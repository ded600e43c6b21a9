import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { runDocExamples } from '../helpers/docs.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { JSON_PATCH } from '../helpers/requests.ts'

const PRODUCTS = '/v2/rental-products'
const CATEGORIES = '/v2/rental-product-categories'
let sequence = 0

describe('/v2/rental-products', () => {
  let server: TestServer
  let token: string
  let owner: number
  let categoryId: number
  let supplierId: number
  let taxBandId: number
  let usageProductId: number
  const product = (overrides: Record<string, unknown> = {}) => {
    const n = ++sequence
    return { rentalProductCategoryId: categoryId, productType: 'PRODUCT', name: `Product ${process.pid}-${n}`, invoicePresentationName: `Product ${n}`, supplierId, taxBandId, availableFrom: '2024-01-01', ...overrides }
  }
  const post = async (path: string, body: Record<string, unknown>) => {
    const response = await server.request('POST', path, { token, json: body })
    assert.equal(response.status, 201, response.text)
    return response.body
  }
  const patch = (id: number, operations: unknown[], headers: Record<string, string> = {}) =>
    server.request('PATCH', `${PRODUCTS}/${id}`, { token, headers: { ...JSON_PATCH, ...headers }, body: JSON.stringify(operations) })
  const newCategory = async () => (await post(CATEGORIES, { name: `Category ${process.pid}-${++sequence}`, startDate: '2024-01-01', contractOwnerIds: [owner] })).id

  before(async () => {
    server = await startTestServer()
    token = await server.login()
    owner = (await server.request('GET', '/v1/contract-owners?page=1&pageSize=1', { token })).body[0].id
    categoryId = await newCategory()
    supplierId = (await post('/v1/suppliers', { name: `Supplier ${process.pid}` })).id
    taxBandId = (await server.request('GET', '/v1/tax-bands?page=1&pageSize=1&code=T1', { token })).body[0].id
    const usageCategory = (await post('/v2/usage-product-categories', { name: `Calls ${process.pid}` })).id
    usageProductId = (await post('/v2/usage-products', { name: 'Calls', usageProductCategoryId: usageCategory, direction: 'OUTBOUND', availableFrom: '2024-01-01', productReferenceFormat: '.*' })).id
  })
  after(() => server.close())

  it('creates one: 201 with Location and ETag, the flags false and the lists empty unless given; reads it back', async () => {
    const body = product({ nominalCode: 'SALES-01QTR2', availableTo: '2030-12-31', productReferenceFormat: '0[1-9][0-9]{8,9}', additionalProductReferenceFormat: '[a-zA-Z0-9]{4,15}' })
    const response = await server.request('POST', PRODUCTS, { token, json: body })
    assert.equal(response.status, 201, response.text)
    const { id, ...rest } = response.body
    assert.equal(response.headers.get('location'), `${PRODUCTS}/${id}`)
    assert.equal(response.headers.get('etag'), '"1"')
    assert.deepEqual(rest, {
      ...body,
      supplierProductNames: [],
      doNotProRate: false,
      alignedToStart: false,
      alignedToBillPeriod: false,
      billInitialChargesImmediately: false,
      forceBillPeriods: 0,
      additionalProductReferenceRequired: false,
      productReferenceRequired: false,
      productReferenceMayBeDDIRange: false,
      generateWhenParentCreated: false,
      customFields: [],
    })
    assert.deepEqual((await server.request('GET', `${PRODUCTS}/${id}`, { token })).body, response.body)
    const full = product({ productType: 'FEATURE', parentRentalProductId: id, supplierProductNames: ['FTTP 900 rental'], doNotProRate: true, forceBillPeriods: 731, linkedUsageProductId: usageProductId, customFields: [{ label: 'Speed', value: '900' }] })
    const child = await post(PRODUCTS, full)
    assert.deepEqual({ ...child, id: undefined }, { ...child, ...full, id: undefined })
  })

  it('reports every invalid field at once (400): types, enums, lengths, ranges, unknown fields', async () => {
    const invalid = await server.request('POST', PRODUCTS, {
      token,
      json: { rentalProductCategoryId: 0, productType: 'SERVICE', name: '', invoicePresentationName: 'x'.repeat(256), supplierId: 'one', taxBandId: 1.5, availableFrom: '2024-13-01', nominalCode: 'a b', forceBillPeriods: 732, productReferenceFormat: 'x'.repeat(51), siMaintained: true },
    })
    assertError(invalid, 400, 'validation_failed', PRODUCTS)
    assertFieldErrors(invalid, [
      'rentalProductCategoryId:out_of_range', 'productType:invalid_value', 'name:too_short', 'name:invalid_format', 'invoicePresentationName:too_long', 'supplierId:invalid_type',
      'taxBandId:invalid_type', 'availableFrom:invalid_format', 'nominalCode:invalid_format', 'forceBillPeriods:out_of_range', 'productReferenceFormat:too_long', 'siMaintained:unknown_field',
    ])
    assertFieldErrors(await server.request('POST', PRODUCTS, { token, json: {} }), [
      'rentalProductCategoryId:required', 'productType:required', 'name:required', 'invoicePresentationName:required', 'supplierId:required', 'taxBandId:required', 'availableFrom:required',
    ])
  })

  it('validates productReferenceFormat and additionalProductReferenceFormat as regular expressions on save, naming each field (400)', async () => {
    const broken = await server.request('POST', PRODUCTS, { token, json: product({ productReferenceFormat: '[0-9', additionalProductReferenceFormat: '(abc', availableTo: '2023-01-01' }) })
    assertError(broken, 400, 'validation_failed')
    assertFieldErrors(broken, ['productReferenceFormat:invalid_format', 'additionalProductReferenceFormat:invalid_format', 'availableTo:invalid_value'])
    assert.match(broken.body.message, /productReferenceFormat/)
    const one = await server.request('POST', PRODUCTS, { token, json: product({ additionalProductReferenceFormat: '*' }) })
    assertFieldErrors(one, ['additionalProductReferenceFormat:invalid_format'])
    const { id } = await post(PRODUCTS, product({ productReferenceFormat: '.*' }))
    assertFieldErrors(await patch(id, [{ op: 'replace', path: '/productReferenceFormat', value: 'a{2,1}' }]), ['productReferenceFormat:invalid_format'])
    assert.equal((await server.request('GET', `${PRODUCTS}/${id}`, { token })).body.productReferenceFormat, '.*')
  })

  it('checks every reference at once (400 invalid_reference): category, supplier, tax band, parent, linked usage product', async () => {
    const missing = await server.request('POST', PRODUCTS, { token, json: product({ rentalProductCategoryId: 987651, supplierId: 987652, taxBandId: 987653, parentRentalProductId: 987654, linkedUsageProductId: 987655 }) })
    assertError(missing, 400, 'invalid_reference')
    assertFieldErrors(missing, ['rentalProductCategoryId:invalid_reference', 'supplierId:invalid_reference', 'taxBandId:invalid_reference', 'parentRentalProductId:invalid_reference', 'linkedUsageProductId:invalid_reference'])
    assert.match(missing.body.message, /tax band 987653/)
  })

  it('nests products one level: a parent is top-level, a parent takes no parent, nothing is its own parent (400)', async () => {
    const parent = await post(PRODUCTS, product())
    const child = await post(PRODUCTS, product({ productType: 'FEATURE', parentRentalProductId: parent.id }))
    const grandchild = await server.request('POST', PRODUCTS, { token, json: product({ productType: 'EVENT', parentRentalProductId: child.id }) })
    assertError(grandchild, 400, 'validation_failed')
    assertFieldErrors(grandchild, ['parentRentalProductId:invalid_value'])
    const other = await post(PRODUCTS, product())
    assertFieldErrors(await patch(parent.id, [{ op: 'add', path: '/parentRentalProductId', value: other.id }]), ['parentRentalProductId:invalid_value'])
    assertFieldErrors(await patch(other.id, [{ op: 'add', path: '/parentRentalProductId', value: other.id }]), ['parentRentalProductId:invalid_value'])
    const moved = await patch(child.id, [{ op: 'replace', path: '/parentRentalProductId', value: other.id }])
    assert.equal(moved.status, 200, moved.text)
    const listed = await server.request('GET', `${PRODUCTS}?page=1&pageSize=10&productType=FEATURE&name=${encodeURIComponent(child.name)}&fields=id,parentRentalProductId`, { token })
    assert.deepEqual(listed.body, [{ id: child.id, parentRentalProductId: other.id }])
  })

  it('lists with the published filters, sort, fields and paging; HEAD 200/404; refuses others', async () => {
    const stem = `Listed ${process.pid}`
    const supplier2 = (await post('/v1/suppliers', { name: `Other supplier ${process.pid}` })).id
    const a = await post(PRODUCTS, product({ name: `${stem} A`, productType: 'EVENT', nominalCode: 'NC-1', availableFrom: '2020-01-01', availableTo: '2020-12-31' }))
    const b = await post(PRODUCTS, product({ name: `${stem} B`, productType: 'FEATURE', nominalCode: 'NC-2', availableFrom: '2022-01-01', supplierId: supplier2 }))
    const c = await post(PRODUCTS, product({ name: `${stem} C`, productType: 'PRODUCT', availableFrom: '2023-06-01' }))
    const query = (filters: string) => server.request('GET', `${PRODUCTS}?page=1&pageSize=10&name=${encodeURIComponent(`like:${stem}`)}&sort=name&fields=id&${filters}`, { token })
    assert.deepEqual((await query('productType=in:EVENT,FEATURE')).body, [{ id: a.id }, { id: b.id }])
    assert.deepEqual((await query('productType=like:FEAT')).body, [{ id: b.id }])
    assert.deepEqual((await query('availableFrom=gt:2021-01-01')).body, [{ id: b.id }, { id: c.id }])
    assert.deepEqual((await query('availableTo=lt:2021-01-01')).body, [{ id: a.id }])
    assert.deepEqual((await query('nominalCode=NC-2')).body, [{ id: b.id }])
    assert.deepEqual((await query(`supplierId=${supplier2}`)).body, [{ id: b.id }])
    const page = await server.request('GET', `${PRODUCTS}?page=1&pageSize=2&name=${encodeURIComponent(`like:${stem}`)}&sort=name:desc&fields=name,productType`, { token })
    assert.deepEqual(page.body, [{ name: `${stem} C`, productType: 'PRODUCT' }, { name: `${stem} B`, productType: 'FEATURE' }])
    assert.match(page.headers.get('link') ?? '', /<\/v2\/rental-products\?[^>]*page=2[^>]*>; rel="next"/)
    assert.equal((await server.request('HEAD', `${PRODUCTS}?name=${encodeURIComponent(`${stem} A`)}&productType=EVENT`, { token })).status, 200)
    assert.equal((await server.request('HEAD', `${PRODUCTS}?name=${encodeURIComponent(`${stem} A`)}&productType=PRODUCT`, { token })).status, 404)
    assertError(await server.request('GET', `${PRODUCTS}?page=1&pageSize=10&taxBandId=${taxBandId}`, { token }), 400, 'invalid_query')
    assertError(await server.request('GET', `${PRODUCTS}?page=1&pageSize=10&supplierId=abc`, { token }), 400, 'invalid_query')
  })

  it('PATCH takes JSON Patch: 200 with the next ETag; 412 stale If-Match; 409 failed test; 400; 415 merge patch; 404; DELETE 405', async () => {
    const { id } = await post(PRODUCTS, product())
    const ok = await patch(id, [{ op: 'replace', path: '/productType', value: 'EVENT' }, { op: 'add', path: '/supplierProductNames/-', value: 'Visit' }], { 'if-match': '"1"' })
    assert.equal(ok.status, 200, ok.text)
    assert.equal(ok.headers.get('etag'), '"2"')
    assert.deepEqual([ok.body.productType, ok.body.supplierProductNames], ['EVENT', ['Visit']])
    assertError(await patch(id, [{ op: 'replace', path: '/name', value: 'Stale' }], { 'if-match': '"1"' }), 412, 'precondition_failed')
    assertError(await patch(id, [{ op: 'test', path: '/productType', value: 'PRODUCT' }]), 409, 'patch_test_failed')
    assertFieldErrors(await patch(id, [{ op: 'replace', path: '/productType', value: 'BUNDLE' }, { op: 'remove', path: '/taxBandId' }]), ['productType:invalid_value', 'taxBandId:required'])
    assertFieldErrors(await patch(id, [{ op: 'replace', path: '/id', value: 1 }]), ['id:read_only'])
    assertFieldErrors(await patch(id, [{ op: 'replace', path: '/taxBandId', value: 987654 }]), ['taxBandId:invalid_reference'])
    assertError(await server.request('PATCH', `${PRODUCTS}/${id}`, { token, headers: { 'content-type': 'application/merge-patch+json' }, body: '{"name":"x"}' }), 415, 'unsupported_media_type')
    assertError(await patch(987654, []), 404, 'not_found')
    const remove = await server.request('DELETE', `${PRODUCTS}/${id}`, { token })
    assertError(remove, 405, 'method_not_allowed')
    assert.doesNotMatch(remove.headers.get('allow') ?? '', /DELETE/)
  })

  it('refuses products in a category maintained by SI: create, update, move in or out (409 protected_record)', async () => {
    const si = await newCategory()
    const { id } = await post(PRODUCTS, product({ rentalProductCategoryId: si }))
    const free = await post(PRODUCTS, product())
    await server.db.system.updateTable('rental_product_categories').set({ si_maintained: true }).where('id', '=', si).execute()
    const created = await server.request('POST', PRODUCTS, { token, json: product({ rentalProductCategoryId: si }) })
    assertError(created, 409, 'protected_record')
    assert.match(created.body.message, new RegExp(`category ${si} is maintained by SI`))
    assertError(await patch(id, [{ op: 'replace', path: '/name', value: 'Renamed' }]), 409, 'protected_record')
    assertError(await patch(id, [{ op: 'replace', path: '/rentalProductCategoryId', value: categoryId }]), 409, 'protected_record')
    assertError(await patch(free.id, [{ op: 'replace', path: '/rentalProductCategoryId', value: si }]), 409, 'protected_record')
    assert.equal((await server.request('GET', `${PRODUCTS}/${id}`, { token })).status, 200)
  })

  it('keeps what products use: a category, tax band or parent in use is not deleted (409 in_use)', async () => {
    const category = await newCategory()
    const band = (await post('/v1/tax-bands', { code: `P${process.pid % 1000}`, name: `Products band ${process.pid}`, defaultBand: false })).id
    await post(PRODUCTS, product({ rentalProductCategoryId: category, taxBandId: band }))
    const inUse = await server.request('DELETE', `${CATEGORIES}/${category}`, { token })
    assertError(inUse, 409, 'in_use')
    assert.match(inUse.body.message, /rental products/)
    assertError(await server.request('DELETE', `/v1/tax-bands/${band}`, { token }), 409, 'in_use')
  })

  it('needs a token on /v2 (401) and products:write to write (403); brands never meet', async () => {
    const { id } = await post(PRODUCTS, product())
    assertError(await server.request('GET', `${PRODUCTS}?page=1&pageSize=1`), 401, 'authentication_required')
    assertError(await server.request('PATCH', `${PRODUCTS}/${id}`, { headers: JSON_PATCH, body: '[]' }), 401, 'authentication_required')
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
    assert.match(stdout, /"name":"FTTP 900","invoicePresentationName":"Full fibre broadband 900"/)
    assert.match(stdout, /^\[\{"productType":"FEATURE","name":"Static IP"\}\]$/m)
    assert.match(stdout, /"code":"validation_failed".*productReferenceFormat/)
  })
})
