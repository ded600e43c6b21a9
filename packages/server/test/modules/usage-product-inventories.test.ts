import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { created, inventorySetup, type InventorySetup } from './inventory-fixtures.ts'

const UPIS = '/v2/usage-product-inventories'
const REFERENCES = '/v2/usage-product-references'
const JSON_PATCH = { 'content-type': 'application/json-patch+json' }
let sequence = 0
const number = () => `0113${String(process.pid % 10000).padStart(4, '0')}${String(++sequence).padStart(3, '0')}`

describe('/v2/usage-product-inventories and /v2/usage-product-references', () => {
  let server: TestServer
  let token: string
  let setup: InventorySetup
  let productId: number
  const upi = (overrides: Record<string, unknown> = {}) => ({ siteId: setup.siteId, usageProductId: productId, startDate: '2024-03-01', productReferences: [{ productReference: number() }], ...overrides })
  const patch = (path: string, operations: unknown[], headers: Record<string, string> = {}) =>
    server.request('PATCH', path, { token, headers: { ...JSON_PATCH, ...headers }, body: JSON.stringify(operations) })

  before(async () => {
    server = await startTestServer()
    token = await server.login()
    setup = await inventorySetup(server, token)
    const category = (await created(server, token, '/v2/usage-product-categories', { name: `Calls ${process.pid}` })).id
    productId = (await created(server, token, '/v2/usage-products', { name: 'UK calls', usageProductCategoryId: category, direction: 'OUTBOUND', availableFrom: '2024-01-01', availableTo: '2030-12-31', productReferenceFormat: '0[1-9][0-9]{8,9}', serviceIdFormat: 'SVC-[0-9]{4}' })).id
  })
  after(() => server.close())

  it('creates one with its references: 201, the first reference primary and dated from the UPI, exact usage caps; reads it back', async () => {
    const [main, other] = [number(), number()]
    const body = upi({ supplierAccountId: setup.supplierAccountId, serviceId: 'SVC-0001', usageCapEnabled: true, defaultUsageCap: 2500.55, productReferences: [{ productReference: main, label: 'Main', userEmail: 'ada@example.com' }, { productReference: other, startDate: '2024-04-01', endDate: '2024-06-30' }] })
    const response = await server.request('POST', UPIS, { token, json: body })
    assert.equal(response.status, 201, response.text)
    assert.equal(response.headers.get('location'), `${UPIS}/${response.body.id}`)
    const { id, productReferences, ...rest } = response.body
    assert.deepEqual(rest, { siteId: setup.siteId, usageProductId: productId, startDate: '2024-03-01', supplierAccountId: setup.supplierAccountId, serviceId: 'SVC-0001', usageCapEnabled: true, defaultUsageCap: 2500.55, billByServiceId: false, billable: true, inFlightOrder: false, applySurcharges: false })
    assert.deepEqual(productReferences.map(({ id: _, ...r }: { id: number }) => r), [
      { productReference: main, primary: true, label: 'Main', startDate: '2024-03-01', userEmail: 'ada@example.com' },
      { productReference: other, primary: false, startDate: '2024-04-01', endDate: '2024-06-30' },
    ])
    assert.deepEqual((await server.request('GET', `${UPIS}/${id}`, { token })).body, response.body)
  })

  it('reports every invalid field at once (400): schema, then the UPI’s own rules, then the product’s formats', async () => {
    const invalid = await server.request('POST', UPIS, { token, json: upi({ usageProductId: 'x', startDate: 'soon', defaultUsageCap: 1.234, productReferences: [], extra: true }) })
    assertError(invalid, 400, 'validation_failed')
    assertFieldErrors(invalid, ['usageProductId:invalid_type', 'startDate:invalid_format', 'defaultUsageCap:invalid_value', 'productReferences:too_few', 'extra:unknown_field'])
    const n = number()
    const rules = await server.request('POST', UPIS, {
      token,
      json: upi({ endDate: '2024-12-31', billByServiceId: true, productReferences: [{ productReference: n, primary: true }, { productReference: n, primary: true, startDate: '2024-02-01', endDate: '2025-01-31' }] }),
    })
    assertFieldErrors(rules, ['serviceId:required', 'productReferences[1].startDate:invalid_value', 'productReferences[1].endDate:invalid_value', 'productReferences[1].productReference:invalid_value', 'productReferences[1].primary:invalid_value'])
    const formats = await server.request('POST', UPIS, { token, json: upi({ serviceId: 'SVC-12', startDate: '2031-01-01', productReferences: [{ productReference: '9999 9999' }] }) })
    assertFieldErrors(formats, ['usageProductId:invalid_value', 'productReferences[0].productReference:invalid_format', 'serviceId:invalid_format'])
    assertFieldErrors(await server.request('POST', UPIS, { token, json: upi({ siteId: setup.otherSiteId, startDate: '2024-02-01' }) }), ['siteId:invalid_value'])
    const missing = await server.request('POST', UPIS, { token, json: upi({ siteId: 987651, usageProductId: 987652, supplierAccountId: 987653 }) })
    assertError(missing, 400, 'invalid_reference')
    assertFieldErrors(missing, ['siteId:invalid_reference', 'usageProductId:invalid_reference', 'supplierAccountId:invalid_reference'])
  })

  it('gives a number to one UPI at a time (409 overlapping_period); another may take it once it ends', async () => {
    const n = number()
    await created(server, token, UPIS, upi({ productReferences: [{ productReference: n, endDate: '2024-06-30' }] }))
    const clash = await server.request('POST', UPIS, { token, json: upi({ startDate: '2024-06-01', productReferences: [{ productReference: n }] }) })
    assertError(clash, 409, 'overlapping_period')
    assertFieldErrors(clash, ['productReferences[0].productReference:overlapping_period'])
    assert.equal((await server.request('POST', UPIS, { token, json: upi({ startDate: '2024-07-01', productReferences: [{ productReference: n }] }) })).status, 201)
    const contested = number()
    const racers = await Promise.all([0, 1, 2].map(() => server.request('POST', UPIS, { token, json: upi({ productReferences: [{ productReference: contested }] }) })))
    assert.deepEqual(racers.map((r) => r.status).sort(), [201, 409, 409], 'concurrent claims of one number: one wins')
  })

  it('lists with the published filters (productReference and label through the references); HEAD answers 200 or 404', async () => {
    const [a, b] = [number(), number()]
    const first = await created(server, token, UPIS, upi({ siteId: setup.otherSiteId, serviceId: 'SVC-0002', productReferences: [{ productReference: a, label: 'Reception' }] }))
    const second = await created(server, token, UPIS, upi({ siteId: setup.otherSiteId, startDate: '2024-05-01', productReferences: [{ productReference: b }] }))
    const list = (query: string) => server.request('GET', `${UPIS}?page=1&pageSize=10&siteId=${setup.otherSiteId}&${query}`, { token })
    assert.deepEqual((await list('fields=id&sort=startDate:desc')).body, [{ id: second.id }, { id: first.id }])
    assert.deepEqual((await list(`productReference=${b}&fields=id`)).body, [{ id: second.id }])
    assert.deepEqual((await list('label=like:recep&fields=id')).body, [{ id: first.id }])
    assert.deepEqual((await list(`serviceId=SVC-0002&usageProductId=${productId}&startDate=2024-03-01&fields=id`)).body, [{ id: first.id }])
    assert.equal((await server.request('HEAD', `${UPIS}?productReference=${a}`, { token })).status, 200)
    assert.equal((await server.request('HEAD', `${UPIS}?productReference=01999999999`, { token })).status, 404)
  })

  it('PATCHes a UPI (JSON Patch only): adds, changes and removes references; 412, 415, 400 fixed fields and foreign reference ids', async () => {
    const [a, b] = [number(), number()]
    const { id, productReferences } = await created(server, token, UPIS, upi({ productReferences: [{ productReference: a }] }))
    const added = await patch(`${UPIS}/${id}`, [{ op: 'add', path: '/productReferences/-', value: { productReference: b, startDate: '2024-05-01' } }, { op: 'add', path: '/endDate', value: '2025-02-28' }], { 'if-match': '"1"' })
    assert.equal(added.status, 200, added.text)
    assert.equal(added.headers.get('etag'), '"2"')
    assert.deepEqual(added.body.productReferences.map((r: { productReference: string; primary: boolean }) => [r.productReference, r.primary]), [[a, true], [b, false]])
    assert.equal(added.body.productReferences[0].id, productReferences[0].id, 'a kept reference keeps its id')
    const removed = await patch(`${UPIS}/${id}`, [{ op: 'remove', path: '/productReferences/0' }])
    assert.deepEqual(removed.body.productReferences.map((r: { productReference: string; primary: boolean }) => [r.productReference, r.primary]), [[b, true]], 'the remaining one becomes primary')
    assertError(await patch(`${UPIS}/${id}`, [{ op: 'replace', path: '/endDate', value: '2025-03-31' }], { 'if-match': '"1"' }), 412, 'precondition_failed')
    assertError(await server.request('PATCH', `${UPIS}/${id}`, { token, headers: { 'content-type': 'application/merge-patch+json' }, body: '{}' }), 415, 'unsupported_media_type')
    assertFieldErrors(await patch(`${UPIS}/${id}`, [{ op: 'replace', path: '/siteId', value: setup.otherSiteId }]), ['siteId:read_only'])
    assertFieldErrors(await patch(`${UPIS}/${id}`, [{ op: 'replace', path: '/productReferences/0/id', value: 987654 }]), ['productReferences[0].id:invalid_value'])
    assertFieldErrors(await patch(`${UPIS}/${id}`, [{ op: 'remove', path: '/productReferences/0' }]), ['productReferences:too_few'])
    assertError(await patch(`${UPIS}/987654`, []), 404, 'not_found')
  })

  it('PATCHes one reference under its UPI’s rules: 200 with its ETag; 400 a broken format; 404 unknown; 405 other methods', async () => {
    const [a, b] = [number(), number()]
    const upiBody = await created(server, token, UPIS, upi({ productReferences: [{ productReference: a }, { productReference: b, startDate: '2024-04-01' }] }))
    const second = upiBody.productReferences[1].id
    const changed = await patch(`${REFERENCES}/${second}`, [{ op: 'add', path: '/label', value: 'Fax' }, { op: 'add', path: '/endDate', value: '2024-12-31' }])
    assert.equal(changed.status, 200, changed.text)
    assert.equal(changed.headers.get('etag'), '"2"')
    assert.deepEqual({ ...changed.body, id: undefined }, { id: undefined, productReference: b, primary: false, label: 'Fax', startDate: '2024-04-01', endDate: '2024-12-31' })
    assert.equal((await server.request('GET', `${UPIS}/${upiBody.id}`, { token })).body.productReferences[1].label, 'Fax')
    assertFieldErrors(await patch(`${REFERENCES}/${second}`, [{ op: 'replace', path: '/productReference', value: 'ABCD' }]), ['productReferences[1].productReference:invalid_format'])
    assertFieldErrors(await patch(`${REFERENCES}/${second}`, [{ op: 'replace', path: '/primary', value: true }]), ['productReferences[1].primary:invalid_value'])
    assertError(await patch(`${REFERENCES}/${second}`, [{ op: 'replace', path: '/label', value: 'x' }], { 'if-match': '"1"' }), 412, 'precondition_failed')
    assertError(await patch(`${REFERENCES}/987654`, []), 404, 'not_found')
    assertError(await server.request('GET', `${REFERENCES}/${second}`, { token }), 405, 'method_not_allowed')
    assertError(await server.request('DELETE', `${UPIS}/${upiBody.id}`, { token }), 405, 'method_not_allowed')
  })

  it('answers 401 without a token and 403 without inventory:write; scope and brands never meet', async () => {
    const { id, productReferences } = await created(server, token, UPIS, upi())
    assertError(await server.request('GET', `${UPIS}/${id}`), 401, 'authentication_required')
    const reader = await loginAs(server, ['Read Only'])
    assert.equal((await server.request('GET', `${UPIS}/${id}`, { token: reader })).status, 200)
    assertError(await server.request('POST', UPIS, { token: reader, json: upi() }), 403, 'insufficient_permission')
    assertError(await server.request('PATCH', `${REFERENCES}/${productReferences[0].id}`, { token: reader, headers: JSON_PATCH, body: '[]' }), 403, 'insufficient_permission')
    const elsewhere = await created(server, token, '/v1/contract-owners', { name: `Far away ${process.pid}`, availableFrom: '2024-01-01', siBccEmailAddress: 'b@example.com', taxRegistrationNumber: 'GB1', address: { address1: '1', town: 'T', postcode: 'P', country: 'GB' } })
    const outsider = await loginAs(server, ['Customer Manager'], elsewhere.id)
    assertError(await server.request('GET', `${UPIS}/${id}`, { token: outsider }), 404, 'not_found')
    assertError(await server.request('PATCH', `${REFERENCES}/${productReferences[0].id}`, { token: outsider, headers: JSON_PATCH, body: '[]' }), 404, 'not_found')
    assertFieldErrors(await server.request('POST', UPIS, { token: outsider, json: upi() }), ['siteId:invalid_reference'])
    const other = await otherBrandAdmin(server)
    assertError(await server.request('GET', `${UPIS}/${id}`, { token: other }), 404, 'not_found')
  })
})
