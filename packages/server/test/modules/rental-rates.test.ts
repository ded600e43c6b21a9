import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { rentalProduct, rentalProductCategory } from './pricing-fixtures.ts'
import { JSON_PATCH, MERGE_PATCH } from '../helpers/requests.ts'

const CARDS = '/v2/rental-rate-cards'
const RATES = '/v2/rental-rates'
let sequence = 0

const monthly = (rentalProductId: number, overrides: Record<string, unknown> = {}) => ({
  rentalProductId,
  price: 10.5,
  rentalRatePriceType: 'RENTAL',
  rentalRateType: 'ADVANCE',
  periodsInAdvance: 'STANDARD',
  rentalRateFrequency: 'MONTHLY',
  startDate: '2025-01-01',
  ...overrides,
})

describe('/v2/rental-rates, and the rates of a rental rate card', () => {
  let server: TestServer
  let token: string
  let owner: number
  let product: number
  let other: number
  let category: number
  const card = (overrides: Record<string, unknown> = {}) => ({
    contractOwnerIds: [owner],
    name: `Rates card ${process.pid}-${++sequence}`,
    rentalProductCategoryId: category,
    rentalRateCardType: 'SELL',
    availableFrom: '2025-01-01',
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

  before(async () => {
    server = await startTestServer()
    token = await server.login()
    owner = (await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody() })).body.id
    product = await rentalProduct(server, token, 'Broadband')
    other = await rentalProduct(server, token, 'Phone line')
    category = await rentalProductCategory(server, token)
  })
  after(() => server.close())

  it('creates a card with its rates: exact prices, answered inside the card and listed by rentalRateCardId', async () => {
    const response = await server.request('POST', CARDS, {
      token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(card({ rentalRates: [monthly(product), { rentalProductId: other, price: 0.0001, rentalRatePriceType: 'ONEOFF', startDate: '2025-01-01', showOnInvoice: false }] })).replace('10.5', '1234567.8912'),
    })
    assert.equal(response.status, 201, response.text)
    assert.equal(response.headers.get('etag'), '"1"')
    const { id, rentalRates } = response.body
    assert.match(response.text, /"price":1234567\.8912,/)
    assert.match(response.text, /"price":0\.0001,/)
    assert.equal(rentalRates.length, 2)
    assert.deepEqual(rentalRates[1], { id: rentalRates[1].id, rentalProductId: other, price: 0.0001, rentalRatePriceType: 'ONEOFF', startDate: '2025-01-01', showOnInvoice: false })
    const listed = await listRates(`rentalRateCardId=${id}`)
    assert.equal(listed.status, 200, listed.text)
    assert.deepEqual(listed.body, rentalRates)
    const one = await server.request('GET', `${RATES}/${rentalRates[0].id}`, { token })
    assert.deepEqual([one.status, one.body, one.headers.get('etag')], [200, rentalRates[0], '"1"'])
    // The card list sends the rates as PostgreSQL wrote them: the same JSON, numbers without the scale's zeros.
    const cards = await server.request('GET', `${CARDS}?page=1&pageSize=1&sort=id:desc`, { token })
    assert.deepEqual([cards.status, cards.headers.get('content-type'), cards.body], [200, 'application/json; charset=utf-8', [response.body]])
    assert.match(cards.text, /"rentalRates":\[\{"id":\d+,"rentalProductId":\d+,"price":1234567\.8912,.*"price":0\.0001,"rentalRatePriceType":"ONEOFF","startDate":"2025-01-01","showOnInvoice":false\}\]\}\]$/)
  })

  it('answers a lightweight summary (the card without its rates) when the summary header is true', async () => {
    const { id } = await createCard({ rentalRates: [monthly(product)] })
    const list = await server.request('GET', `${CARDS}?page=1&pageSize=10&contractOwnerId=${owner}&sort=id:desc`, { token, headers: { summary: 'true' } })
    assert.equal(list.status, 200, list.text)
    assert.equal(list.body[0].id, id)
    assert.equal('rentalRates' in list.body[0], false)
    const full = await server.request('GET', `${CARDS}?page=1&pageSize=10&contractOwnerId=${owner}&sort=id:desc`, { token, headers: { summary: 'false' } })
    assert.equal(full.body[0].rentalRates.length, 1)
    // The summary wins over fields naming the rates; the other fields asked for are answered.
    const fields = await server.request('GET', `${CARDS}?page=1&pageSize=1&sort=id:desc&fields=name,rentalRates`, { token, headers: { summary: 'true' } })
    assert.deepEqual([fields.status, fields.body], [200, [{ name: full.body[0].name }]])
    const one = await server.request('GET', `${CARDS}/${id}`, { token, headers: { summary: 'true' } })
    assert.deepEqual([one.status, 'rentalRates' in one.body, one.body.name], [200, false, full.body[0].name])
    const patched = await patchCard(id, [{ op: 'replace', path: '/name', value: 'Summarised' }], { summary: 'true' })
    assert.deepEqual([patched.status, 'rentalRates' in patched.body, patched.body.name], [200, false, 'Summarised'])
    assertError(await server.request('GET', `${CARDS}/${id}`, { token, headers: { summary: 'yes' } }), 400, 'invalid_header')
  })

  it('GET /v2/rental-rates requires rentalRateCardId (400); filters by price, types, flags and dates', async () => {
    const missing = await server.request('GET', `${RATES}?page=1&pageSize=10`, { token })
    assertError(missing, 400, 'invalid_query')
    assert.match(missing.body.message, /rentalRateCardId/)
    const { id, rentalRates } = await createCard({ rentalRates: [monthly(product, { price: 5 }), monthly(other, { price: 20, rentalRateType: 'ARREARS', periodsInAdvance: undefined, rentalRateFrequency: 'QUARTERLY', endDate: '2025-06-30' })] })
    const ids = (response: { body: Array<{ id: number }> }) => response.body.map((rate) => rate.id)
    assert.deepEqual(ids(await listRates(`rentalRateCardId=${id}&price=gt:10`)), [rentalRates[1].id])
    assert.deepEqual(ids(await listRates(`rentalRateCardId=${id}&rentalRateType=ARREARS`)), [rentalRates[1].id])
    assert.deepEqual(ids(await listRates(`rentalRateCardId=${id}&rentalRateFrequency=in:MONTHLY,DAILY`)), [rentalRates[0].id])
    assert.deepEqual(ids(await listRates(`rentalRateCardId=${id}&periodsInAdvance=STANDARD`)), [rentalRates[0].id])
    assert.deepEqual(ids(await listRates(`rentalRateCardId=${id}&endDate=lt:2025-12-31`)), [rentalRates[1].id])
    assert.deepEqual(ids(await listRates(`rentalRateCardId=${id}&showOnInvoice=true&sort=price:desc`)), [rentalRates[1].id, rentalRates[0].id])
    assert.deepEqual(await listRates(`rentalRateCardId=${id}&rentalRatePriceType=ONEOFF`).then((r) => r.body), [])
    assertError(await listRates(`rentalRateCardId=${id}&price=cheap`), 400, 'invalid_query')
    assert.deepEqual(ids(await listRates(`rentalRateCardId=${id}&rentalProductName=${encodeURIComponent('like:phone line')}`)), [rentalRates[1].id])
    assert.deepEqual(ids(await listRates(`rentalRateCardId=${id}&rentalProductName=${encodeURIComponent('like:nothing of the sort')}`)), [])
  })

  it('applies the published rules, every field error at once: rentalRateType and frequency for RENTAL, periodsInAdvance for ADVANCE', async () => {
    const rules = await server.request('POST', CARDS, { token, json: card({ rentalRates: [{ rentalProductId: product, price: 1, rentalRatePriceType: 'RENTAL', startDate: '2025-01-01' }, { rentalProductId: product, price: 1, rentalRatePriceType: 'ONEOFF', rentalRateType: 'ADVANCE', startDate: '2025-02-01', endDate: '2025-01-01' }] }) })
    assertError(rules, 400, 'validation_failed')
    assertFieldErrors(rules, ['rentalRates[0].rentalRateType:required', 'rentalRates[0].rentalRateFrequency:required', 'rentalRates[1].periodsInAdvance:required', 'rentalRates[1].endDate:invalid_value'])
    const schema = await server.request('POST', CARDS, { token, json: card({ rentalRates: [{ rentalProductId: product, price: 1.23456, rentalRatePriceType: 'WEEKLY', rentalRateFrequency: 'FORTNIGHTLY', startDate: 'soon' }] }) })
    assertFieldErrors(schema, ['rentalRates[0].price:invalid_value', 'rentalRates[0].rentalRatePriceType:invalid_value', 'rentalRates[0].rentalRateFrequency:invalid_value', 'rentalRates[0].startDate:invalid_format'])
    assertFieldErrors(await server.request('POST', CARDS, { token, json: card({ rentalRates: [monthly(product, { price: 10000000 })] }) }), ['rentalRates[0].price:invalid_value', 'rentalRates[0].price:out_of_range'])
    const unknown = await server.request('POST', CARDS, { token, json: card({ rentalRates: [monthly(product), monthly(987654)] }) })
    assertError(unknown, 400, 'invalid_reference')
    assertFieldErrors(unknown, ['rentalRates[1].rentalProductId:invalid_reference'])
  })

  it('adds rates by PATCHing the card (add to /rentalRates/-): the card’s ETag changes; other changes to its rates are 400', async () => {
    const { id } = await createCard({ rentalRates: [monthly(product)] })
    const added = await patchCard(id, [{ op: 'add', path: '/rentalRates/-', value: monthly(other, { price: 3.99 }) }, { op: 'replace', path: '/name', value: 'With a phone line' }], { 'if-match': '"1"' })
    assert.equal(added.status, 200, added.text)
    assert.equal(added.body.name, 'With a phone line')
    assert.deepEqual(added.body.rentalRates.map((rate: { price: number }) => rate.price), [10.5, 3.99])
    assert.notEqual(added.headers.get('etag'), '"1"')
    const fetched = await server.request('GET', `${CARDS}/${id}`, { token })
    assert.deepEqual(fetched.body, added.body)
    assert.equal(fetched.headers.get('etag'), added.headers.get('etag'))
    assertError(await patchCard(id, [{ op: 'add', path: '/rentalRates/-', value: monthly(product, { startDate: '2026-01-01' }) }], { 'if-match': '"1"' }), 412, 'precondition_failed')
    for (const op of [{ op: 'replace', path: '/rentalRates/0/price', value: 1 }, { op: 'remove', path: '/rentalRates/0' }, { op: 'replace', path: '/rentalRates', value: [] }]) {
      const refused = await patchCard(id, [op])
      assertError(refused, 400, 'validation_failed')
      assertFieldErrors(refused, ['rentalRates:invalid_value'])
    }
    const invalid = await patchCard(id, [{ op: 'add', path: '/rentalRates/-', value: { rentalProductId: product, price: 'free', rentalRatePriceType: 'RENTAL' } }])
    assertFieldErrors(invalid, ['rentalRates[0].price:invalid_type', 'rentalRates[0].startDate:required'])
    assertError(await server.request('PATCH', `${CARDS}/${id}`, { token, headers: MERGE_PATCH, body: '{"rentalRates":[]}' }), 415, 'unsupported_media_type')
  })

  it('refuses a rate sharing a date with another of its product and price type on the card (409); another price type or card is free', async () => {
    const { id, rentalRates } = await createCard({ rentalRates: [monthly(product, { endDate: '2025-12-31' })] })
    const clash = await patchCard(id, [{ op: 'add', path: '/rentalRates/-', value: monthly(product, { startDate: '2025-06-01' }) }])
    assertError(clash, 409, 'overlapping_period')
    assertFieldErrors(clash, ['startDate:overlapping_period'])
    const twice = await server.request('POST', CARDS, { token, json: card({ rentalRates: [monthly(product), monthly(product, { startDate: '2030-01-01' })] }) })
    assertError(twice, 409, 'overlapping_period')
    const oneOff = await patchCard(id, [{ op: 'add', path: '/rentalRates/-', value: { rentalProductId: product, price: 49, rentalRatePriceType: 'ONEOFF', startDate: '2025-01-01' } }, { op: 'add', path: '/rentalRates/-', value: monthly(product, { startDate: '2026-01-01' }) }])
    assert.equal(oneOff.status, 200, oneOff.text)
    assert.equal(oneOff.body.rentalRates.length, 3)
    const moved = await patchRate(rentalRates[0].id, [{ op: 'remove', path: '/endDate' }])
    assertError(moved, 409, 'overlapping_period')
  })

  it('PATCH /v2/rental-rates/{id}: JSON Patch only (merge patch 415); rules 400; If-Match 412; fixed product 400; 404', async () => {
    const { id, rentalRates } = await createCard({ rentalRates: [monthly(product)] })
    const rate = rentalRates[0].id
    const ok = await patchRate(rate, [{ op: 'replace', path: '/price', value: 1.03 }], { 'if-match': '"1"' })
    assert.equal(ok.status, 200, ok.text)
    assert.deepEqual([ok.body.price, ok.headers.get('etag')], [1.03, '"2"'])
    assert.deepEqual((await server.request('GET', `${CARDS}/${id}`, { token })).body.rentalRates[0].price, 1.03)
    assertError(await server.request('PATCH', `${RATES}/${rate}`, { token, headers: MERGE_PATCH, body: '{"price":2}' }), 415, 'unsupported_media_type')
    assertError(await server.request('PATCH', `${RATES}/${rate}`, { token, json: { price: 2 } }), 415, 'unsupported_media_type')
    assertError(await patchRate(rate, [{ op: 'replace', path: '/price', value: 2 }], { 'if-match': '"1"' }), 412, 'precondition_failed')
    const rules = await patchRate(rate, [{ op: 'remove', path: '/rentalRateType' }, { op: 'remove', path: '/rentalRateFrequency' }])
    assertError(rules, 400, 'validation_failed')
    assertFieldErrors(rules, ['rentalRateType:required', 'rentalRateFrequency:required'])
    assertFieldErrors(await patchRate(rate, [{ op: 'remove', path: '/periodsInAdvance' }]), ['periodsInAdvance:required'])
    assertFieldErrors(await patchRate(rate, [{ op: 'replace', path: '/price', value: 0.00001 }]), ['price:invalid_value'])
    assertFieldErrors(await patchRate(rate, [{ op: 'replace', path: '/rentalProductId', value: other }]), ['rentalProductId:read_only'])
    assertError(await patchRate(rate, [{ op: 'test', path: '/price', value: 99 }]), 409, 'patch_test_failed')
    assertError(await patchRate(987654, [{ op: 'replace', path: '/price', value: 2 }]), 404, 'not_found')
    assertError(await server.request('GET', `${RATES}/987654`, { token }), 404, 'not_found')
    assertError(await server.request('POST', RATES, { token, json: monthly(product) }), 405, 'method_not_allowed')
  })

  it('DELETE /v2/rental-rates/{id}: 204, then 404; deleting the card deletes its rates', async () => {
    const { id, rentalRates } = await createCard({ rentalRates: [monthly(product), monthly(other)] })
    assert.equal((await server.request('DELETE', `${RATES}/${rentalRates[0].id}`, { token })).status, 204)
    assertError(await server.request('DELETE', `${RATES}/${rentalRates[0].id}`, { token }), 404, 'not_found')
    assert.deepEqual((await server.request('GET', `${CARDS}/${id}`, { token })).body.rentalRates.map((rate: { id: number }) => rate.id), [rentalRates[1].id])
    assert.equal((await server.request('DELETE', `${CARDS}/${id}`, { token })).status, 204)
    assertError(await server.request('GET', `${RATES}/${rentalRates[1].id}`, { token }), 404, 'not_found')
  })

  it('needs a token (401) and pricing:write to write (403); restricted users read only; brands never meet', async () => {
    const { id, rentalRates } = await createCard({ rentalRates: [monthly(product)] })
    const rate = rentalRates[0].id
    assertError(await server.request('GET', `${RATES}?page=1&pageSize=1&rentalRateCardId=${id}`), 401, 'authentication_required')
    assertError(await server.request('PATCH', `${RATES}/${rate}`, { headers: JSON_PATCH, body: '[]' }), 401, 'authentication_required')
    const reader = await loginAs(server, ['Read Only'])
    assert.equal((await server.request('GET', `${RATES}/${rate}`, { token: reader })).status, 200)
    assertError(await server.request('PATCH', `${RATES}/${rate}`, { token: reader, headers: JSON_PATCH, body: '[]' }), 403, 'insufficient_permission')
    assertError(await server.request('DELETE', `${RATES}/${rate}`, { token: reader }), 403, 'insufficient_permission')
    const restricted = await loginAs(server, ['Administrator'], owner)
    assertError(await server.request('PATCH', `${RATES}/${rate}`, { token: restricted, headers: JSON_PATCH, body: '[{"op":"replace","path":"/price","value":1}]' }), 403, 'insufficient_permission')
    assertError(await server.request('PATCH', `${CARDS}/${id}`, { token: restricted, headers: JSON_PATCH, body: JSON.stringify([{ op: 'add', path: '/rentalRates/-', value: monthly(other) }]) }), 403, 'insufficient_permission')
    const foreign = await otherBrandAdmin(server)
    assertError(await server.request('GET', `${RATES}/${rate}`, { token: foreign }), 404, 'not_found')
    assert.deepEqual((await server.request('GET', `${RATES}?page=1&pageSize=10&rentalRateCardId=${id}`, { token: foreign })).body, [])
    assertError(await server.request('DELETE', `${RATES}/${rate}`, { token: foreign }), 404, 'not_found')
  })
})
