import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { createAdminSetup, customerBody, siteBody, type AdminSetup } from '../helpers/fixtures.ts'
import { ADMIN, startTestServer, type TestServer } from '../helpers/server.ts'

const MERGE = { 'content-type': 'application/merge-patch+json' }
const JSON_PATCH = { 'content-type': 'application/json-patch+json' }

// Inputs that once reached PostgreSQL or a recursion and came back as 500s: each is a clear 400.
describe('hostile input', () => {
  let server: TestServer
  let token: string
  let setup: AdminSetup
  let customer: { id: number; sites: Array<{ id: number }> }
  const get = (path: string) => server.request('GET', path, { token })

  before(async () => {
    server = await startTestServer()
    token = await server.login()
    setup = await createAdminSetup((m, p, o) => server.request(m, p, o), token)
    customer = (await server.request('POST', '/v1/customers', { token, json: customerBody(setup) })).body
  })
  after(() => server.close())

  it('refuses NUL, control characters and unpaired surrogates in bodies', async () => {
    const bodies = [
      ['/v1/authenticate', `{"brand":"${ADMIN.brand}","username":"ad\\u0000min","password":"x"}`, undefined],
      ['/v1/customers', JSON.stringify(customerBody(setup, { customerName: 'Ac\u0007me' })), token],
      ['/v1/customers', JSON.stringify(customerBody(setup, { sites: [siteBody({ siteAddress: { address1: 'a\ud800b', town: 'x', postcode: 'y', country: 'GB' } })] })), token],
    ] as const
    for (const [path, body, auth] of bodies) {
      const response = await server.request('POST', path, { body, token: auth, headers: { 'content-type': 'application/json' } })
      assertError(response, 400, 'malformed_json')
    }
  })

  it('refuses absurdly nested bodies before any recursion', async () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`
    assertError(await server.request('PATCH', `/v1/customers/${customer.id}`, { token, headers: MERGE, body: deep }), 400, 'malformed_json')
    const deepArray = `[{"op":"add","path":"/zz","value":${'['.repeat(5000)}${']'.repeat(5000)}}]`
    assertError(await server.request('PATCH', `/v1/customers/${customer.id}`, { token, headers: JSON_PATCH, body: deepArray }), 400, 'malformed_json')
  })

  it('refuses NUL and empty members in filters', async () => {
    for (const query of ['customerName=a%00b', 'customerName=like:%00', 'customerType=in:BUSINESS,', 'fields=', 'fields=,']) {
      assertError(await get(`/v1/customers?page=1&pageSize=5&${query}`), 400, 'invalid_query')
    }
    assert.equal((await server.request('HEAD', '/v1/sites?siteName=%00', { token })).status, 400)
  })

  it('refuses dates PostgreSQL cannot hold or that do not exist', async () => {
    assertFieldErrors(await server.request('POST', '/v1/customers', { token, json: customerBody(setup, { startDate: '0000-01-01' }) }), ['startDate:invalid_format'])
    for (const query of ['startDate=0000-01-01', 'createdDate=2024-02-30T00:00:00Z', 'createdDate=gt:2024-01-01T24:00:00Z']) {
      assertError(await get(`/v1/customers?page=1&pageSize=5&${query}`), 400, 'invalid_query')
    }
    const owner = await server.request('PATCH', `/v1/contract-owners/${setup.contractOwnerId}`, { token, headers: MERGE, body: '{"availableFrom":"0000-06-01"}' })
    assertFieldErrors(owner, ['availableFrom:invalid_format'])
  })

  it('refuses ids beyond int64 and numbers not written as whole numbers', async () => {
    const huge = await server.request('POST', '/v1/customers', { token, json: customerBody(setup, { contractOwnerSubBrandId: 1e20 }) })
    assertFieldErrors(huge, ['contractOwnerSubBrandId:out_of_range'])
    for (const id of ['1.0', '01', '%2B1', '1e0', '%201']) {
      assertError(await get(`/v1/customers/${id}`), 400, 'invalid_path_parameter')
    }
    assertError(await get('/v1/customers?page=1.0&pageSize=5'), 400, 'invalid_query')
  })

  it('answers JSON Patch paths into prototypes with 400 invalid_patch', async () => {
    for (const patch of [[{ op: 'add', path: '/__proto__/x', value: 1 }], [{ op: 'copy', from: '/__proto__', path: '/customerName' }]]) {
      assertError(await server.request('PATCH', `/v1/customers/${customer.id}`, { token, headers: JSON_PATCH, body: JSON.stringify(patch) }), 400, 'invalid_patch')
    }
  })

  it('keeps the account number and sub-brand of an existing customer unless replaced', async () => {
    const response = await server.request('PATCH', `/v1/customers/${customer.id}`, { token, headers: MERGE, body: '{"customerAccountNumber":null,"contractOwnerSubBrandId":null}' })
    assertFieldErrors(response, ['customerAccountNumber:required', 'contractOwnerSubBrandId:required'])
  })

  it('routes invoices only to a site with its own invoice details (no chains or cycles)', async () => {
    const payer = (await server.request('POST', '/v1/sites', { token, json: { customerId: customer.id, ...siteBody({ siteInvoiceDetails: { invoiceTemplateId: 1, paymentTermsInDays: 14 } }) } })).body
    const routed = await server.request('POST', '/v1/sites', { token, json: { customerId: customer.id, ...siteBody(), siteIdReceivingInvoice: payer.id } })
    assert.equal(routed.status, 201, routed.text)
    const chained = await server.request('POST', '/v1/sites', { token, json: { customerId: customer.id, ...siteBody(), siteIdReceivingInvoice: routed.body.id } })
    assertFieldErrors(chained, ['siteIdReceivingInvoice:invalid_reference'])
  })

  it('refuses money with more than two decimals instead of rounding it', async () => {
    const response = await server.request('POST', '/v1/sites', { token, json: { customerId: customer.id, ...siteBody({ repaymentPlanAmount: 1.005 }) } })
    assertFieldErrors(response, ['repaymentPlanAmount:invalid_value'])
    assert.equal((await server.request('POST', '/v1/sites', { token, json: { customerId: customer.id, ...siteBody({ repaymentPlanAmount: 12.29 }) } })).status, 201)
  })
})
