import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { billingCycleBody, contractOwnerBody } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { JSON_PATCH } from '../helpers/requests.ts'
import { chargeGroup, usageProduct } from './pricing-fixtures.ts'

const CARDS = '/v2/usage-rate-cards'
let sequence = 0

describe('/v2/usage-rate-cards', () => {
  let server: TestServer
  let token: string
  let owner: number
  let product: number
  let otherProduct: number
  const post = (json: Record<string, unknown>, as = token) => server.request('POST', CARDS, { token: as, json })
  const card = (overrides: Record<string, unknown> = {}) => ({
    contractOwnerIds: [owner],
    name: `Usage ${process.pid}-${++sequence}`,
    availableFrom: '2025-01-01',
    usageProductId: product,
    decimalPlaces: 4,
    defaultMinCharge: 0,
    ...overrides,
  })
  const create = async (overrides: Record<string, unknown> = {}) => {
    const response = await post(card(overrides))
    assert.equal(response.status, 201, response.text)
    return response.body
  }
  const patch = (id: number, ops: unknown, headers: Record<string, string> = {}) =>
    server.request('PATCH', `${CARDS}/${id}`, { token, headers: { ...JSON_PATCH, ...headers }, body: JSON.stringify(ops) })

  before(async () => {
    server = await startTestServer()
    token = await server.login()
    owner = (await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody() })).body.id
    product = await usageProduct(server, token)
    otherProduct = await usageProduct(server, token, 'International calls')
  })
  after(() => server.close())

  it('creates a card with the published defaults and exact charges; got back as created; 404', async () => {
    const body = card({ defaultMinCharge: 0.000001, accessCharges: [{ charge: 1.5, startDate: '2025-01-01' }], nominalCode: 'CALLS-01' })
    const response = await post(body)
    assert.equal(response.status, 201, response.text)
    assert.equal(response.headers.get('location'), `${CARDS}/${response.body.id}`)
    const { id, ...rest } = response.body
    assert.deepEqual(rest, { ...body, rateCardType: 'SELL', priceRoundingStyle: 'MATHEMATICAL', roundAccessChargeFirstMinute: false, boltOn: false, applyCrossTimeBandCharging: false, usageRates: [] })
    assert.match(response.text, /"defaultMinCharge":0\.000001/)
    assert.deepEqual((await server.request('GET', `${CARDS}/${id}`, { token })).body, response.body)
    assertError(await server.request('GET', `${CARDS}/987654`, { token }), 404, 'not_found')
  })

  it('reports every invalid field at once, the rules, and references', async () => {
    const invalid = await post({ contractOwnerIds: 'all', name: 'x'.repeat(51), rateCardType: 'RENT', availableFrom: 'soon', decimalPlaces: 9, priceRoundingStyle: 'SIDEWAYS', defaultMinCharge: 0.1234567 })
    assertError(invalid, 400, 'validation_failed', CARDS)
    assertFieldErrors(invalid, ['availableFrom:invalid_format', 'contractOwnerIds:invalid_type', 'decimalPlaces:out_of_range', 'defaultMinCharge:invalid_value', 'name:too_long', 'priceRoundingStyle:invalid_value', 'rateCardType:invalid_value', 'usageProductId:required'])
    const rules = await post(card({ contractOwnerIds: [], availableTo: '2024-01-01', boltOnCharges: [{ price: 5, startDate: '2025-02-01', endDate: '2025-01-01' }] }))
    assertFieldErrors(rules, ['contractOwnerIds:required', 'availableTo:invalid_value', 'boltOnCharges[0].endDate:invalid_value', 'boltOnCharges:invalid_value'])
    const references = await post(card({ contractOwnerIds: [owner, 987654], usageProductId: 987654, supplierId: 987654, boltOnTaxBandId: 987654 }))
    assertError(references, 400, 'invalid_reference')
    assertFieldErrors(references, ['contractOwnerIds:invalid_reference', 'usageProductId:invalid_reference', 'supplierId:invalid_reference', 'boltOnTaxBandId:invalid_reference'])
  })

  it('does not mix currencies between its owners', async () => {
    const euros = (await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody() })).body.id
    const pounds = (await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody() })).body.id
    await server.request('POST', '/v1/billing-cycles', { token, json: billingCycleBody(euros, { currencyCode: 'EUR' }) })
    await server.request('POST', '/v1/billing-cycles', { token, json: billingCycleBody(pounds) })
    assertFieldErrors(await post(card({ contractOwnerIds: [euros, pounds] })), ['contractOwnerIds:invalid_value'])
  })

  it('lists by contractOwnerId, rateCardType, usageProductId, supplierId, name and dates; the summary header; HEAD', async () => {
    const mine = (await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody() })).body.id
    const supplier = (await server.request('POST', '/v1/suppliers', { token, json: { name: `Usage supplier ${process.pid}` } })).body.id
    const a = await create({ contractOwnerIds: [mine], usageProductId: otherProduct, accessCharges: [{ charge: 2, startDate: '2025-01-01' }] })
    const b = await create({ contractOwnerIds: [mine], rateCardType: 'BUY', supplierId: supplier, availableFrom: '2026-01-01' })
    const list = (query: string, headers: Record<string, string> = {}) => server.request('GET', `${CARDS}?page=1&pageSize=10&${query}`, { token, headers })
    assert.deepEqual((await list(`contractOwnerId=${mine}&fields=id`)).body, [{ id: a.id }, { id: b.id }])
    assert.deepEqual((await list(`contractOwnerId=${mine}&rateCardType=BUY&fields=id`)).body, [{ id: b.id }])
    assert.deepEqual((await list(`usageProductId=${otherProduct}&fields=id`)).body, [{ id: a.id }])
    assert.deepEqual((await list(`supplierId=${supplier}&fields=id`)).body, [{ id: b.id }])
    assert.deepEqual((await list(`contractOwnerId=${mine}&availableFrom=gt:2025-06-01&fields=id`)).body, [{ id: b.id }])
    const summary = await list(`contractOwnerId=${mine}`, { summary: 'true' })
    assert.equal(summary.status, 200, summary.text)
    assert.equal('accessCharges' in summary.body[0], false)
    assert.equal(summary.body[0].name, (await list(`contractOwnerId=${mine}`)).body[0].name)
    assert.deepEqual((await list(`contractOwnerId=${mine}&rateCardType=BUY&fields=id,usageRates,accessCharges`, { summary: 'true' })).body, [{ id: b.id }])
    assert.equal((await list(`contractOwnerId=${mine}`)).body[0].accessCharges.length, 1)
    assert.equal((await server.request('HEAD', `${CARDS}?contractOwnerId=${mine}&rateCardType=BUY`, { token })).status, 200)
    assert.equal((await server.request('HEAD', `${CARDS}?contractOwnerId=${mine}&rateCardType=TEMPLATE`, { token })).status, 404)
    assertError(await list('usageProductId=x'), 400, 'invalid_query')
  })

  it('PATCH is JSON Patch only (merge patch 415): 200, 412, 409 failed test, 400, 404; DELETE 204 then 404', async () => {
    const { id } = await create()
    const ok = await patch(id, [{ op: 'replace', path: '/decimalPlaces', value: 2 }, { op: 'add', path: '/boltOn', value: true }], { 'if-match': '"1"' })
    assert.equal(ok.status, 200, ok.text)
    assert.deepEqual([ok.body.decimalPlaces, ok.body.boltOn, ok.headers.get('etag')], [2, true, '"2"'])
    assertError(await server.request('PATCH', `${CARDS}/${id}`, { token, headers: { 'content-type': 'application/merge-patch+json' }, body: '{"name":"x"}' }), 415, 'unsupported_media_type')
    assertError(await patch(id, [{ op: 'replace', path: '/name', value: 'Stale' }], { 'if-match': '"1"' }), 412, 'precondition_failed')
    assertError(await patch(id, [{ op: 'test', path: '/decimalPlaces', value: 4 }]), 409, 'patch_test_failed')
    assertFieldErrors(await patch(id, [{ op: 'replace', path: '/defaultMinCharge', value: -1 }]), ['defaultMinCharge:out_of_range'])
    assertError(await patch(987654, []), 404, 'not_found')
    assert.equal((await server.request('DELETE', `${CARDS}/${id}`, { token })).status, 204)
    assertError(await server.request('DELETE', `${CARDS}/${id}`, { token }), 404, 'not_found')
  })

  it('PATCH takes the summary header: the change is made, and the card answered without its charges and rates', async () => {
    const { id } = await create({ accessCharges: [{ charge: 1.5, startDate: '2025-01-01' }] })
    const rate = { chargeGroupId: await chargeGroup(server, token), usageRateType: 'MARKUP', peakInitialPeriod: 0, peakValue: 2.5, startDate: '2025-01-01' }
    const summary = await patch(id, [{ op: 'replace', path: '/name', value: `Summary ${id}` }, { op: 'add', path: '/usageRates/-', value: rate }], { summary: 'true' })
    assert.equal(summary.status, 200, summary.text)
    const full = await server.request('GET', `${CARDS}/${id}`, { token })
    assert.equal(full.body.usageRates.length, 1)
    assert.equal(full.body.accessCharges.length, 1)
    const { usageRates: _rates, accessCharges: _charges, ...rest } = full.body
    assert.deepEqual(summary.body, { ...rest, name: `Summary ${id}` })
    assert.equal(summary.headers.get('etag'), full.headers.get('etag'))
    assert.equal((await patch(id, [], { summary: 'false' })).body.usageRates.length, 1)
  })

  it('needs a token (401) and pricing:write to write (403); brands never meet', async () => {
    const { id } = await create()
    assertError(await server.request('GET', `${CARDS}?page=1&pageSize=1`), 401, 'authentication_required')
    const reader = await loginAs(server, ['Read Only'])
    assert.equal((await server.request('GET', `${CARDS}/${id}`, { token: reader })).status, 200)
    assertError(await post(card(), reader), 403, 'insufficient_permission')
    const other = await otherBrandAdmin(server)
    assertError(await server.request('GET', `${CARDS}/${id}`, { token: other }), 404, 'not_found')
  })
})
