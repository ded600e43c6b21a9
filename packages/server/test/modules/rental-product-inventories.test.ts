import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { created, inventorySetup, rentalProduct, type InventorySetup } from './inventory-fixtures.ts'

const RPIS = '/v2/rental-product-inventories'
const JSON_PATCH = { 'content-type': 'application/json-patch+json' }

describe('/v2/rental-product-inventories', () => {
  let server: TestServer
  let token: string
  let setup: InventorySetup
  let productId: number
  const rpi = (overrides: Record<string, unknown> = {}) => ({
    siteId: setup.siteId,
    rentalProductId: productId,
    invoicePresentationProductName: 'Line rental',
    supplierAccountId: setup.supplierAccountId,
    startDate: '2024-02-15',
    invoiceFrequency: 1,
    quantity: 1,
    ...overrides,
  })
  const patch = (id: number, operations: unknown[], headers: Record<string, string> = {}) =>
    server.request('PATCH', `${RPIS}/${id}`, { token, headers: { ...JSON_PATCH, ...headers }, body: JSON.stringify(operations) })

  before(async () => {
    server = await startTestServer()
    token = await server.login()
    setup = await inventorySetup(server, token)
    productId = (await rentalProduct(server, setup, { alignedToStart: true, forceBillPeriods: 3, productReferenceFormat: '0[1-9][0-9]{8,9}' })).id
  })
  after(() => server.close())

  it('creates one: 201 with Location and ETag, the product defaults where the body leaves them out; reads it back', async () => {
    const body = rpi({ productReference: '01132345678', label: 'Main line', endDate: '2026-01-31', customFields: [{ label: 'Port', value: 'A1' }], installationAddress: { address1: '2 Mill Lane', town: 'Leeds', postcode: 'LS2 2BB', country: 'GB' } })
    const response = await server.request('POST', RPIS, { token, json: body })
    assert.equal(response.status, 201, response.text)
    const { id, ...rest } = response.body
    assert.equal(response.headers.get('location'), `${RPIS}/${id}`)
    assert.equal(response.headers.get('etag'), '"1"')
    assert.deepEqual(rest, {
      ...body,
      treatStartAsWholePeriod: false,
      treatEndAsWholePeriod: false,
      billable: true,
      inFlightOrder: false,
      billInitialChargesImmediately: false,
      alignedToStart: true,
      alignedToBillPeriod: false,
      forceBilling: true,
      forceBillPeriods: 3,
    })
    assert.deepEqual((await server.request('GET', `${RPIS}/${id}`, { token })).body, response.body)
    const own = await created(server, token, RPIS, rpi({ alignedToStart: false, forceBillPeriods: 0 }))
    assert.equal(own.alignedToStart, false, 'a value in the body beats the product default')
    assert.equal(own.forceBilling, false, 'no periods to force: forceBilling defaults to false')
  })

  it('reports every invalid field at once (400), and every required one', async () => {
    const invalid = await server.request('POST', RPIS, {
      token,
      json: rpi({ siteId: 0, quantity: 0, invoiceFrequency: 25, startDate: '2024-02-30x', productReference: 'ab<', userEmail: 'nope@', forceBillPeriods: 732, billable: 'yes', surprise: 1 }),
    })
    assertError(invalid, 400, 'validation_failed', RPIS)
    assertFieldErrors(invalid, [
      'siteId:out_of_range', 'quantity:out_of_range', 'invoiceFrequency:out_of_range', 'startDate:invalid_format', 'productReference:too_short', 'productReference:invalid_format', 'userEmail:invalid_format',
      'forceBillPeriods:out_of_range', 'billable:invalid_type', 'surprise:unknown_field',
    ])
    assertFieldErrors(await server.request('POST', RPIS, { token, json: {} }), [
      'siteId:required', 'rentalProductId:required', 'invoicePresentationProductName:required', 'supplierAccountId:required', 'startDate:required', 'invoiceFrequency:required', 'quantity:required',
    ])
  })

  it('checks every reference at once (400 invalid_reference): site, product, supplier account, parent', async () => {
    const missing = await server.request('POST', RPIS, { token, json: rpi({ siteId: 987651, rentalProductId: 987652, supplierAccountId: 987653, parentRentalProductInventoryId: 987654 }) })
    assertError(missing, 400, 'invalid_reference')
    assertFieldErrors(missing, ['siteId:invalid_reference', 'rentalProductId:invalid_reference', 'supplierAccountId:invalid_reference', 'parentRentalProductInventoryId:invalid_reference'])
    assert.match(missing.body.message, /supplier account 987653/)
  })

  it('lists with the published filters, sorts, projects; HEAD answers 200 or 404 for the same filters', async () => {
    const site = setup.otherSiteId
    const a = await created(server, token, RPIS, rpi({ siteId: site, startDate: '2024-03-01', productReference: '01130000001', invoicePresentationProductName: 'Alpha line' }))
    const b = await created(server, token, RPIS, rpi({ siteId: site, startDate: '2024-04-01', endDate: '2024-12-31', additionalProductReference: 'ISDN-0001', invoicePresentationProductName: 'Beta line' }))
    const list = (query: string) => server.request('GET', `${RPIS}?page=1&pageSize=10&siteId=${site}&${query}`, { token })
    assert.deepEqual((await list('fields=id&sort=startDate:desc')).body, [{ id: b.id }, { id: a.id }])
    assert.deepEqual((await list('productReference=like:0000001&fields=id')).body, [{ id: a.id }])
    assert.deepEqual((await list('additionalProductReference=ISDN-0001&fields=id')).body, [{ id: b.id }])
    assert.deepEqual((await list('startDate=gt:2024-03-01&fields=id')).body, [{ id: b.id }])
    assert.deepEqual((await list('endDate=2024-12-31&fields=id')).body, [{ id: b.id }])
    assert.deepEqual((await list(`rentalProductId=${productId}&supplierAccountId=${setup.supplierAccountId}&invoicePresentationProductName=like:alpha&fields=id,invoicePresentationProductName`)).body, [
      { id: a.id, invoicePresentationProductName: 'Alpha line' },
    ])
    assertError(await list('label=x'), 400, 'invalid_query')
    assert.equal((await server.request('HEAD', `${RPIS}?siteId=${site}&productReference=01130000001`, { token })).status, 200)
    assert.equal((await server.request('HEAD', `${RPIS}?siteId=${site}&productReference=01139999999`, { token })).status, 404)
  })

  it('updates with JSON Patch only: 200 with a new ETag; 415 merge patch; 412 stale If-Match; 400 fixed fields and broken rules; 409 failed test', async () => {
    const { id } = await created(server, token, RPIS, rpi({ productReference: '01132345679' }))
    const updated = await patch(id, [{ op: 'replace', path: '/quantity', value: 3 }, { op: 'add', path: '/endDate', value: '2025-02-14' }], { 'if-match': '"1"' })
    assert.equal(updated.status, 200, updated.text)
    assert.equal(updated.headers.get('etag'), '"2"')
    assert.equal(updated.body.quantity, 3)
    assert.equal(updated.body.endDate, '2025-02-14')
    assertError(await server.request('PATCH', `${RPIS}/${id}`, { token, headers: { 'content-type': 'application/merge-patch+json' }, body: '{"quantity":4}' }), 415, 'unsupported_media_type')
    assertError(await patch(id, [{ op: 'replace', path: '/quantity', value: 4 }], { 'if-match': '"1"' }), 412, 'precondition_failed')
    assertFieldErrors(await patch(id, [{ op: 'replace', path: '/siteId', value: setup.otherSiteId }]), ['siteId:read_only'])
    assertFieldErrors(await patch(id, [{ op: 'replace', path: '/endDate', value: '2024-01-01' }, { op: 'replace', path: '/productReference', value: '9999' }]), [
      'endDate:invalid_value',
    ])
    assertFieldErrors(await patch(id, [{ op: 'replace', path: '/productReference', value: '9999' }]), ['productReference:invalid_format'])
    assertError(await patch(id, [{ op: 'test', path: '/quantity', value: 9 }]), 409, 'patch_test_failed')
    assertError(await patch(987654, [{ op: 'replace', path: '/quantity', value: 2 }]), 404, 'not_found')
    const unchanged = await patch(id, [{ op: 'replace', path: '/quantity', value: 3 }])
    assert.equal(unchanged.headers.get('etag'), '"2"', 'a patch that changes nothing writes nothing')
  })

  it('deletes: 204, then 404; an RPI with features is 409 in_use until they go', async () => {
    const { id } = await created(server, token, RPIS, rpi())
    assert.equal((await server.request('DELETE', `${RPIS}/${id}`, { token })).status, 204)
    assertError(await server.request('GET', `${RPIS}/${id}`, { token }), 404, 'not_found')
    assertError(await server.request('DELETE', `${RPIS}/${id}`, { token }), 404, 'not_found')
    const feature = (await rentalProduct(server, setup, { productType: 'FEATURE', parentRentalProductId: productId })).id
    const parent = await created(server, token, RPIS, rpi())
    const child = await created(server, token, RPIS, rpi({ rentalProductId: feature, parentRentalProductInventoryId: parent.id }))
    assertError(await server.request('DELETE', `${RPIS}/${parent.id}`, { token }), 409, 'in_use')
    assert.equal((await server.request('DELETE', `${RPIS}/${child.id}`, { token })).status, 204)
    assert.equal((await server.request('DELETE', `${RPIS}/${parent.id}`, { token })).status, 204)
  })

  it('answers 401 without a token, 403 without inventory:write, 405 for other methods; scope and brands never meet', async () => {
    const { id } = await created(server, token, RPIS, rpi())
    assertError(await server.request('GET', `${RPIS}?page=1&pageSize=1`), 401, 'authentication_required')
    const reader = await loginAs(server, ['Read Only'])
    assert.equal((await server.request('GET', `${RPIS}/${id}`, { token: reader })).status, 200)
    assertError(await server.request('POST', RPIS, { token: reader, json: rpi() }), 403, 'insufficient_permission')
    assertError(await server.request('DELETE', `${RPIS}/${id}`, { token: reader }), 403, 'insufficient_permission')
    const manager = await loginAs(server, ['Customer Manager'])
    assert.equal((await server.request('POST', RPIS, { token: manager, json: rpi() })).status, 201)
    const put = await server.request('PUT', `${RPIS}/${id}`, { token, json: rpi() })
    assertError(put, 405, 'method_not_allowed')
    assert.equal(put.headers.get('allow'), 'DELETE, GET, HEAD, OPTIONS, PATCH')
    const elsewhere = await created(server, token, '/v1/contract-owners', { name: `Elsewhere ${process.pid}`, availableFrom: '2024-01-01', siBccEmailAddress: 'b@example.com', taxRegistrationNumber: 'GB1', address: { address1: '1', town: 'T', postcode: 'P', country: 'GB' } })
    const outsider = await loginAs(server, ['Customer Manager'], elsewhere.id)
    assertError(await server.request('GET', `${RPIS}/${id}`, { token: outsider }), 404, 'not_found')
    assert.deepEqual((await server.request('GET', `${RPIS}?page=1&pageSize=10&siteId=${setup.siteId}`, { token: outsider })).body, [])
    assertFieldErrors(await server.request('POST', RPIS, { token: outsider, json: rpi() }), ['siteId:invalid_reference'])
    const insider = await loginAs(server, ['Customer Manager'], setup.contractOwnerId)
    assert.equal((await server.request('GET', `${RPIS}/${id}`, { token: insider })).status, 200)
    const other = await otherBrandAdmin(server)
    assertError(await server.request('GET', `${RPIS}/${id}`, { token: other }), 404, 'not_found')
    assertError(await server.request('POST', RPIS, { token: other, json: rpi() }), 400, 'invalid_reference')
  })
})
