import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { runDocExamples } from '../helpers/docs.ts'
import { createAdminSetup, customerBody, siteBody } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { applicablePrice, loadRentalPriceCandidates } from '../../src/modules/pricing-assignments/index.ts'
import { brandId, loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { chargeGroup, rentalProduct, rentalProductCategory, usageProduct } from './pricing-fixtures.ts'

const CARD_ASSIGNMENTS = '/v1/rental-rate-card-assignments'
const JSON_PATCH = { 'content-type': 'application/json-patch+json' }
const MERGE_PATCH = { 'content-type': 'application/merge-patch+json' }
let sequence = 0

describe('the Pricing Assignment API (/v1)', () => {
  let server: TestServer
  let token: string
  let owner: number
  let customer: number
  let site: number
  let otherSite: number
  let category: number
  let card: number
  let sameCategoryCard: number
  let otherCategoryCard: number
  let buyCard: number
  let product: number
  let account: number
  let rpi: number
  let otherRpi: number

  const post = async (path: string, json: Record<string, unknown>, as = token) => server.request('POST', path, { token: as, json })
  const created = async (path: string, json: Record<string, unknown>) => {
    const response = await post(path, json)
    assert.equal(response.status, 201, response.text)
    return response.body
  }
  const patch = (path: string, ops: unknown, headers: Record<string, string> = {}) => server.request('PATCH', path, { token, headers: { ...JSON_PATCH, ...headers }, body: JSON.stringify(ops) })
  const rentalCard = async (categoryId: number, type = 'SELL', extra: Record<string, unknown> = {}) =>
    (await created('/v2/rental-rate-cards', { contractOwnerIds: type === 'BUY' ? [] : [owner], name: `Assigned card ${process.pid}-${++sequence}`, rentalProductCategoryId: categoryId, rentalRateCardType: type, availableFrom: '2024-01-01', ...extra })).id
  /** A rental product inventory item of `product` on a site. */
  const inventoryItem = async (siteId: number) =>
    (await created('/v2/rental-product-inventories', { siteId, rentalProductId: product, invoicePresentationProductName: 'Broadband', supplierAccountId: account, startDate: '2024-03-01', invoiceFrequency: 1, quantity: 1 })).id
  const atCustomer = (overrides: Record<string, unknown> = {}) => ({ assignmentLevel: 'CUSTOMER', customerId: customer, rentalRateCardId: card, startDate: '2025-01-01', ...overrides })

  before(async () => {
    server = await startTestServer()
    token = await server.login()
    const setup = await createAdminSetup(server.request.bind(server), token)
    owner = setup.contractOwnerId
    const made = await created('/v1/customers', customerBody(setup, { sites: [siteBody(), siteBody()] }))
    customer = made.id
    ;[site, otherSite] = made.sites.map((s: { id: number }) => s.id)
    category = await rentalProductCategory(server, token)
    card = await rentalCard(category)
    sameCategoryCard = await rentalCard(category)
    otherCategoryCard = await rentalCard(await rentalProductCategory(server, token))
    const supplier = await created('/v1/suppliers', { name: `Assignment supplier ${process.pid}` })
    account = (await created(`/v1/suppliers/${supplier.id}/supplier-accounts`, { accountNumber: `ASSIGN${process.pid}` })).id
    buyCard = await rentalCard(category, 'BUY', { supplierAccountId: account })
    product = await rentalProduct(server, token, 'Broadband')
    rpi = await inventoryItem(site)
    otherRpi = await inventoryItem(otherSite)
  })
  after(() => server.close())

  describe('rental-rate-card-assignments', () => {
    it('assigns a card to a customer: 201 with Location and ETag; got, listed and checked (HEAD) by the published filters', async () => {
      const body = atCustomer({ startDate: '2020-01-01', endDate: '2020-12-31' })
      const response = await post(CARD_ASSIGNMENTS, body)
      assert.equal(response.status, 201, response.text)
      const { id, ...rest } = response.body
      assert.deepEqual(rest, body)
      assert.equal(response.headers.get('location'), `${CARD_ASSIGNMENTS}/${id}`)
      assert.equal(response.headers.get('etag'), '"1"')
      const got = await server.request('GET', `${CARD_ASSIGNMENTS}/${id}`, { token })
      assert.deepEqual([got.status, got.body, got.headers.get('etag')], [200, response.body, '"1"'])
      const listed = await server.request('GET', `${CARD_ASSIGNMENTS}?page=1&pageSize=10&customerId=${customer}&assignmentLevel=CUSTOMER&rentalProductCategoryId=${category}&startDate=2020-01-01`, { token })
      assert.deepEqual([listed.status, listed.body], [200, [response.body]])
      assert.equal((await server.request('HEAD', `${CARD_ASSIGNMENTS}?rentalRateCardId=${card}&endDate=2020-12-31`, { token })).status, 200)
      assert.equal((await server.request('HEAD', `${CARD_ASSIGNMENTS}?rentalRateCardId=${card}&endDate=2019-12-31`, { token })).status, 404)
      assertError(await server.request('GET', `${CARD_ASSIGNMENTS}/987654`, { token }), 404, 'not_found')
    })

    it("assigns a card to a site: the answer names the site's customer; another customer is refused", async () => {
      const response = await post(CARD_ASSIGNMENTS, { assignmentLevel: 'SITE', siteId: site, rentalRateCardId: card, startDate: '2021-01-01', endDate: '2021-12-31' })
      assert.equal(response.status, 201, response.text)
      assert.deepEqual([response.body.siteId, response.body.customerId], [site, customer])
      const other = await created('/v1/customers', customerBody(await createAdminSetup(server.request.bind(server), token)))
      const wrong = await post(CARD_ASSIGNMENTS, { assignmentLevel: 'SITE', siteId: otherSite, customerId: other.id, rentalRateCardId: card, startDate: '2021-01-01' })
      assertError(wrong, 400, 'invalid_reference')
      assertFieldErrors(wrong, ['customerId:invalid_reference'])
    })

    it("assigns a card to an inventory item: the answer names the item's site and customer; a missing item, another site or another product is 400", async () => {
      const body = { assignmentLevel: 'INVENTORY', rentalProductInventoryId: rpi, rentalRateCardId: card, startDate: '2022-01-01', endDate: '2022-12-31' }
      const one = await created(CARD_ASSIGNMENTS, body)
      assert.deepEqual(one, { id: one.id, ...body, siteId: site, customerId: customer })
      assert.deepEqual((await server.request('GET', `${CARD_ASSIGNMENTS}?page=1&pageSize=5&rentalProductInventoryId=${rpi}`, { token })).body, [one])
      assertError(await post(CARD_ASSIGNMENTS, { ...body, startDate: '2022-06-01', endDate: undefined }), 409, 'overlapping_period')
      const onOther = await created(CARD_ASSIGNMENTS, { ...body, rentalProductInventoryId: otherRpi })
      // The item goes, and what was assigned to it alone goes with it (the foreign key cascades).
      assert.equal((await server.request('DELETE', `/v2/rental-product-inventories/${otherRpi}`, { token })).status, 204)
      assertError(await server.request('GET', `${CARD_ASSIGNMENTS}/${onOther.id}`, { token }), 404, 'not_found')
      assertFieldErrors(await post(CARD_ASSIGNMENTS, { ...body, rentalProductInventoryId: 987654 }), ['rentalProductInventoryId:invalid_reference'])
      assertFieldErrors(await post(CARD_ASSIGNMENTS, { ...body, startDate: '2023-01-01', endDate: undefined, siteId: otherSite }), ['siteId:invalid_reference'])
      const otherProduct = await rentalProduct(server, token, 'Phone line')
      const override = { assignmentLevel: 'INVENTORY', rentalProductInventoryId: rpi, price: 1, rentalRatePriceType: 'ONEOFF', startDate: '2025-01-01' }
      assertFieldErrors(await post('/v1/rental-rate-overrides', { ...override, rentalProductId: otherProduct }), ['rentalProductId:invalid_reference'])
      const held = await created('/v1/rental-rate-overrides', { ...override, rentalProductId: product })
      assert.deepEqual([held.siteId, held.customerId, held.applyThisToChildren], [site, customer, true])
    })

    it('400 names every field error at once: the schema, then the level and dates, then the references', async () => {
      assertFieldErrors(await post(CARD_ASSIGNMENTS, {}), ['assignmentLevel:required', 'rentalRateCardId:required', 'startDate:required'])
      assertFieldErrors(await post(CARD_ASSIGNMENTS, { assignmentLevel: 'BRAND', rentalRateCardId: 0, startDate: 'soon', unknown: 1 }), [
        'assignmentLevel:invalid_value',
        'rentalRateCardId:out_of_range',
        'startDate:invalid_format',
        'unknown:unknown_field',
      ])
      const level = await post(CARD_ASSIGNMENTS, atCustomer({ customerId: undefined, siteId: site, rentalProductInventoryId: 5, endDate: '2024-12-31' }))
      assertError(level, 400, 'validation_failed')
      assertFieldErrors(level, ['customerId:required', 'siteId:invalid_value', 'rentalProductInventoryId:invalid_value', 'endDate:invalid_value'])
      assertFieldErrors(await post(CARD_ASSIGNMENTS, { assignmentLevel: 'SITE', rentalRateCardId: card, startDate: '2025-01-01' }), ['siteId:required'])
      assertFieldErrors(await post(CARD_ASSIGNMENTS, { assignmentLevel: 'INVENTORY', rentalRateCardId: card, startDate: '2025-01-01' }), ['rentalProductInventoryId:required'])
      const references = await post(CARD_ASSIGNMENTS, atCustomer({ customerId: 987654, rentalRateCardId: 987654 }))
      assertError(references, 400, 'invalid_reference')
      assertFieldErrors(references, ['customerId:invalid_reference', 'rentalRateCardId:invalid_reference'])
      assertFieldErrors(await post(CARD_ASSIGNMENTS, atCustomer({ rentalRateCardId: buyCard })), ['rentalRateCardId:invalid_reference'])
    })

    it('409 overlapping_period for two cards of one category at one level for one customer; other categories, levels and adjacent dates are fine', async () => {
      const first = await created(CARD_ASSIGNMENTS, atCustomer({ startDate: '2030-01-01', endDate: '2030-06-30' }))
      const clash = await post(CARD_ASSIGNMENTS, atCustomer({ rentalRateCardId: sameCategoryCard, startDate: '2030-06-30' }))
      assertError(clash, 409, 'overlapping_period')
      assert.match(clash.body.message, new RegExp(`assignment ${first.id} \\(2030-01-01 to 2030-06-30\\)`))
      await created(CARD_ASSIGNMENTS, atCustomer({ rentalRateCardId: sameCategoryCard, startDate: '2030-07-01', endDate: '2030-12-31' }))
      await created(CARD_ASSIGNMENTS, atCustomer({ rentalRateCardId: otherCategoryCard, startDate: '2030-03-01', endDate: '2030-12-31' }))
      await created(CARD_ASSIGNMENTS, { assignmentLevel: 'SITE', siteId: site, rentalRateCardId: sameCategoryCard, startDate: '2030-03-01' })
      await created(CARD_ASSIGNMENTS, { assignmentLevel: 'SITE', siteId: otherSite, rentalRateCardId: sameCategoryCard, startDate: '2030-03-01' })
      assertError(await post(CARD_ASSIGNMENTS, { assignmentLevel: 'SITE', siteId: site, rentalRateCardId: card, startDate: '2031-01-01' }), 409, 'overlapping_period')
    })

    it('PATCH /{assignmentLevel}/{id} takes JSON Patch only: 200 with the next ETag, 404 at another level, 412, 415, 409, 400 on a fixed field', async () => {
      const one = await created(CARD_ASSIGNMENTS, atCustomer({ startDate: '2040-01-01', endDate: '2040-12-31' }))
      const at = `${CARD_ASSIGNMENTS}/CUSTOMER/${one.id}`
      const changed = await patch(at, [{ op: 'replace', path: '/endDate', value: '2041-06-30' }], { 'if-match': '"1"' })
      assert.deepEqual([changed.status, changed.body.endDate, changed.headers.get('etag')], [200, '2041-06-30', '"2"'])
      assertError(await patch(at, [{ op: 'remove', path: '/endDate' }], { 'if-match': '"1"' }), 412, 'precondition_failed')
      assertError(await patch(`${CARD_ASSIGNMENTS}/SITE/${one.id}`, [{ op: 'remove', path: '/endDate' }]), 404, 'not_found')
      assertError(await patch(at, { endDate: null }, MERGE_PATCH), 415, 'unsupported_media_type')
      assertFieldErrors(await patch(at, [{ op: 'replace', path: '/assignmentLevel', value: 'SITE' }]), ['assignmentLevel:read_only'])
      await created(CARD_ASSIGNMENTS, atCustomer({ rentalRateCardId: sameCategoryCard, startDate: '2042-01-01', endDate: '2042-12-31' }))
      assertError(await patch(at, [{ op: 'remove', path: '/endDate' }]), 409, 'overlapping_period')
      const moved = await patch(at, [{ op: 'replace', path: '/rentalRateCardId', value: otherCategoryCard }, { op: 'remove', path: '/endDate' }])
      assert.deepEqual([moved.status, moved.body.rentalRateCardId, moved.body.endDate], [200, otherCategoryCard, undefined], moved.text)
      assertError(await patch(`${CARD_ASSIGNMENTS}/CUSTOMER/987654`, []), 404, 'not_found')
    })

    it('DELETE: 204, then 404; PUT is 405', async () => {
      const one = await created(CARD_ASSIGNMENTS, atCustomer({ startDate: '2050-01-01', endDate: '2050-01-31' }))
      assert.equal((await server.request('DELETE', `${CARD_ASSIGNMENTS}/${one.id}`, { token })).status, 204)
      assertError(await server.request('DELETE', `${CARD_ASSIGNMENTS}/${one.id}`, { token }), 404, 'not_found')
      assertError(await server.request('PUT', `${CARD_ASSIGNMENTS}/${one.id}`, { token, json: {} }), 405, 'method_not_allowed')
    })

    it('401 without a token, 403 for a reader writing; another contract owner or brand sees nothing and cannot assign to the customer', async () => {
      assertError(await server.request('GET', `${CARD_ASSIGNMENTS}?page=1&pageSize=1`), 401, 'authentication_required')
      const reader = await loginAs(server, ['Read Only'])
      assert.equal((await server.request('GET', `${CARD_ASSIGNMENTS}?page=1&pageSize=1`, { token: reader })).status, 200)
      assertError(await post(CARD_ASSIGNMENTS, atCustomer({ startDate: '2060-01-01' }), reader), 403, 'insufficient_permission')
      const one = await created(CARD_ASSIGNMENTS, atCustomer({ startDate: '2061-01-01', endDate: '2061-01-31' }))
      const stranger = (await createAdminSetup(server.request.bind(server), token)).contractOwnerId
      const restricted = await loginAs(server, ['Administrator'], stranger)
      assertError(await server.request('GET', `${CARD_ASSIGNMENTS}/${one.id}`, { token: restricted }), 404, 'not_found')
      assert.deepEqual((await server.request('GET', `${CARD_ASSIGNMENTS}?page=1&pageSize=10&customerId=${customer}`, { token: restricted })).body, [])
      assertFieldErrors(await post(CARD_ASSIGNMENTS, atCustomer({ startDate: '2062-01-01' }), restricted), ['customerId:invalid_reference'])
      const otherBrand = await otherBrandAdmin(server)
      assertError(await server.request('GET', `${CARD_ASSIGNMENTS}/${one.id}`, { token: otherBrand }), 404, 'not_found')
    })

    it('pages walk the assignments once and in order, by level or not, deep pages too (their ids found by the level index first)', async () => {
      const ids = async (query: string) => {
        const found: number[] = []
        for (let page = 1; ; page++) {
          const response = await server.request('GET', `${CARD_ASSIGNMENTS}?page=${page}&pageSize=2${query}`, { token })
          assert.equal(response.status, 200, response.text)
          if (response.body.length === 0) return found
          found.push(...response.body.map((a: { id: number }) => a.id))
        }
      }
      const all: Array<{ id: number; assignmentLevel: string }> = (await server.request('GET', `${CARD_ASSIGNMENTS}?page=1&pageSize=100`, { token })).body
      const customerLevel = all.filter((a) => a.assignmentLevel === 'CUSTOMER').map((a) => a.id)
      assert.ok(customerLevel.length >= 5 && customerLevel.length < all.length, 'enough of each to need several pages')
      assert.deepEqual(await ids('&assignmentLevel=CUSTOMER'), customerLevel)
      assert.deepEqual(await ids(''), all.map((a) => a.id))
      assert.deepEqual(all.map((a) => a.id), [...all.map((a) => a.id)].sort((a, b) => a - b))
    })
  })

  it("contract-owner scope goes through the holder's customer: a customer moved to another owner takes its assignments along", async () => {
    const [from, to] = [await createAdminSetup(server.request.bind(server), token), await createAdminSetup(server.request.bind(server), token)]
    const moving = await created('/v1/customers', customerBody(from))
    const one = await created(CARD_ASSIGNMENTS, { assignmentLevel: 'SITE', siteId: moving.sites[0].id, rentalRateCardId: card, startDate: '2025-01-01' })
    const [before, after] = [await loginAs(server, ['Read Only'], from.contractOwnerId), await loginAs(server, ['Read Only'], to.contractOwnerId)]
    const seenBy = async (as: string) => (await server.request('GET', `${CARD_ASSIGNMENTS}/${one.id}`, { token: as })).status
    assert.deepEqual([await seenBy(before), await seenBy(after)], [200, 404])
    const move = await server.request('PATCH', `/v1/customers/${moving.id}`, {
      token,
      headers: MERGE_PATCH,
      body: JSON.stringify({ contractOwnerId: to.contractOwnerId, contractOwnerSubBrandId: to.subBrandId, billingCycleId: to.billingCycleId }),
    })
    assert.equal(move.status, 200, move.text)
    assert.deepEqual([await seenBy(before), await seenBy(after)], [404, 200])
  })

  describe('usage-rate-card-assignments and inclusive-usage-plan-assignments', () => {
    it('a usage card: assignmentType INVOICE unless given; an ADDITIONAL card beside it; the same type twice is 409; usageProductId filter', async () => {
      const usage = await usageProduct(server, token, 'Calls')
      const usageCard = (await created('/v2/usage-rate-cards', { contractOwnerIds: [owner], name: `Usage ${process.pid}-${++sequence}`, availableFrom: '2024-01-01', usageProductId: usage, decimalPlaces: 4, defaultMinCharge: 0 })).id
      const path = '/v1/usage-rate-card-assignments'
      const body = { assignmentLevel: 'CUSTOMER', customerId: customer, usageRateCardId: usageCard, startDate: '2025-01-01' }
      const invoice = await created(path, body)
      assert.deepEqual(invoice, { id: invoice.id, ...body, assignmentType: 'INVOICE' })
      await created(path, { ...body, assignmentType: 'ADDITIONAL' })
      assertError(await post(path, { ...body, startDate: '2026-01-01' }), 409, 'overlapping_period')
      const listed = await server.request('GET', `${path}?page=1&pageSize=10&usageProductId=${usage}&sort=id`, { token })
      assert.deepEqual(listed.body.map((a: { assignmentType: string }) => a.assignmentType), ['INVOICE', 'ADDITIONAL'])
      const changed = await patch(`${path}/CUSTOMER/${invoice.id}`, [{ op: 'add', path: '/endDate', value: '2025-12-31' }])
      assert.deepEqual([changed.status, changed.body.endDate], [200, '2025-12-31'])
      await created(path, { ...body, startDate: '2026-01-01' })
      assertFieldErrors(await post(path, { ...body, usageRateCardId: 987654 }), ['usageRateCardId:invalid_reference'])
    })

    it('plans add up: two plans at once for one site are fine, the same plan twice is 409', async () => {
      const usage = await usageProduct(server, token, 'Minutes')
      const plan = async () => (await created('/v2/inclusive-usage-plans', { contractOwnerId: owner, name: `Plan ${process.pid}-${++sequence}`, usageProductId: usage, availableFrom: '2024-01-01' })).id
      const [first, second] = [await plan(), await plan()]
      const path = '/v1/inclusive-usage-plan-assignments'
      const body = { assignmentLevel: 'SITE', siteId: site, inclusiveUsagePlanId: first, startDate: '2025-01-01' }
      const one = await created(path, body)
      assert.deepEqual(one, { id: one.id, ...body, customerId: customer })
      await created(path, { ...body, inclusiveUsagePlanId: second })
      assertError(await post(path, { ...body, startDate: '2025-06-01' }), 409, 'overlapping_period')
      assertFieldErrors(await post(path, { ...body, inclusiveUsagePlanId: 987654, siteId: 987654 }), ['inclusiveUsagePlanId:invalid_reference', 'siteId:invalid_reference'])
      assert.equal((await server.request('DELETE', `${path}/${one.id}`, { token })).status, 204)
    })
  })

  describe('rate overrides', () => {
    const rental = (overrides: Record<string, unknown> = {}) => ({
      assignmentLevel: 'CUSTOMER',
      customerId: customer,
      rentalProductId: product,
      price: 9.99,
      rentalRatePriceType: 'RENTAL',
      rentalRateType: 'ADVANCE',
      periodsInAdvance: 'STANDARD',
      rentalRateFrequency: 'MONTHLY',
      startDate: '2025-01-01',
      ...overrides,
    })

    it('a sell rental override: exact price, defaults, the rental rules, one per product and price type at a time', async () => {
      const path = '/v1/rental-rate-overrides'
      const response = await server.request('POST', path, { token, headers: { 'content-type': 'application/json' }, body: JSON.stringify(rental()).replace('9.99', '1234567.8912') })
      assert.equal(response.status, 201, response.text)
      assert.match(response.text, /"price":1234567\.8912,/)
      assert.deepEqual(response.body, { id: response.body.id, ...rental({ price: 1234567.8912 }), applyThisToChildren: true, showOnInvoice: true })
      await created(path, rental({ rentalRatePriceType: 'ONEOFF', rentalRateType: undefined, periodsInAdvance: undefined, rentalRateFrequency: undefined }))
      assertError(await post(path, rental({ startDate: '2026-01-01' })), 409, 'overlapping_period')
      assertFieldErrors(await post(path, rental({ rentalRateType: undefined, rentalRateFrequency: undefined, price: 0.00001 })), ['price:invalid_value'])
      assertFieldErrors(await post(path, rental({ rentalRateType: undefined, rentalRateFrequency: undefined })), ['rentalRateType:required', 'rentalRateFrequency:required'])
      assertFieldErrors(await post(path, rental({ rentalProductId: 987654, siteId: 987654, assignmentLevel: 'SITE', customerId: undefined })), ['rentalProductId:invalid_reference', 'siteId:invalid_reference'])
      const changed = await patch(`${path}/CUSTOMER/${response.body.id}`, [{ op: 'replace', path: '/price', value: 0.0001 }])
      assert.deepEqual([changed.status, changed.body.price], [200, 0.0001])
      assert.deepEqual((await server.request('GET', `${path}?page=1&pageSize=5&rentalProductId=${product}&price=0.0001`, { token })).body, [changed.body])
    })

    it('a buy rental override: one inventory item, no level in the body; PATCH by id; 400 without the item', async () => {
      const path = '/v1/buy-rental-rate-overrides'
      const body = { rentalProductInventoryId: rpi, price: -12.5, rentalRatePriceType: 'ONEOFF', startDate: '2025-01-01' }
      const one = await created(path, body)
      assert.deepEqual(one, { id: one.id, ...body })
      assertFieldErrors(await post(path, { ...body, rentalProductInventoryId: 987654 }), ['rentalProductInventoryId:invalid_reference'])
      assertError(await post(path, { ...body, endDate: '2025-02-01' }), 409, 'overlapping_period')
      const changed = await patch(`${path}/${one.id}`, [{ op: 'add', path: '/endDate', value: '2025-01-31' }])
      assert.deepEqual([changed.status, changed.body.endDate, changed.headers.get('etag')], [200, '2025-01-31', '"2"'])
      assertFieldErrors(await post(path, { price: 1, rentalRatePriceType: 'ONEOFF', startDate: '2025-01-01', assignmentLevel: 'INVENTORY' }), ['rentalProductInventoryId:required', 'assignmentLevel:unknown_field'])
      assert.equal((await server.request('HEAD', `${path}?rentalProductInventoryId=${rpi}`, { token })).status, 200)
    })

    it('a usage override: every required charge named at once; exact charges; one per usage product and charge group at a time', async () => {
      const path = '/v1/usage-rate-overrides'
      const usage = await usageProduct(server, token, 'Calls')
      const group = await chargeGroup(server, token)
      const body = {
        assignmentLevel: 'SITE',
        siteId: site,
        usageProductId: usage,
        chargeGroupId: group,
        variableChargeUnitSize: 60,
        quantityRoundingIncrement: 1,
        startDate: '2025-01-01',
        peakValue: 0.012345,
        peakMinimumCharge: 0,
        offPeakMinimumCharge: 0,
        weekendMinimumCharge: 0,
        peakInitialCharge: 0.5,
        offPeakInitialCharge: 0,
        weekendInitialCharge: 0,
        peakInitialChargePeriod: 0,
        offPeakInitialChargePeriod: 0,
        weekendInitialChargePeriod: 0,
      }
      const one = await created(path, body)
      assert.deepEqual(one, { id: one.id, ...body, customerId: customer, appliesToISDNOnly: false, applyThisToChildren: true })
      assertError(await post(path, { ...body, startDate: '2030-01-01' }), 409, 'overlapping_period')
      const missing = await post(path, { assignmentLevel: 'CUSTOMER', customerId: customer, usageProductId: usage, startDate: '2025-01-01' })
      assertFieldErrors(missing, [
        'chargeGroupId:required',
        'variableChargeUnitSize:required',
        'quantityRoundingIncrement:required',
        'peakMinimumCharge:required',
        'offPeakMinimumCharge:required',
        'weekendMinimumCharge:required',
        'peakInitialCharge:required',
        'offPeakInitialCharge:required',
        'weekendInitialCharge:required',
        'peakInitialChargePeriod:required',
        'offPeakInitialChargePeriod:required',
        'weekendInitialChargePeriod:required',
      ])
      assertFieldErrors(await post(path, { ...body, usageProductId: 987654, chargeGroupId: 987654, supplierId: 987654 }), [
        'usageProductId:invalid_reference',
        'chargeGroupId:invalid_reference',
        'supplierId:invalid_reference',
      ])
      const changed = await patch(`${path}/SITE/${one.id}`, [{ op: 'replace', path: '/peakValue', value: 0.000001 }])
      assert.deepEqual([changed.status, changed.body.peakValue], [200, 0.000001])
    })
  })

  describe('the price that applies, from candidates loaded for many items at once', () => {
    it('override > item card > site card > customer card, for several items in one load', async () => {
      const setup = await createAdminSetup(server.request.bind(server), token)
      const made = await created('/v1/customers', customerBody(setup, { sites: [siteBody(), siteBody(), siteBody()] }))
      const [first, second, third] = made.sites.map((s: { id: number }) => s.id)
      const priced = await rentalProductCategory(server, token)
      const rates = (price: number) => [{ rentalProductId: product, price, rentalRatePriceType: 'ONEOFF', startDate: '2025-01-01' }]
      const priceCard = async (price: number) => (await created('/v2/rental-rate-cards', { contractOwnerIds: [setup.contractOwnerId], name: `Priced ${process.pid}-${++sequence}`, rentalProductCategoryId: priced, rentalRateCardType: 'SELL', availableFrom: '2024-01-01', rentalRates: rates(price) })).id
      const [customerCard, siteCard, itemCard] = [await priceCard(30), await priceCard(20), await priceCard(10)]
      const assign = (json: Record<string, unknown>) => created(CARD_ASSIGNMENTS, { startDate: '2025-01-01', ...json })
      const [item3, item4] = [await inventoryItem(third), await inventoryItem(third)]
      await assign({ assignmentLevel: 'CUSTOMER', customerId: made.id, rentalRateCardId: customerCard })
      await assign({ assignmentLevel: 'SITE', siteId: second, rentalRateCardId: siteCard })
      await assign({ assignmentLevel: 'INVENTORY', rentalProductInventoryId: item3, rentalRateCardId: itemCard })
      await created('/v1/rental-rate-overrides', { assignmentLevel: 'INVENTORY', rentalProductInventoryId: item4, rentalProductId: product, price: 1.2345, rentalRatePriceType: 'ONEOFF', startDate: '2025-06-01' })
      const items = [
        { inventoryId: 901, siteId: first, customerId: made.id, productId: product },
        { inventoryId: 902, siteId: second, customerId: made.id, productId: product },
        { inventoryId: item3, siteId: third, customerId: made.id, productId: product },
        { inventoryId: item4, siteId: third, customerId: made.id, productId: product },
        { inventoryId: 905, siteId: site, customerId: customer, productId: 987654 },
      ]
      const candidates = await server.db.readTenant(await brandId(server), (reader) => loadRentalPriceCandidates(reader, items, { from: '2025-05-01', to: '2025-06-30' }))
      assert.equal(candidates.rates.length, 3, 'the rates of the assigned cards for the products asked')
      const price = (index: number, date: string) => {
        const applied = applicablePrice({ ...items[index]!, date, priceType: 'ONEOFF' }, candidates)
        return applied === undefined ? undefined : `${applied.source} ${applied.level} ${applied.price.toString()}`
      }
      assert.deepEqual(
        [price(0, '2025-05-15'), price(1, '2025-05-15'), price(2, '2025-05-15'), price(3, '2025-05-15'), price(3, '2025-06-01'), price(4, '2025-05-15')],
        ['RATE_CARD CUSTOMER 30', 'RATE_CARD SITE 20', 'RATE_CARD INVENTORY 10', 'RATE_CARD CUSTOMER 30', 'OVERRIDE INVENTORY 1.2345', undefined],
      )
    })
  })

  it('docs/modules/pricing-assignment.md: its examples run as written', async () => {
    const stdout = await runDocExamples(server.url, ['pricing-assignment.md'])
    assert.match(stdout, /HTTP\/1.1 201 Created/)
    assert.match(stdout, /^19\.9999$/m, 'the override price, digit for digit')
    assert.match(stdout, /"code":"overlapping_period"/)
    assert.match(stdout, /^\[\{"assignmentLevel":"SITE","rentalRateCardId":\d+\}\]$/m)
    assert.match(stdout, /^200\n2026-06-30\n415\n204$/m)
    assert.match(stdout, /"rentalProductInventoryId":\d+,"price":7\.5/)
  })
})
