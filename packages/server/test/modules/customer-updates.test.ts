import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { createAdminSetup, customerBody, type AdminSetup } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { JSON_PATCH } from '../helpers/requests.ts'

const MERGE = { 'content-type': 'application/merge-patch+json' }

describe('PATCH /v1/customers/{customerId}', () => {
  let server: TestServer
  let token: string
  let setup: AdminSetup
  let customer: { id: number; customerAccountNumber: string; sites: Array<{ id: number }> }
  const patch = (body: unknown, headers: Record<string, string> = MERGE, id = customer.id) =>
    server.request('PATCH', `/v1/customers/${id}`, { token, headers, body: JSON.stringify(body) })

  before(async () => {
    server = await startTestServer()
    token = await server.login()
    setup = await createAdminSetup((m, p, o) => server.request(m, p, o), token)
    customer = (await server.request('POST', '/v1/customers', { token, json: customerBody(setup) })).body
  })
  after(() => server.close())

  it('updates with a merge patch and with a JSON Patch, returning the new ETag', async () => {
    const merged = await patch({ customerName: 'Renamed Ltd', endDate: '2030-01-01' })
    assert.equal(merged.status, 200, merged.text)
    assert.equal(merged.body.customerName, 'Renamed Ltd')
    assert.equal(merged.headers.get('etag'), '"2"')
    const patched = await patch([{ op: 'test', path: '/customerName', value: 'Renamed Ltd' }, { op: 'remove', path: '/endDate' }], { ...JSON_PATCH, 'if-match': '"2"' })
    assert.equal(patched.status, 200, patched.text)
    assert.equal(patched.body.endDate, undefined)
    assert.equal(patched.headers.get('etag'), '"3"')
  })

  it('gives 412 to a stale If-Match, so concurrent editors never lose an update silently', async () => {
    const etag = (await server.request('GET', `/v1/customers/${customer.id}`, { token })).headers.get('etag')!
    assert.equal((await patch({ customerName: 'Editor A' }, { ...MERGE, 'if-match': etag })).status, 200)
    const second = await patch({ customerName: 'Editor B' }, { ...MERGE, 'if-match': etag })
    assertError(second, 412, 'precondition_failed')
    assert.equal((await server.request('GET', `/v1/customers/${customer.id}`, { token })).body.customerName, 'Editor A')
    assertError(await patch({ customerName: 'x' }, { ...MERGE, 'if-match': 'W/"1"' }), 412, 'precondition_failed')
    assert.equal((await patch({ customerName: 'Any' }, { ...MERGE, 'if-match': '*' })).status, 200)
  })

  it('validates the patched customer like a create, all errors at once', async () => {
    const response = await patch({ customerName: '', customerType: 'ALIEN', startDate: null, sites: [] })
    assertError(response, 400, 'validation_failed')
    assertFieldErrors(response, ['customerName:too_short', 'customerType:invalid_value', 'startDate:required', 'sites:unknown_field'])
  })

  it('refuses read-only fields and checks references', async () => {
    assertFieldErrors(await patch({ id: customer.id + 1000, createdDate: null }), ['id:read_only', 'createdDate:read_only'])
    const other = await createAdminSetup((m, p, o) => server.request(m, p, o), token)
    const moved = await patch({ billingCycleId: other.billingCycleId })
    assertError(moved, 400, 'invalid_reference')
    assertFieldErrors(moved, ['billingCycleId:invalid_reference'])
    const wholeMove = await patch({ contractOwnerId: other.contractOwnerId, contractOwnerSubBrandId: other.subBrandId, billingCycleId: other.billingCycleId })
    assert.equal(wholeMove.status, 200, wholeMove.text)
    const sites = await server.request('GET', `/v1/sites?page=1&pageSize=10&customerId=${customer.id}`, { token })
    assert.equal(sites.body.length, 1, 'the sites moved with their customer')
  })

  it('answers a taken account number with 409 and an unknown id with 404', async () => {
    const another = (await server.request('POST', '/v1/customers', { token, json: customerBody(setup) })).body
    const response = await patch({ customerAccountNumber: another.customerAccountNumber })
    assertError(response, 409, 'already_exists')
    assertFieldErrors(response, ['customerAccountNumber:already_exists'])
    assertError(await patch({ customerName: 'x' }, MERGE, 987654), 404, 'not_found')
  })
})
