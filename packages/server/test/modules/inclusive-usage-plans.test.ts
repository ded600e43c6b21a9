import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { JSON_PATCH } from '../helpers/requests.ts'
import { chargeGroup, rentalProduct, usageProduct } from './pricing-fixtures.ts'

const PLANS = '/v2/inclusive-usage-plans'
let sequence = 0

describe('/v2/inclusive-usage-plans', () => {
  let server: TestServer
  let token: string
  let owner: number
  let calls: number
  let data: number
  const plan = (overrides: Record<string, unknown> = {}) => ({ contractOwnerId: owner, name: `Plan ${process.pid}-${++sequence}`, usageProductId: calls, availableFrom: '2025-01-01', ...overrides })
  const post = (json: Record<string, unknown>, as = token) => server.request('POST', PLANS, { token: as, json })
  const create = async (overrides: Record<string, unknown> = {}) => {
    const response = await post(plan(overrides))
    assert.equal(response.status, 201, response.text)
    return response.body
  }
  const patch = (id: number, ops: unknown, headers: Record<string, string> = {}) =>
    server.request('PATCH', `${PLANS}/${id}`, { token, headers: { ...JSON_PATCH, ...headers }, body: JSON.stringify(ops) })

  before(async () => {
    server = await startTestServer()
    token = await server.login()
    owner = (await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody() })).body.id
    calls = await usageProduct(server, token)
    data = await usageProduct(server, token, 'Mobile data')
  })
  after(() => server.close())

  it('creates a plan (boltOn false unless asked), with exact quantities; gets it; 404', async () => {
    const body = plan({ nominalCode: 'SALES-01QTR2', minQualifyingQuantity: 0.5, maxPerEventQuantity: 3600, rolloverPeriods: 2 })
    const response = await post(body)
    assert.equal(response.status, 201, response.text)
    const { id, ...rest } = response.body
    assert.deepEqual(rest, { ...body, boltOn: false })
    assert.deepEqual((await server.request('GET', `${PLANS}/${id}`, { token })).body, response.body)
    assertError(await server.request('GET', `${PLANS}/987654`, { token }), 404, 'not_found')
  })

  it('reports every invalid field at once; a trigger charge needs its supplier account and frequency; references', async () => {
    const invalid = await post({ contractOwnerId: 'x', name: '', availableFrom: '2025-13-01', frequency: 'HOURLY', nominalCode: 'a b', minQualifyingQuantity: 0.123456 })
    assertError(invalid, 400, 'validation_failed', PLANS)
    assertFieldErrors(invalid, ['availableFrom:invalid_format', 'contractOwnerId:invalid_type', 'frequency:invalid_value', 'minQualifyingQuantity:invalid_value', 'name:invalid_format', 'name:too_short', 'nominalCode:invalid_format', 'usageProductId:required'])
    const rules = await post(plan({ triggerChargeId: 1, availableTo: '2024-01-01' }))
    assertFieldErrors(rules, ['availableTo:invalid_value', 'supplierAccountId:required', 'frequency:required'])
    const missing = await post(plan({ contractOwnerId: 987654, usageProductId: 987654, taxBandId: 987654, triggerChargeId: 987654, supplierAccountId: 987654, frequency: 'MONTHLY' }))
    assertError(missing, 400, 'invalid_reference')
    assertFieldErrors(missing, ['contractOwnerId:invalid_reference', 'usageProductId:invalid_reference', 'taxBandId:invalid_reference', 'triggerChargeId:invalid_reference', 'supplierAccountId:invalid_reference'])
    const product = await rentalProduct(server, token, 'Overage bundle')
    const supplier = (await server.request('POST', '/v1/suppliers', { token, json: { name: `Plan supplier ${process.pid}` } })).body.id
    const account = (await server.request('POST', `/v1/suppliers/${supplier}/supplier-accounts`, { token, json: { accountNumber: 'PLAN1' } })).body.id
    assert.equal((await post(plan({ triggerChargeId: product, supplierAccountId: account, frequency: 'MONTHLY' }))).status, 201)
  })

  it('lists by contractOwnerId, name, usageProductId, taxBandId and dates (summary header taken); HEAD', async () => {
    const mine = (await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody() })).body.id
    const band = (await server.request('GET', '/v1/tax-bands?page=1&pageSize=1&code=T1', { token })).body[0].id
    const a = await create({ contractOwnerId: mine, usageProductId: data })
    const b = await create({ contractOwnerId: mine, taxBandId: band, availableFrom: '2026-01-01' })
    const list = (query: string) => server.request('GET', `${PLANS}?page=1&pageSize=10&${query}`, { token, headers: { summary: 'true' } })
    assert.deepEqual((await list(`contractOwnerId=${mine}&fields=id`)).body, [{ id: a.id }, { id: b.id }])
    assert.deepEqual((await list(`contractOwnerId=${mine}&usageProductId=${data}&fields=id`)).body, [{ id: a.id }])
    assert.deepEqual((await list(`contractOwnerId=${mine}&taxBandId=${band}&fields=id`)).body, [{ id: b.id }])
    assert.deepEqual((await list(`contractOwnerId=${mine}&availableFrom=gt:2025-06-01&fields=id`)).body, [{ id: b.id }])
    assert.equal((await server.request('HEAD', `${PLANS}?contractOwnerId=${mine}&usageProductId=${data}`, { token })).status, 200)
    assert.equal((await server.request('HEAD', `${PLANS}?contractOwnerId=${mine}&usageProductId=987654`, { token })).status, 404)
    assertError(await list('taxBandId=x'), 400, 'invalid_query')
    assertError(await server.request('DELETE', `/v1/tax-bands/${band}`, { token }), 409, 'in_use')
  })

  it('takes components (allowances and what they cover) and bolt-on charges: ids of its own, kept on PATCH; rules and references at once; the summary leaves them out', async () => {
    const national = await chargeGroup(server, token)
    const category = (await server.request('GET', `/v1/charge-groups/${national}`, { token })).body.chargeGroupCategoryId
    const minutes = { description: '500 UK minutes', componentType: 'QUANTITY', chargingType: 'DURATION', quantity: 30000, timebands: [{ timeband: 'PEAK' }, { timeband: 'OFFPEAK' }], chargeGroups: [{ chargeGroupId: national }], chargeGroupCategories: [{ chargeGroupCategoryId: category }], dialStrings: [{ dialString: '0800', isWholeNumber: false }] }
    const boltOn = { price: 5.5, rentalRateType: 'ADVANCE', periodsInAdvance: 'STANDARD', rentalRateFrequency: 'MONTHLY', showOnInvoice: true, startDate: '2025-01-01' }
    const created = await post(plan({ boltOn: true, inclusiveUsageComponents: [minutes, { componentType: 'VALUE', chargingType: 'ONEOFF', valueInPence: 250.000001 }], boltOnCharges: [boltOn] }))
    assert.equal(created.status, 201, created.text)
    const [component, value] = created.body.inclusiveUsageComponents
    const ids = [component.id, component.timebands[0].id, component.timebands[1].id, component.chargeGroups[0].id, component.chargeGroupCategories[0].id, component.dialStrings[0].id, value.id, created.body.boltOnCharges[0].id]
    assert.ok(ids.every((id) => Number.isInteger(id) && id > 0), JSON.stringify(created.body))
    assert.equal(new Set(ids).size, ids.length, 'every item an id of its own')
    assert.deepEqual(value, { id: value.id, componentType: 'VALUE', chargingType: 'ONEOFF', valueInPence: 250.000001 })
    assert.match(created.text, /"valueInPence":250\.000001/)
    assert.deepEqual((await server.request('GET', `${PLANS}/${created.body.id}`, { token })).body, created.body)
    const patched = await patch(created.body.id, [{ op: 'add', path: '/inclusiveUsageComponents/0/timebands/-', value: { timeband: 'WEEKEND' } }, { op: 'replace', path: '/inclusiveUsageComponents/1/valueInPence', value: 300 }])
    assert.equal(patched.status, 200, patched.text)
    const after = patched.body.inclusiveUsageComponents
    assert.deepEqual([after[0].id, after[0].timebands[0].id, after[1].id, after[1].valueInPence], [component.id, component.timebands[0].id, value.id, 300])
    assert.ok(after[0].timebands[2].id > 0 && !ids.includes(after[0].timebands[2].id))
    const summary = await server.request('GET', `${PLANS}?page=1&pageSize=1&contractOwnerId=${owner}&sort=id:desc`, { token, headers: { summary: 'true' } })
    assert.deepEqual([summary.body[0].id, 'inclusiveUsageComponents' in summary.body[0], 'boltOnCharges' in summary.body[0]], [created.body.id, false, false])
    const rules = await post(plan({ inclusiveUsageComponents: [{ componentType: 'VALUE', chargingType: 'DURATION', timebands: [{ timeband: 'PEAK' }, { timeband: 'PEAK' }] }, { componentType: 'QUANTITY', chargingType: 'DATA' }], boltOnCharges: [{ ...boltOn, endDate: '2024-01-01' }] }))
    assertError(rules, 400, 'validation_failed')
    assertFieldErrors(rules, ['inclusiveUsageComponents[0].valueInPence:required', 'inclusiveUsageComponents[0].timebands:invalid_value', 'inclusiveUsageComponents[1].quantity:required', 'boltOnCharges[0].endDate:invalid_value', 'boltOnCharges:invalid_value'])
    const schema = await post(plan({ inclusiveUsageComponents: [{ componentType: 'FREE', chargingType: 'SMS', quantity: -1, dialStrings: [{ dialString: 'abc' }] }] }))
    assertFieldErrors(schema, ['inclusiveUsageComponents[0].componentType:invalid_value', 'inclusiveUsageComponents[0].chargingType:invalid_value', 'inclusiveUsageComponents[0].quantity:out_of_range', 'inclusiveUsageComponents[0].dialStrings[0].dialString:invalid_format'])
    const unknown = await post(plan({ inclusiveUsageComponents: [{ ...minutes, chargeGroups: [{ chargeGroupId: 987654 }], chargeGroupCategories: [{ chargeGroupCategoryId: 987655 }] }] }))
    assertError(unknown, 400, 'invalid_reference')
    assertFieldErrors(unknown, ['inclusiveUsageComponents[0].chargeGroups[0].chargeGroupId:invalid_reference', 'inclusiveUsageComponents[0].chargeGroupCategories[0].chargeGroupCategoryId:invalid_reference'])
  })

  it('PATCH is JSON Patch only (merge patch 415): 200, 412, 409, fixed owner 400, 404; DELETE 204 then 404', async () => {
    const { id } = await create()
    const ok = await patch(id, [{ op: 'replace', path: '/name', value: 'Renamed' }, { op: 'replace', path: '/boltOn', value: true }], { 'if-match': '"1"' })
    assert.equal(ok.status, 200, ok.text)
    assert.deepEqual([ok.body.name, ok.body.boltOn, ok.headers.get('etag')], ['Renamed', true, '"2"'])
    assertError(await server.request('PATCH', `${PLANS}/${id}`, { token, headers: { 'content-type': 'application/merge-patch+json' }, body: '{"name":"x"}' }), 415, 'unsupported_media_type')
    assertError(await patch(id, [{ op: 'replace', path: '/name', value: 'Stale' }], { 'if-match': '"1"' }), 412, 'precondition_failed')
    assertError(await patch(id, [{ op: 'test', path: '/name', value: 'Other' }]), 409, 'patch_test_failed')
    assertFieldErrors(await patch(id, [{ op: 'replace', path: '/contractOwnerId', value: 1 }]), ['contractOwnerId:read_only'])
    assertError(await patch(987654, []), 404, 'not_found')
    assert.equal((await server.request('DELETE', `${PLANS}/${id}`, { token })).status, 204)
    assertError(await server.request('DELETE', `${PLANS}/${id}`, { token }), 404, 'not_found')
  })

  it('needs a token (401) and pricing:write (403); a restricted user sees and writes only its owner’s plans; brands never meet', async () => {
    const { id } = await create()
    assertError(await server.request('GET', `${PLANS}?page=1&pageSize=1`), 401, 'authentication_required')
    const reader = await loginAs(server, ['Read Only'])
    assert.equal((await server.request('GET', `${PLANS}/${id}`, { token: reader })).status, 200)
    assertError(await post(plan(), reader), 403, 'insufficient_permission')
    const otherOwner = (await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody() })).body.id
    const restricted = await loginAs(server, ['Administrator'], otherOwner)
    assertError(await server.request('GET', `${PLANS}/${id}`, { token: restricted }), 404, 'not_found')
    assertError(await post(plan(), restricted), 403, 'insufficient_permission')
    assert.equal((await post(plan({ contractOwnerId: otherOwner }), restricted)).status, 201)
    const foreign = await otherBrandAdmin(server)
    assertError(await server.request('GET', `${PLANS}/${id}`, { token: foreign }), 404, 'not_found')
  })
})
