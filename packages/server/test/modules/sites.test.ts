import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { contact, createAdminSetup, customerBody, siteBody, type AdminSetup } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

const MERGE = { 'content-type': 'application/merge-patch+json' }

describe('/v1/sites', () => {
  let server: TestServer
  let token: string
  let setup: AdminSetup
  let customerId: number
  let firstSiteId: number
  before(async () => {
    server = await startTestServer()
    token = await server.login()
    setup = await createAdminSetup((m, p, o) => server.request(m, p, o), token)
    const payer = siteBody({ siteInvoiceDetails: { invoiceTemplateId: 1, paymentTermsInDays: 30 } })
    const customer = (await server.request('POST', '/v1/customers', { token, json: customerBody(setup, { sites: [payer] }) })).body
    customerId = customer.id
    firstSiteId = customer.sites[0].id
  })
  after(() => server.close())

  it('creates a site for an existing customer: 201, Location, ETag', async () => {
    const body = {
      customerId,
      ...siteBody({ contacts: [contact({ jobTitle: 'CFO', mobileNumber: '07700 900000' })], repaymentPlanAmount: 12.5, repaymentPlanRemainingPeriods: 12 }),
      siteIdReceivingInvoice: firstSiteId,
    }
    const response = await server.request('POST', '/v1/sites', { token, json: body })
    assert.equal(response.status, 201, response.text)
    assert.equal(response.headers.get('location'), `/v1/sites/${response.body.id}`)
    assert.equal(response.headers.get('etag'), '"1"')
    const { id: _id, createdDate: _c, updatedDate: _u, ...rest } = response.body
    assert.deepEqual(rest, body)
    assert.deepEqual((await server.request('GET', `/v1/sites/${response.body.id}`, { token })).body, response.body)
  })

  it('validates contacts, address and invoice details, all at once', async () => {
    const response = await server.request('POST', '/v1/sites', {
      token,
      json: {
        customerId,
        ...siteBody({ siteName: 'Bad🙂Name', contacts: [{ firstName: 'A', email: 'not-an-email' }], siteInvoiceDetails: { preferredPaymentDay: 31 }, repaymentPlanRemainingPeriods: 241 }),
      },
    })
    assertError(response, 400, 'validation_failed')
    assertFieldErrors(response, [
      'siteName:invalid_format',
      'contacts[0].lastName:required',
      'contacts[0].email:invalid_format',
      'siteInvoiceDetails.invoiceTemplateId:required',
      'siteInvoiceDetails.preferredPaymentDay:out_of_range',
      'repaymentPlanRemainingPeriods:out_of_range',
    ])
  })

  it('answers a customer or receiving site that does not exist with 400', async () => {
    const response = await server.request('POST', '/v1/sites', { token, json: { customerId: 987654, ...siteBody() } })
    assertError(response, 400, 'invalid_reference')
    assertFieldErrors(response, ['customerId:invalid_reference'])
    const other = (await server.request('POST', '/v1/customers', { token, json: customerBody(setup) })).body
    const foreignSite = await server.request('POST', '/v1/sites', { token, json: { customerId, ...siteBody(), siteIdReceivingInvoice: other.sites[0].id } })
    assertError(foreignSite, 400, 'invalid_reference')
    assertFieldErrors(foreignSite, ['siteIdReceivingInvoice:invalid_reference'])
  })

  it('keeps site references unique per customer (409), not across customers', async () => {
    const body = siteBody()
    assert.equal((await server.request('POST', '/v1/sites', { token, json: { customerId, ...body } })).status, 201)
    const duplicate = await server.request('POST', '/v1/sites', { token, json: { customerId, ...siteBody(), siteReference: body.siteReference } })
    assertError(duplicate, 409, 'already_exists')
    assertFieldErrors(duplicate, ['siteReference:already_exists'])
    const other = (await server.request('POST', '/v1/customers', { token, json: customerBody(setup) })).body
    const elsewhere = await server.request('POST', '/v1/sites', { token, json: { customerId: other.id, ...siteBody(), siteReference: body.siteReference } })
    assert.equal(elsewhere.status, 201)
  })

  it('lists with filters and answers HEAD exists-checks', async () => {
    const mine = await server.request('GET', `/v1/sites?page=1&pageSize=100&customerId=${customerId}&sort=id`, { token })
    assert.ok(mine.body.length >= 3)
    assert.ok(mine.body.every((s: { customerId: number }) => s.customerId === customerId))
    const reference = mine.body[0].siteReference
    const byReference = await server.request('GET', `/v1/sites?page=1&pageSize=10&siteReference=${encodeURIComponent(reference)}&fields=id,siteReference`, { token })
    assert.deepEqual(byReference.body, [{ id: mine.body[0].id, siteReference: reference }])
    assert.equal((await server.request('HEAD', `/v1/sites?siteReference=${encodeURIComponent(reference)}`, { token })).status, 200)
    assert.equal((await server.request('HEAD', '/v1/sites?siteName=like:no-such-site', { token })).status, 404)
  })

  it('updates with PATCH: customerId is read-only, ETag moves, 412 when stale', async () => {
    const before = await server.request('GET', `/v1/sites/${firstSiteId}`, { token })
    const updated = await server.request('PATCH', `/v1/sites/${firstSiteId}`, {
      token,
      headers: { ...MERGE, 'if-match': before.headers.get('etag')! },
      body: JSON.stringify({ siteName: 'Renamed site', siteAddress: { postcode: 'LS2 2BB' }, endDate: '2030-12-31' }),
    })
    assert.equal(updated.status, 200, updated.text)
    assert.equal(updated.body.siteAddress.postcode, 'LS2 2BB')
    assert.equal(updated.body.siteAddress.town, 'Leeds')
    const stale = await server.request('PATCH', `/v1/sites/${firstSiteId}`, { token, headers: { ...MERGE, 'if-match': before.headers.get('etag')! }, body: '{"siteName":"x"}' })
    assertError(stale, 412, 'precondition_failed')
    const move = await server.request('PATCH', `/v1/sites/${firstSiteId}`, { token, headers: MERGE, body: JSON.stringify({ customerId: customerId + 1 }) })
    assertFieldErrors(move, ['customerId:read_only'])
    const early = await server.request('PATCH', `/v1/sites/${firstSiteId}`, { token, headers: MERGE, body: '{"endDate":"2000-01-01"}' })
    assertFieldErrors(early, ['endDate:invalid_value'])
    const self = await server.request('PATCH', `/v1/sites/${firstSiteId}`, { token, headers: MERGE, body: JSON.stringify({ siteInvoiceDetails: null, siteIdReceivingInvoice: firstSiteId }) })
    assertError(self, 400, 'invalid_reference')
  })

  it('has no DELETE: 405 with Allow', async () => {
    const response = await server.request('DELETE', `/v1/sites/${firstSiteId}`, { token })
    assertError(response, 405, 'method_not_allowed')
    assert.equal(response.headers.get('allow'), 'GET, HEAD, OPTIONS, PATCH')
  })
})
