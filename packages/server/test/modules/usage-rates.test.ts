import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { chargeGroup, usageProduct } from './pricing-fixtures.ts'

const CARDS = '/v2/usage-rate-cards'
const RATES = '/v2/usage-rates'
const JSON_PATCH = { 'content-type': 'application/json-patch+json' }
const MERGE_PATCH = { 'content-type': 'application/merge-patch+json' }
let sequence = 0

/** Every field a rate answers, at its default, but the given ones. */
const DEFAULTS = {
  peakInitialCharge: 0, peakValue: 0, peakMinimum: 0,
  offPeakInitialCharge: 0, offPeakInitialPeriod: 0, offPeakValue: 0, offPeakMinimum: 0,
  weekendInitialCharge: 0, weekendInitialPeriod: 0, weekendValue: 0, weekendMinimum: 0,
  quantityRoundingIncrement: 1, variableChargeUnitSize: 1,
  surchargeInitialCharge: 0, surchargeInitialPeriod: 0, surchargeValue: 0, surchargeMinimum: 0,
}

describe('/v2/usage-rates, and the rates of a usage rate card', () => {
  let server: TestServer
  let token: string
  let owner: number
  let product: number
  let national: number
  let mobile: number
  const rate = (chargeGroupId: number, overrides: Record<string, unknown> = {}) => ({
    chargeGroupId,
    usageRateType: 'VARIABLE',
    peakInitialPeriod: 60,
    peakValue: 1.25,
    variableChargeUnitSize: 60,
    startDate: '2025-01-01',
    ...overrides,
  })
  const card = (overrides: Record<string, unknown> = {}) => ({
    contractOwnerIds: [owner],
    name: `Calls ${process.pid}-${++sequence}`,
    availableFrom: '2025-01-01',
    usageProductId: product,
    decimalPlaces: 4,
    defaultMinCharge: 0,
    ...overrides,
  })
  const createCard = async (overrides: Record<string, unknown> = {}) => {
    const response = await server.request('POST', CARDS, { token, json: card(overrides) })
    assert.equal(response.status, 201, response.text)
    return response.body
  }
  const patchCard = (id: number, ops: unknown, headers: Record<string, string> = {}) =>
    server.request('PATCH', `${CARDS}/${id}`, { token, headers: { ...JSON_PATCH, ...headers }, body: JSON.stringify(ops) })
  const patchRate = (id: number, ops: unknown, headers: Record<string, string> = {}) =>
    server.request('PATCH', `${RATES}/${id}`, { token, headers: { ...JSON_PATCH, ...headers }, body: JSON.stringify(ops) })
  const listRates = (query: string) => server.request('GET', `${RATES}?page=1&pageSize=50&${query}`, { token })
  const ids = (response: { body: Array<{ id: number }> }) => response.body.map((item) => item.id)

  before(async () => {
    server = await startTestServer()
    token = await server.login()
    owner = (await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody() })).body.id
    product = await usageProduct(server, token)
    national = await chargeGroup(server, token)
    mobile = await chargeGroup(server, token, 'UK mobile')
  })
  after(() => server.close())

  it('creates a card with its rates: the published defaults, exact charges, answered inside the card and listed by usageRateCardId', async () => {
    const response = await server.request('POST', CARDS, {
      token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(card({ usageRates: [rate(national), rate(mobile, { usageRateType: 'MARKUP', peakValue: -2.5, weekendMinimum: 0.000001 })] })).replace('"peakValue":1.25', '"peakValue":123456789.123456'),
    })
    assert.equal(response.status, 201, response.text)
    const { id, usageRates } = response.body
    assert.match(response.text, /"peakValue":123456789\.123456,/)
    assert.equal(usageRates.length, 2)
    assert.deepEqual(usageRates[1], { ...DEFAULTS, ...rate(mobile, { usageRateType: 'MARKUP', peakValue: -2.5, weekendMinimum: 0.000001 }), id: usageRates[1].id })
    const listed = await listRates(`usageRateCardId=${id}`)
    assert.equal(listed.status, 200, listed.text)
    assert.deepEqual(listed.body, usageRates)
    // Lists read numeric columns trimmed (trim_scale): sorting by one still sorts by its value.
    const byValue = await listRates(`usageRateCardId=${id}&sort=peakValue:desc`)
    assert.deepEqual(byValue.body.map((listedRate: { peakValue: number }) => listedRate.peakValue), [123456789.123456, -2.5])
    const one = await server.request('GET', `${RATES}/${usageRates[0].id}`, { token })
    assert.deepEqual([one.status, one.body, one.headers.get('etag')], [200, usageRates[0], '"1"'])
    const summary = await server.request('GET', `${CARDS}?page=1&pageSize=10&contractOwnerId=${owner}&sort=id:desc`, { token, headers: { summary: 'true' } })
    assert.deepEqual([summary.body[0].id, 'usageRates' in summary.body[0]], [id, false])
  })

  it('GET /v2/usage-rates requires usageRateCardId (400); filters by chargeGroupId, usageRateType and the published date filters', async () => {
    const missing = await server.request('GET', `${RATES}?page=1&pageSize=10`, { token })
    assertError(missing, 400, 'invalid_query')
    assert.match(missing.body.message, /usageRateCardId/)
    const { id, usageRates } = await createCard({ usageRates: [rate(national, { endDate: '2025-06-30' }), rate(mobile, { usageRateType: 'MARKUP', startDate: '2025-03-01' })] })
    const [a, b] = usageRates.map((r: { id: number }) => r.id)
    assert.deepEqual(ids(await listRates(`usageRateCardId=${id}&chargeGroupId=${mobile}`)), [b])
    assert.deepEqual(ids(await listRates(`usageRateCardId=${id}&usageRateType=in:VARIABLE`)), [a])
    assert.deepEqual(ids(await listRates(`usageRateCardId=${id}&availableFrom=gt:2025-02-01`)), [b])
    assert.deepEqual(ids(await listRates(`usageRateCardId=${id}&availableTo=lt:2025-12-31`)), [a])
    assert.deepEqual(ids(await listRates(`usageRateCardId=${id}&sort=startDate:desc`)), [b, a])
    assert.deepEqual((await listRates('usageRateCardId=987654')).body, [])
    assertError(await listRates(`usageRateCardId=${id}&availableFrom=soon`), 400, 'invalid_query')
  })

  it('reports every invalid field of the rates at once; unknown charge groups are 400 invalid_reference', async () => {
    const schema = await server.request('POST', CARDS, { token, json: card({ usageRates: [{ usageRateType: 'FLAT', peakValue: 1.1234567, peakMinimum: -1, startDate: 'soon' }, rate(national, { startDate: '2025-02-01', endDate: '2025-01-01' })] }) })
    assertError(schema, 400, 'validation_failed')
    assertFieldErrors(schema, ['usageRates[0].chargeGroupId:required', 'usageRates[0].usageRateType:invalid_value', 'usageRates[0].peakInitialPeriod:required', 'usageRates[0].peakValue:invalid_value', 'usageRates[0].peakMinimum:out_of_range', 'usageRates[0].startDate:invalid_format'])
    assertFieldErrors(await server.request('POST', CARDS, { token, json: card({ usageRates: [rate(national, { startDate: '2025-02-01', endDate: '2025-01-01' })] }) }), ['usageRates[0].endDate:invalid_value'])
    const unknown = await server.request('POST', CARDS, { token, json: card({ usageRates: [rate(national), rate(987654)] }) })
    assertError(unknown, 400, 'invalid_reference')
    assertFieldErrors(unknown, ['usageRates[1].chargeGroupId:invalid_reference'])
  })

  it('adds rates by PATCHing the card (add to /usageRates/-): the card’s ETag changes; other changes to its rates are 400; overlaps 409', async () => {
    const { id } = await createCard({ usageRates: [rate(national, { endDate: '2025-12-31' })] })
    const added = await patchCard(id, [{ op: 'add', path: '/usageRates/-', value: rate(mobile, { peakValue: 3.99 }) }, { op: 'replace', path: '/name', value: 'With mobiles' }], { 'if-match': '"1"' })
    assert.equal(added.status, 200, added.text)
    assert.deepEqual([added.body.name, added.body.usageRates.map((r: { peakValue: number }) => r.peakValue)], ['With mobiles', [1.25, 3.99]])
    assert.notEqual(added.headers.get('etag'), '"1"')
    const fetched = await server.request('GET', `${CARDS}/${id}`, { token })
    assert.deepEqual([fetched.body, fetched.headers.get('etag')], [added.body, added.headers.get('etag')])
    assertError(await patchCard(id, [{ op: 'add', path: '/usageRates/-', value: rate(national, { startDate: '2026-01-01' }) }], { 'if-match': '"1"' }), 412, 'precondition_failed')
    for (const op of [{ op: 'replace', path: '/usageRates/0/peakValue', value: 1 }, { op: 'remove', path: '/usageRates/0' }]) assertFieldErrors(await patchCard(id, [op]), ['usageRates:invalid_value'])
    assertFieldErrors(await patchCard(id, [{ op: 'add', path: '/usageRates/-', value: { chargeGroupId: national, usageRateType: 'VARIABLE', peakValue: 'cheap' } }]), ['usageRates[0].peakValue:invalid_type', 'usageRates[0].peakInitialPeriod:required', 'usageRates[0].startDate:required'])
    const clash = await patchCard(id, [{ op: 'add', path: '/usageRates/-', value: rate(national, { startDate: '2025-06-01' }) }])
    assertError(clash, 409, 'overlapping_period')
    const next = await patchCard(id, [{ op: 'add', path: '/usageRates/-', value: rate(national, { startDate: '2026-01-01' }) }])
    assert.equal(next.status, 200, next.text)
    assertError(await server.request('PATCH', `${CARDS}/${id}`, { token, headers: MERGE_PATCH, body: '{"usageRates":[]}' }), 415, 'unsupported_media_type')
  })

  it('PATCH /v2/usage-rates/{id}: JSON Patch only (415); 400; 412; 409 overlap and failed test; 404; no POST (405)', async () => {
    const { id, usageRates } = await createCard({ usageRates: [rate(national, { endDate: '2025-12-31' }), rate(national, { startDate: '2026-01-01' })] })
    const first = usageRates[0].id
    const ok = await patchRate(first, [{ op: 'replace', path: '/peakValue', value: 1.03 }, { op: 'replace', path: '/offPeakInitialPeriod', value: 30 }], { 'if-match': '"1"' })
    assert.equal(ok.status, 200, ok.text)
    assert.deepEqual([ok.body.peakValue, ok.body.offPeakInitialPeriod, ok.headers.get('etag')], [1.03, 30, '"2"'])
    assert.equal((await server.request('GET', `${CARDS}/${id}`, { token })).body.usageRates[0].peakValue, 1.03)
    assertError(await server.request('PATCH', `${RATES}/${first}`, { token, headers: MERGE_PATCH, body: '{"peakValue":2}' }), 415, 'unsupported_media_type')
    assertError(await patchRate(first, [{ op: 'replace', path: '/peakValue', value: 2 }], { 'if-match': '"1"' }), 412, 'precondition_failed')
    assertFieldErrors(await patchRate(first, [{ op: 'replace', path: '/peakValue', value: 0.0000001 }, { op: 'replace', path: '/usageRateType', value: 'FLAT' }]), ['peakValue:invalid_value', 'usageRateType:invalid_value'])
    assertFieldErrors(await patchRate(first, [{ op: 'replace', path: '/chargeGroupId', value: 987654 }]), ['chargeGroupId:invalid_reference'])
    assertError(await patchRate(first, [{ op: 'remove', path: '/endDate' }]), 409, 'overlapping_period')
    assertError(await patchRate(first, [{ op: 'test', path: '/peakValue', value: 99 }]), 409, 'patch_test_failed')
    assertError(await patchRate(987654, [{ op: 'replace', path: '/peakValue', value: 2 }]), 404, 'not_found')
    assertError(await server.request('GET', `${RATES}/987654`, { token }), 404, 'not_found')
    assertError(await server.request('POST', RATES, { token, json: rate(national) }), 405, 'method_not_allowed')
  })

  it('DELETE /v2/usage-rates/{id}: 204, then 404; the card’s delete takes its rates; a charge group with rates is in use (409)', async () => {
    const { id, usageRates } = await createCard({ usageRates: [rate(national), rate(mobile)] })
    assert.equal((await server.request('DELETE', `${RATES}/${usageRates[0].id}`, { token })).status, 204)
    assertError(await server.request('DELETE', `${RATES}/${usageRates[0].id}`, { token }), 404, 'not_found')
    assert.deepEqual((await server.request('GET', `${CARDS}/${id}`, { token })).body.usageRates.map((r: { id: number }) => r.id), [usageRates[1].id])
    assertError(await server.request('DELETE', `/v1/charge-groups/${mobile}`, { token }), 409, 'in_use')
    assert.equal((await server.request('DELETE', `${CARDS}/${id}`, { token })).status, 204)
    assertError(await server.request('GET', `${RATES}/${usageRates[1].id}`, { token }), 404, 'not_found')
  })

  it('needs a token (401) and pricing:write to write (403); brands never meet', async () => {
    const { id, usageRates } = await createCard({ usageRates: [rate(national)] })
    const one = usageRates[0].id
    assertError(await server.request('GET', `${RATES}?page=1&pageSize=1&usageRateCardId=${id}`), 401, 'authentication_required')
    const reader = await loginAs(server, ['Read Only'])
    assert.equal((await server.request('GET', `${RATES}/${one}`, { token: reader })).status, 200)
    assertError(await server.request('PATCH', `${RATES}/${one}`, { token: reader, headers: JSON_PATCH, body: '[]' }), 403, 'insufficient_permission')
    assertError(await server.request('DELETE', `${RATES}/${one}`, { token: reader }), 403, 'insufficient_permission')
    const other = await otherBrandAdmin(server)
    assertError(await server.request('GET', `${RATES}/${one}`, { token: other }), 404, 'not_found')
    assert.deepEqual((await server.request('GET', `${RATES}?page=1&pageSize=10&usageRateCardId=${id}`, { token: other })).body, [])
  })
})
