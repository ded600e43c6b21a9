import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { markAdhocInventoriesBilled, unbilledAdhocInventories } from '../../src/modules/adhoc-inventories/index.ts'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { brandId, loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { created, inventorySetup, type InventorySetup } from './inventory-fixtures.ts'

const ADHOC = '/v2/adhoc-inventories'
const JSON_PATCH = { 'content-type': 'application/json-patch+json' }

describe('/v2/adhoc-inventories', () => {
  let server: TestServer
  let token: string
  let setup: InventorySetup
  let labelId: number
  const adhoc = (overrides: Record<string, unknown> = {}) => ({
    siteId: setup.siteId,
    name: 'Router',
    supplierAccountId: setup.supplierAccountId,
    sellPrice: 49.99,
    quantity: 1,
    rentalProductCategoryId: setup.categoryId,
    taxBandId: setup.taxBandId,
    ...overrides,
  })
  const patch = (id: number, operations: unknown[], headers: Record<string, string> = {}) =>
    server.request('PATCH', `${ADHOC}/${id}`, { token, headers: { ...JSON_PATCH, ...headers }, body: JSON.stringify(operations) })
  const billed = (ids: number[], by: { billRunId: number } | { adhocBillRunId: number }) =>
    brandId(server).then((brand) => server.db.withTenant(brand, (trx) => markAdhocInventoriesBilled(trx, ids, by)))

  before(async () => {
    server = await startTestServer()
    token = await server.login()
    setup = await inventorySetup(server, token)
    labelId = (await created(server, token, `/v1/contract-owner-sub-brands/${setup.subBrandId}/invoice-group-tag-labels`, { label: `Division ${process.pid}` })).id
  })
  after(() => server.close())

  it('creates one: 201 with Location and ETag, exact decimals, the flags false unless given; reads it back', async () => {
    const body = adhoc({ buyPrice: 30.1234, sellPrice: 49.9999, quantity: 2.5, paymentTerms: 14, paymentType: 'GO_CARDLESS', nominalCode: 'SALES-01', creditReason: 'Goodwill' })
    const response = await server.request('POST', ADHOC, { token, json: body })
    assert.equal(response.status, 201, response.text)
    assert.equal(response.headers.get('location'), `${ADHOC}/${response.body.id}`)
    assert.equal(response.headers.get('etag'), '"1"')
    assert.deepEqual({ ...response.body, id: undefined }, { ...body, id: undefined, billImmediately: false, isCredit: false, paid: false })
    assert.deepEqual((await server.request('GET', `${ADHOC}/${response.body.id}`, { token })).body, response.body)
    const discount = await created(server, token, ADHOC, adhoc({ name: 'Loyalty discount', sellPrice: -10.5 }))
    assert.equal(discount.sellPrice, -10.5)
    const credit = await created(server, token, ADHOC, adhoc({ name: 'Refund', billImmediately: true, isCredit: true, invoiceGroupTagLabelId: labelId, invoiceGroupTagValue: 'Sales Division' }))
    assert.equal(credit.invoiceGroupTagValue, 'Sales Division')
  })

  it('reports every invalid field at once (400), then the charge’s own rules, then every reference', async () => {
    const invalid = await server.request('POST', ADHOC, { token, json: adhoc({ name: '', sellPrice: 1.23456, quantity: 0, paymentType: 'CASH', paymentTerms: -1, invoiceGroupTagValue: '   ', billRunId: 1, colour: 'red' }) })
    assertError(invalid, 400, 'validation_failed', ADHOC)
    assertFieldErrors(invalid, ['name:too_short', 'name:invalid_format', 'sellPrice:invalid_value', 'quantity:out_of_range', 'paymentType:invalid_value', 'paymentTerms:out_of_range', 'invoiceGroupTagValue:invalid_format', 'billRunId:unknown_field', 'colour:unknown_field'])
    assertFieldErrors(await server.request('POST', ADHOC, { token, json: {} }), ['siteId:required', 'name:required', 'supplierAccountId:required', 'sellPrice:required', 'quantity:required', 'rentalProductCategoryId:required', 'taxBandId:required'])
    const rules = await server.request('POST', ADHOC, { token, json: adhoc({ isCredit: true, invoiceGroupTagLabelId: labelId }) })
    assertFieldErrors(rules, ['isCredit:invalid_value', 'invoiceGroupTagValue:required', 'invoiceGroupTagLabelId:invalid_value'])
    const missing = await server.request('POST', ADHOC, { token, json: adhoc({ siteId: 987651, supplierAccountId: 987652, rentalProductCategoryId: 987653, taxBandId: 987654, billImmediately: true, invoiceGroupTagLabelId: 987655, invoiceGroupTagValue: 'x' }) })
    assertError(missing, 400, 'invalid_reference')
    assertFieldErrors(missing, ['siteId:invalid_reference', 'supplierAccountId:invalid_reference', 'rentalProductCategoryId:invalid_reference', 'taxBandId:invalid_reference', 'invoiceGroupTagLabelId:invalid_reference'])
  })

  it('lists with the published filters; HEAD answers 200 or 404', async () => {
    const a = await created(server, token, ADHOC, adhoc({ siteId: setup.otherSiteId, name: 'Installation visit' }))
    const b = await created(server, token, ADHOC, adhoc({ siteId: setup.otherSiteId, name: 'Spare handset' }))
    await billed([b.id], { billRunId: 77 })
    const list = (query: string) => server.request('GET', `${ADHOC}?page=1&pageSize=10&siteId=${setup.otherSiteId}&${query}`, { token })
    assert.deepEqual((await list('fields=id&sort=name:desc')).body, [{ id: b.id }, { id: a.id }])
    assert.deepEqual((await list('name=like:install&fields=id')).body, [{ id: a.id }])
    assert.deepEqual((await list(`billRunId=77&rentalProductCategoryId=${setup.categoryId}&fields=id,billRunId`)).body, [{ id: b.id, billRunId: 77 }])
    assert.deepEqual((await list('adhocBillRunId=5&fields=id')).body, [])
    assert.equal((await server.request('HEAD', `${ADHOC}?name=Spare handset&siteId=${setup.otherSiteId}`, { token })).status, 200)
    assert.equal((await server.request('HEAD', `${ADHOC}?name=Nothing like it`, { token })).status, 404)
  })

  it('updates with JSON Patch only until billed: 200 and a new ETag; 415; 412; 400; then 409 protected_record', async () => {
    const { id } = await created(server, token, ADHOC, adhoc())
    const updated = await patch(id, [{ op: 'replace', path: '/sellPrice', value: 59.5 }, { op: 'add', path: '/paid', value: true }], { 'if-match': '"1"' })
    assert.equal(updated.status, 200, updated.text)
    assert.equal(updated.headers.get('etag'), '"2"')
    assert.equal(updated.body.sellPrice, 59.5)
    assertError(await server.request('PATCH', `${ADHOC}/${id}`, { token, headers: { 'content-type': 'application/merge-patch+json' }, body: '{}' }), 415, 'unsupported_media_type')
    assertError(await patch(id, [{ op: 'replace', path: '/name', value: 'Modem' }], { 'if-match': '"1"' }), 412, 'precondition_failed')
    assertFieldErrors(await patch(id, [{ op: 'replace', path: '/isCredit', value: true }]), ['isCredit:invalid_value'])
    assertFieldErrors(await patch(id, [{ op: 'replace', path: '/siteId', value: setup.otherSiteId }]), ['siteId:read_only'])
    assertFieldErrors(await patch(id, [{ op: 'add', path: '/adhocBillRunId', value: 3 }]), ['adhocBillRunId:read_only'])
    assertError(await patch(987654, []), 404, 'not_found')
    await billed([id], { adhocBillRunId: 9 })
    const refused = await patch(id, [{ op: 'replace', path: '/name', value: 'Modem' }])
    assertError(refused, 409, 'protected_record')
    assert.match(refused.body.message, /adhoc bill run 9 has billed it/)
    assertError(await server.request('DELETE', `${ADHOC}/${id}`, { token }), 405, 'method_not_allowed')
  })

  it('gives billing the unbilled charges of some sites, and marks each billed once', async () => {
    const site = (await created(server, token, '/v1/sites', { customerId: setup.customerId, siteName: `Adhoc ${process.pid}`, siteReference: `ADHOC-${process.pid}`, startDate: '2024-01-01', siteAddress: { address1: '1', town: 'T', postcode: 'P', country: 'GB' }, contacts: [{ firstName: 'A', lastName: 'B', email: 'a@example.com' }] })).id
    const next = await created(server, token, ADHOC, adhoc({ siteId: site, sellPrice: 12.3456, quantity: 1.5 }))
    const now = await created(server, token, ADHOC, adhoc({ siteId: site, billImmediately: true }))
    const brand = await brandId(server)
    const unbilled = (billImmediately: boolean) => server.db.readTenant(brand, (db) => unbilledAdhocInventories(db, [site], { billImmediately }))
    const rows = await unbilled(false)
    assert.deepEqual(rows.map((row) => [row.id, row.sellPrice, row.quantity]), [[next.id, '12.3456', '1.5000']], 'money as exact decimal text')
    assert.deepEqual((await unbilled(true)).map((row) => row.id), [now.id])
    assert.deepEqual(await billed([next.id, now.id], { billRunId: 5 }), [next.id, now.id].sort((x, y) => x - y))
    assert.deepEqual(await billed([next.id], { billRunId: 6 }), [], 'billed once')
    assert.deepEqual(await unbilled(false), [])
  })

  it('answers 401 without a token and 403 without inventory:write; scope and brands never meet', async () => {
    const { id } = await created(server, token, ADHOC, adhoc())
    assertError(await server.request('GET', `${ADHOC}/${id}`), 401, 'authentication_required')
    const reader = await loginAs(server, ['Read Only'])
    assert.equal((await server.request('GET', `${ADHOC}/${id}`, { token: reader })).status, 200)
    assertError(await server.request('POST', ADHOC, { token: reader, json: adhoc() }), 403, 'insufficient_permission')
    const elsewhere = await created(server, token, '/v1/contract-owners', { name: `Remote ${process.pid}`, availableFrom: '2024-01-01', siBccEmailAddress: 'b@example.com', taxRegistrationNumber: 'GB1', address: { address1: '1', town: 'T', postcode: 'P', country: 'GB' } })
    const outsider = await loginAs(server, ['Customer Manager'], elsewhere.id)
    assertError(await server.request('GET', `${ADHOC}/${id}`, { token: outsider }), 404, 'not_found')
    assertFieldErrors(await server.request('POST', ADHOC, { token: outsider, json: adhoc() }), ['siteId:invalid_reference'])
    assertError(await server.request('GET', `${ADHOC}/${id}`, { token: await otherBrandAdmin(server) }), 404, 'not_found')
  })
})
