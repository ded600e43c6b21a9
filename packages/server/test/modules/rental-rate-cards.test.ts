import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { runDocExamples } from '../helpers/docs.ts'
import { billingCycleBody, contractOwnerBody } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { rentalProductCategory } from './pricing-fixtures.ts'
import { JSON_PATCH, MERGE_PATCH } from '../helpers/requests.ts'

const CARDS = '/v2/rental-rate-cards'
let sequence = 0

describe('/v2/rental-rate-cards', () => {
  let server: TestServer
  let token: string
  let owner: number
  let category: number
  const post = (path: string, json: Record<string, unknown>, as = token) => server.request('POST', path, { token: as, json })
  const create = async (path: string, json: Record<string, unknown>) => {
    const response = await post(path, json)
    assert.equal(response.status, 201, response.text)
    return response.body
  }
  const card = (overrides: Record<string, unknown> = {}) => ({
    contractOwnerIds: [owner],
    name: `Card ${process.pid}-${++sequence}`,
    rentalProductCategoryId: category,
    rentalRateCardType: 'SELL',
    availableFrom: '2025-01-01',
    ...overrides,
  })
  const patch = (id: number, ops: unknown, headers: Record<string, string> = {}) =>
    server.request('PATCH', `${CARDS}/${id}`, { token, headers: { ...JSON_PATCH, ...headers }, body: JSON.stringify(ops) })

  before(async () => {
    server = await startTestServer()
    token = await server.login()
    owner = (await create('/v1/contract-owners', contractOwnerBody())).id
    category = await rentalProductCategory(server, token)
  })
  after(() => {
    if (process.env.SHOW_ERRORS) for (const line of server.logs) if (line.level === 50) console.log(JSON.stringify(line).slice(0, 1500))
    return server.close()
  })

  it('creates a card: 201 with Location and ETag, acceptOverridesFromParents true unless asked; got back as created', async () => {
    const body = card({ availableTo: '2025-12-31' })
    const response = await post(CARDS, body)
    assert.equal(response.status, 201, response.text)
    const { id, ...rest } = response.body
    assert.equal(response.headers.get('location'), `${CARDS}/${id}`)
    assert.equal(response.headers.get('etag'), '"1"')
    assert.deepEqual(rest, { ...body, acceptOverridesFromParents: true, rentalRates: [] })
    const fetched = await server.request('GET', `${CARDS}/${id}`, { token })
    assert.equal(fetched.status, 200)
    assert.deepEqual(fetched.body, response.body)
    assertError(await server.request('GET', `${CARDS}/987654`, { token }), 404, 'not_found')
  })

  it('reports every invalid field at once, and the published rules of each type', async () => {
    const invalid = await post(CARDS, { contractOwnerIds: [0], name: '', rentalProductCategoryId: 'x', rentalRateCardType: 'RENT', availableFrom: '2025-02-30', colour: 1 })
    assertError(invalid, 400, 'validation_failed', CARDS)
    assertFieldErrors(invalid, ['contractOwnerIds[0]:out_of_range', 'name:invalid_format', 'name:too_short', 'rentalProductCategoryId:invalid_type', 'rentalRateCardType:invalid_value', 'availableFrom:invalid_format', 'colour:unknown_field'])
    assertFieldErrors(await post(CARDS, {}), ['name:required', 'rentalProductCategoryId:required', 'rentalRateCardType:required', 'availableFrom:required'])
    const rules = await post(CARDS, card({ contractOwnerIds: [], rentalRateCardType: 'TEMPLATE', supplierAccountId: 1, basedOnTemplateId: 1, availableTo: '2024-12-31' }))
    assertError(rules, 400, 'validation_failed')
    assertFieldErrors(rules, ['availableTo:invalid_value', 'contractOwnerIds:required', 'supplierAccountId:invalid_value', 'basedOnTemplateId:invalid_value'])
    const missing = await post(CARDS, card({ contractOwnerIds: [owner, 987654], rentalProductCategoryId: 987654 }))
    assertError(missing, 400, 'invalid_reference')
    assertFieldErrors(missing, ['contractOwnerIds:invalid_reference', 'rentalProductCategoryId:invalid_reference'])
    const buy = await post(CARDS, card({ contractOwnerIds: [], rentalRateCardType: 'BUY', supplierAccountId: 987654 }))
    assertFieldErrors(buy, ['supplierAccountId:invalid_reference'])
    assertError(await server.request('POST', CARDS, { token, body: 'name=x', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type')
  })

  it('links a SELL card to a TEMPLATE card only; a template in use is not deleted (409)', async () => {
    const template = await create(CARDS, card({ rentalRateCardType: 'TEMPLATE' }))
    const other = await create(CARDS, card())
    assertFieldErrors(await post(CARDS, card({ basedOnTemplateId: other.id })), ['basedOnTemplateId:invalid_reference'])
    const sell = await create(CARDS, card({ basedOnTemplateId: template.id }))
    assertError(await server.request('DELETE', `${CARDS}/${template.id}`, { token }), 409, 'in_use')
    assert.equal((await server.request('DELETE', `${CARDS}/${sell.id}`, { token })).status, 204)
    assert.equal((await server.request('DELETE', `${CARDS}/${template.id}`, { token })).status, 204)
    assertError(await server.request('DELETE', `${CARDS}/${template.id}`, { token }), 404, 'not_found')
    assertError(await server.request('DELETE', `/v2/rental-product-categories/${category}`, { token }), 409, 'in_use')
  })

  it('takes a BUY card with a supplier account and no owners', async () => {
    const supplier = await create('/v1/suppliers', { name: `Supplier ${process.pid}-${++sequence}` })
    const account = await create(`/v1/suppliers/${supplier.id}/supplier-accounts`, { accountNumber: `ACC${sequence}` })
    const buy = await create(CARDS, card({ contractOwnerIds: [], rentalRateCardType: 'BUY', supplierAccountId: account.id }))
    assert.deepEqual([buy.contractOwnerIds, buy.supplierAccountId], [[], account.id])
  })

  it('does not mix currencies: several owners must bill in one currency; one owner alone may bill in any', async () => {
    const pounds = (await create('/v1/contract-owners', contractOwnerBody())).id
    const euros = (await create('/v1/contract-owners', contractOwnerBody())).id
    const morePounds = (await create('/v1/contract-owners', contractOwnerBody())).id
    await create('/v1/billing-cycles', billingCycleBody(pounds))
    await create('/v1/billing-cycles', billingCycleBody(morePounds))
    await create('/v1/billing-cycles', billingCycleBody(euros, { currencyCode: 'EUR' }))
    const mixed = await post(CARDS, card({ contractOwnerIds: [pounds, euros] }))
    assertError(mixed, 400, 'validation_failed')
    assertFieldErrors(mixed, ['contractOwnerIds:invalid_value'])
    assert.match(mixed.body.message, /EUR, GBP/)
    const { id } = await create(CARDS, card({ contractOwnerIds: [pounds, morePounds] }))
    assertFieldErrors(await patch(id, [{ op: 'add', path: '/contractOwnerIds/-', value: euros }]), ['contractOwnerIds:invalid_value'])
    const alone = await create(CARDS, card({ contractOwnerIds: [pounds] }))
    const replaced = await patch(alone.id, [{ op: 'replace', path: '/contractOwnerIds', value: [euros] }])
    assert.equal(replaced.status, 200, replaced.text)
    assert.deepEqual(replaced.body.contractOwnerIds, [euros])
  })

  it('lists by contractOwnerId, rentalRateCardType, category, name and dates, with sort, fields and paging; HEAD', async () => {
    const mine = (await create('/v1/contract-owners', contractOwnerBody())).id
    const seventh = await rentalProductCategory(server, token)
    const stem = `Listed ${process.pid}`
    const a = await create(CARDS, card({ contractOwnerIds: [mine], name: `${stem} A`, rentalProductCategoryId: seventh }))
    const b = await create(CARDS, card({ contractOwnerIds: [owner, mine], name: `${stem} B`, rentalRateCardType: 'TEMPLATE', availableFrom: '2026-01-01' }))
    const list = (query: string) => server.request('GET', `${CARDS}?page=1&pageSize=10&${query}`, { token })
    assert.deepEqual((await list(`contractOwnerId=${mine}&fields=id`)).body, [{ id: a.id }, { id: b.id }])
    assert.deepEqual((await list(`contractOwnerId=${mine}&rentalRateCardType=TEMPLATE&fields=id`)).body, [{ id: b.id }])
    assert.deepEqual((await list(`contractOwnerId=${mine}&rentalRateCardType=in:SELL,BUY&fields=id`)).body, [{ id: a.id }])
    // in: matches a card holding any of the owners, once however many it holds.
    const third = (await create('/v1/contract-owners', contractOwnerBody())).id
    const c = await create(CARDS, card({ contractOwnerIds: [third], name: `${stem} 0` }))
    assert.deepEqual((await list(`contractOwnerId=in:${third},${mine},${owner}&name=${encodeURIComponent(`like:${stem}`)}&fields=id`)).body, [{ id: a.id }, { id: b.id }, { id: c.id }])
    assert.deepEqual((await list(`contractOwnerId=${third}&fields=id`)).body, [{ id: c.id }])
    assert.deepEqual((await list(`rentalProductCategoryId=${seventh}&fields=id`)).body, [{ id: a.id }])
    assert.deepEqual((await list(`contractOwnerId=${mine}&availableFrom=gt:2025-06-01&fields=id`)).body, [{ id: b.id }])
    const sorted = await server.request('GET', `${CARDS}?page=1&pageSize=1&name=${encodeURIComponent(`like:${stem}`)}&sort=name:desc&fields=name`, { token })
    assert.deepEqual(sorted.body, [{ name: `${stem} B` }])
    assert.match(sorted.headers.get('link') ?? '', /rel="next"/)
    assert.equal((await server.request('HEAD', `${CARDS}?contractOwnerId=${mine}&rentalRateCardType=TEMPLATE`, { token })).status, 200)
    assert.equal((await server.request('HEAD', `${CARDS}?contractOwnerId=${mine}&rentalRateCardType=BUY`, { token })).status, 404)
    assertError(await list('contractOwnerId=abc'), 400, 'invalid_query')
    assertError(await server.request('GET', `${CARDS}?pageSize=10`, { token }), 400, 'invalid_query')
  })

  it('PATCH takes JSON Patch only: 200 with a new ETag; merge patch 415; 412, failed test 409, fixed type 400, invalid 400, 404', async () => {
    const { id } = await create(CARDS, card())
    const ok = await patch(id, [{ op: 'replace', path: '/name', value: 'Renamed' }, { op: 'replace', path: '/acceptOverridesFromParents', value: false }], { 'if-match': '"1"' })
    assert.equal(ok.status, 200, ok.text)
    assert.deepEqual([ok.body.name, ok.body.acceptOverridesFromParents, ok.headers.get('etag')], ['Renamed', false, '"2"'])
    assertError(await server.request('PATCH', `${CARDS}/${id}`, { token, headers: MERGE_PATCH, body: '{"name":"Merged"}' }), 415, 'unsupported_media_type')
    assertError(await patch(id, [{ op: 'replace', path: '/name', value: 'Stale' }], { 'if-match': '"1"' }), 412, 'precondition_failed')
    assertError(await patch(id, [{ op: 'test', path: '/name', value: 'Other' }]), 409, 'patch_test_failed')
    assertFieldErrors(await patch(id, [{ op: 'replace', path: '/rentalRateCardType', value: 'BUY' }]), ['rentalRateCardType:read_only'])
    assertFieldErrors(await patch(id, [{ op: 'remove', path: '/name' }]), ['name:required'])
    assertFieldErrors(await patch(id, [{ op: 'add', path: '/availableTo', value: '2000-01-01' }]), ['availableTo:invalid_value'])
    assertError(await patch(id, [{ op: 'replace', path: '/availableTo', value: '2026-01-01' }]), 400, 'invalid_patch')
    assertError(await patch(987654, []), 404, 'not_found')
  })

  it('needs a token (401) and pricing:write to write (403); restricted users read only; brands never meet', async () => {
    const { id } = await create(CARDS, card())
    assertError(await server.request('GET', `${CARDS}?page=1&pageSize=1`), 401, 'authentication_required')
    assertError(await server.request('GET', `${CARDS}/${id}`, { token: 'not-a-token' }), 401, 'invalid_token')
    const reader = await loginAs(server, ['Read Only'])
    assert.equal((await server.request('GET', `${CARDS}/${id}`, { token: reader })).status, 200)
    assertError(await post(CARDS, card(), reader), 403, 'insufficient_permission')
    assertError(await server.request('DELETE', `${CARDS}/${id}`, { token: reader }), 403, 'insufficient_permission')
    const restricted = await loginAs(server, ['Administrator'], owner)
    assert.equal((await server.request('GET', `${CARDS}/${id}`, { token: restricted })).status, 200)
    assertError(await post(CARDS, card(), restricted), 403, 'insufficient_permission')
    const other = await otherBrandAdmin(server)
    assertError(await server.request('GET', `${CARDS}/${id}`, { token: other }), 404, 'not_found')
    assertFieldErrors(await post(CARDS, card(), other), ['contractOwnerIds:invalid_reference', 'rentalProductCategoryId:invalid_reference'])
    assertError(await server.request('PUT', `${CARDS}/${id}`, { token, json: card() }), 405, 'method_not_allowed')
  })

  it('runs the docs example as written', async () => {
    const stdout = await runDocExamples(server.url, ['pricing.md'])
    assert.match(stdout, /^\[\{"name":"Business rental","rentalRateCardType":"SELL"\}\]$/m)
    assert.match(stdout, /^2025-12-31$/m)
    assert.match(stdout, /^415$/m)
    assert.match(stdout, /^200$/m)
    assert.match(stdout, /^\[\{"price":12\.5,"rentalRateType":"ARREARS"\},\{"price":29\.99,"rentalRateType":"ADVANCE"\}\]$/m)
    assert.match(stdout, /^1\.03$/m)
  })
})
