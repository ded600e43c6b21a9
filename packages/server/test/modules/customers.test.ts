import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { createAdminSetup, customerBody, siteBody, type AdminSetup } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

describe('/v1/customers', () => {
  let server: TestServer
  let token: string
  let setup: AdminSetup
  before(async () => {
    server = await startTestServer()
    token = await server.login()
    setup = await createAdminSetup((m, p, o) => server.request(m, p, o), token, { accountNumberFormat: 'AC000' })
  })
  after(() => server.close())

  it('creates a customer with its sites in one call: 201, Location, generated account number', async () => {
    const body = customerBody(setup, { sites: [siteBody(), siteBody({ siteInvoiceDetails: { invoiceTemplateId: 3, paymentTermsInDays: 30 } })] })
    const response = await server.request('POST', '/v1/customers', { token, json: body })
    assert.equal(response.status, 201, response.text)
    const created = response.body
    assert.equal(response.headers.get('location'), `/v1/customers/${created.id}`)
    assert.equal(response.headers.get('etag'), '"1"')
    assert.match(created.customerAccountNumber, /^AC\d{3}$/)
    assert.equal(created.contractOwnerSubBrandId, setup.subBrandId)
    assert.equal(created.sites.length, 2)
    for (const site of created.sites) {
      assert.equal(site.customerId, created.id)
      assert.ok(site.id > 0)
    }
    assert.deepEqual(created.sites[1].siteInvoiceDetails, { invoiceTemplateId: 3, paymentTermsInDays: 30 })
    const { sites: _sites, ...customer } = created
    assert.deepEqual((await server.request('GET', `/v1/customers/${created.id}`, { token })).body, customer)
  })

  it('numbers accounts in sequence from the sub-brand format', async () => {
    const numbers = []
    for (let i = 0; i < 3; i++) {
      numbers.push((await server.request('POST', '/v1/customers', { token, json: customerBody(setup) })).body.customerAccountNumber)
    }
    const digits = numbers.map((n: string) => Number(n.slice(2)))
    assert.deepEqual(digits, [digits[0], digits[0]! + 1, digits[0]! + 2])
  })

  it('defaults the sub-brand to the contract owner’s first', async () => {
    const { contractOwnerSubBrandId: _omit, ...body } = customerBody(setup)
    const response = await server.request('POST', '/v1/customers', { token, json: body })
    assert.equal(response.status, 201, response.text)
    assert.equal(response.body.contractOwnerSubBrandId, setup.subBrandId)
  })

  it('lists every invalid field of the customer and its sites at once', async () => {
    const response = await server.request('POST', '/v1/customers', {
      token,
      json: { ...customerBody(setup), customerName: '', customerType: 'ALIEN', startDate: '2024-02-30x', sites: [{ ...siteBody(), contacts: [], siteAddress: { town: 'Leeds' } }] },
    })
    assertError(response, 400, 'validation_failed', '/v1/customers')
    assertFieldErrors(response, [
      'customerName:too_short',
      'customerType:invalid_value',
      'startDate:invalid_format',
      'sites[0].contacts:too_few',
      'sites[0].siteAddress.address1:required',
      'sites[0].siteAddress.postcode:required',
      'sites[0].siteAddress.country:required',
    ])
  })

  it('requires at least one site', async () => {
    assertFieldErrors(await server.request('POST', '/v1/customers', { token, json: customerBody(setup, { sites: [] }) }), ['sites:too_few'])
  })

  it('checks rules beyond the schema: date order, invoice details', async () => {
    const response = await server.request('POST', '/v1/customers', {
      token,
      json: customerBody(setup, { sites: [siteBody({ endDate: '2020-01-01', siteInvoiceDetails: { invoiceTemplateId: 1 } })] }),
    })
    assertError(response, 400, 'validation_failed')
    assertFieldErrors(response, ['sites[0].endDate:invalid_value', 'sites[0].siteInvoiceDetails:invalid_value'])
  })

  it('answers references that do not exist in the brand with 400 naming each field', async () => {
    const response = await server.request('POST', '/v1/customers', {
      token,
      json: customerBody(setup, { billingCycleId: 987654, contractOwnerSubBrandId: 987655 }),
    })
    assertError(response, 400, 'invalid_reference')
    assertFieldErrors(response, ['billingCycleId:invalid_reference', 'contractOwnerSubBrandId:invalid_reference'])
    const owner = await server.request('POST', '/v1/customers', { token, json: customerBody(setup, { contractOwnerId: 987656 }) })
    assertError(owner, 400, 'invalid_reference')
    assert.ok(owner.body.errors.some((e: { field: string }) => e.field === 'contractOwnerId'))
  })

  it('refuses a billing cycle of another contract owner', async () => {
    const other = await createAdminSetup((m, p, o) => server.request(m, p, o), token)
    const response = await server.request('POST', '/v1/customers', { token, json: customerBody(setup, { billingCycleId: other.billingCycleId }) })
    assertError(response, 400, 'invalid_reference')
    assertFieldErrors(response, ['billingCycleId:invalid_reference'])
  })

  it('answers a taken account number, or a repeated site reference, with 409', async () => {
    const body = customerBody(setup, { customerAccountNumber: `FIXED-${Date.now()}` })
    assert.equal((await server.request('POST', '/v1/customers', { token, json: body })).status, 201)
    const duplicate = await server.request('POST', '/v1/customers', { token, json: { ...body, sites: [siteBody()] } })
    assertError(duplicate, 409, 'already_exists')
    assertFieldErrors(duplicate, ['customerAccountNumber:already_exists'])
    const site = siteBody()
    const sameReference = await server.request('POST', '/v1/customers', { token, json: customerBody(setup, { sites: [site, { ...siteBody(), siteReference: site.siteReference }] }) })
    assertError(sameReference, 409, 'already_exists')
    assertFieldErrors(sameReference, ['sites[1].siteReference:already_exists'])
  })

  it('creates exactly one of 50 identical concurrent creates; the rest get 409', async () => {
    const accountNumber = `RACE-${Date.now()}`
    const body = customerBody(setup, { customerAccountNumber: accountNumber })
    const responses = await Promise.all(Array.from({ length: 50 }, () => server.request('POST', '/v1/customers', { token, json: body })))
    const statuses = responses.map((r) => r.status).sort()
    assert.deepEqual(statuses, [201, ...Array(49).fill(409)])
    for (const r of responses.filter((r) => r.status === 409)) assertError(r, 409, 'already_exists')
    const listed = await server.request('GET', `/v1/customers?page=1&pageSize=10&customerAccountNumber=${accountNumber}`, { token })
    assert.equal(listed.body.length, 1)
    const sites = await server.request('GET', `/v1/sites?page=1&pageSize=10&customerId=${listed.body[0].id}`, { token })
    assert.equal(sites.body.length, 1, 'the losers left no sites behind')
  })

  it('answers DELETE with 405: customers end with endDate', async () => {
    const response = await server.request('DELETE', '/v1/customers/1', { token })
    assertError(response, 405, 'method_not_allowed')
    assert.equal(response.headers.get('allow'), 'GET, HEAD, OPTIONS, PATCH')
    assert.equal((await server.request('DELETE', '/v1/customers', { token })).headers.get('allow'), 'GET, HEAD, OPTIONS, POST')
  })
})
