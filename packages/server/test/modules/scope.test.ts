import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createBrand, createUser } from '../helpers/accounts.ts'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { createAdminSetup, customerBody, siteBody, subBrandBody, type AdminSetup } from '../helpers/fixtures.ts'
import { ADMIN, startTestServer, type TestServer } from '../helpers/server.ts'

const MERGE = { 'content-type': 'application/merge-patch+json' }

describe('brands and contract-owner scope', () => {
  let server: TestServer
  let admin: string
  let scoped: string
  let globex: string
  let ownerA: AdminSetup
  let ownerB: AdminSetup
  let ownerG: AdminSetup
  const customers: Record<'a' | 'b' | 'g', { id: number; customerName: string; customerAccountNumber: string; sites: Array<{ id: number }> }> = {} as never
  const create = async (token: string, setup: AdminSetup, extra: Record<string, unknown> = {}) => {
    const response = await server.request('POST', '/v1/customers', { token, json: customerBody(setup, extra) })
    assert.equal(response.status, 201, response.text)
    return response.body
  }
  const ids = (response: { body: Array<{ id: number }> }) => response.body.map((c) => c.id).sort()

  before(async () => {
    server = await startTestServer()
    admin = await server.login()
    const requester = (m: string, p: string, o: { token: string; json: unknown }) => server.request(m, p, o)
    ownerA = await createAdminSetup(requester, admin)
    ownerB = await createAdminSetup(requester, admin)
    const acme = await server.db.system.selectFrom('brands').select('id').where('name', '=', ADMIN.brand).executeTakeFirstOrThrow()
    await createUser(server.db.system, { brandId: acme.id, username: 'scoped', password: 'scoped-password', roles: ['Customer Manager'], contractOwnerId: ownerA.contractOwnerId })
    scoped = await server.login({ brand: ADMIN.brand, username: 'scoped', password: 'scoped-password' })
    const globexId = await createBrand(server.db.system, 'globex')
    await createUser(server.db.system, { brandId: globexId, username: 'admin', password: 'globex-password', roles: ['Administrator'] })
    globex = await server.login({ brand: 'globex', username: 'admin', password: 'globex-password' })
    ownerG = await createAdminSetup(requester, globex)
    customers.a = await create(admin, ownerA, { customerAccountNumber: 'SHARED-1' })
    customers.b = await create(admin, ownerB)
    customers.g = await create(globex, ownerG, { customerAccountNumber: 'SHARED-1' })
  })
  after(() => server.close())

  it('keeps account numbers unique per brand only', () => {
    assert.equal(customers.g.customerAccountNumber, customers.a.customerAccountNumber)
  })

  it('shows a restricted user only its contract owner’s customers, through lists, filters and sort', async () => {
    assert.deepEqual(ids(await server.request('GET', '/v1/customers?page=1&pageSize=100', { token: scoped })), [customers.a.id])
    assert.deepEqual(ids(await server.request('GET', `/v1/customers?page=1&pageSize=100&contractOwnerId=${ownerB.contractOwnerId}`, { token: scoped })), [])
    assert.deepEqual(ids(await server.request('GET', `/v1/customers?page=1&pageSize=100&customerName=${encodeURIComponent(customers.b.customerName)}`, { token: scoped })), [])
    assert.deepEqual(ids(await server.request('GET', '/v1/customers?page=1&pageSize=100&sort=customerName:desc', { token: scoped })), [customers.a.id])
    assert.deepEqual(ids(await server.request('GET', '/v1/sites?page=1&pageSize=100', { token: scoped })), customers.a.sites.map((s) => s.id))
    assert.deepEqual(ids(await server.request('GET', '/v1/contract-owners?page=1&pageSize=100', { token: scoped })), [ownerA.contractOwnerId])
    assert.deepEqual(ids(await server.request('GET', '/v1/contract-owner-sub-brands?page=1&pageSize=100', { token: scoped })), [ownerA.subBrandId])
    assert.deepEqual(ids(await server.request('GET', '/v1/billing-cycles?page=1&pageSize=100', { token: scoped })), [ownerA.billingCycleId])
  })

  it('hides out-of-scope records from HEAD, ids and PATCH (404, existence not revealed)', async () => {
    assert.equal((await server.request('HEAD', `/v1/customers?customerName=${encodeURIComponent(customers.b.customerName)}`, { token: scoped })).status, 404)
    assert.equal((await server.request('HEAD', `/v1/customers?customerName=${encodeURIComponent(customers.a.customerName)}`, { token: scoped })).status, 200)
    assertError(await server.request('GET', `/v1/customers/${customers.b.id}`, { token: scoped }), 404, 'not_found')
    assertError(await server.request('GET', `/v1/sites/${customers.b.sites[0]!.id}`, { token: scoped }), 404, 'not_found')
    assertError(await server.request('PATCH', `/v1/customers/${customers.b.id}`, { token: scoped, headers: MERGE, body: '{"customerName":"x"}' }), 404, 'not_found')
    assertError(await server.request('GET', `/v1/billing-cycles/${ownerB.billingCycleId}`, { token: scoped }), 404, 'not_found')
  })

  it('forbids writes that would land outside the scope (403), and references into it', async () => {
    assertError(await server.request('POST', '/v1/customers', { token: scoped, json: customerBody(ownerB) }), 403, 'insufficient_permission')
    const move = await server.request('PATCH', `/v1/customers/${customers.a.id}`, {
      token: scoped,
      headers: MERGE,
      body: JSON.stringify({ contractOwnerId: ownerB.contractOwnerId, contractOwnerSubBrandId: ownerB.subBrandId, billingCycleId: ownerB.billingCycleId }),
    })
    assertError(move, 403, 'insufficient_permission')
    const site = await server.request('POST', '/v1/sites', { token: scoped, json: { customerId: customers.b.id, ...siteBody() } })
    assertError(site, 400, 'invalid_reference')
    assert.equal((await server.request('POST', '/v1/customers', { token: scoped, json: customerBody(ownerA) })).status, 201)
  })

  it('lets nothing cross a brand: lists, HEAD, ids, PATCH and references', async () => {
    const listed = ids(await server.request('GET', '/v1/customers?page=1&pageSize=100', { token: admin }))
    assert.ok(!listed.includes(customers.g.id))
    assert.deepEqual(ids(await server.request('GET', '/v1/customers?page=1&pageSize=100&customerAccountNumber=SHARED-1', { token: admin })), [customers.a.id])
    assert.deepEqual(ids(await server.request('GET', '/v1/customers?page=1&pageSize=100&customerAccountNumber=SHARED-1', { token: globex })), [customers.g.id])
    assert.equal((await server.request('HEAD', `/v1/customers?customerName=${encodeURIComponent(customers.g.customerName)}`, { token: admin })).status, 404)
    assertError(await server.request('GET', `/v1/customers/${customers.g.id}`, { token: admin }), 404, 'not_found')
    assertError(await server.request('GET', `/v1/contract-owners/${ownerG.contractOwnerId}`, { token: admin }), 404, 'not_found')
    assertError(await server.request('PATCH', `/v1/sites/${customers.g.sites[0]!.id}`, { token: admin, headers: MERGE, body: '{"siteName":"x"}' }), 404, 'not_found')
    const foreign = await server.request('POST', '/v1/customers', { token: admin, json: customerBody(ownerG) })
    assertError(foreign, 400, 'invalid_reference')
    assertFieldErrors(foreign, ['contractOwnerId:invalid_reference', 'billingCycleId:invalid_reference', 'contractOwnerSubBrandId:invalid_reference'])
    assertError(await server.request('POST', '/v1/sites', { token: admin, json: { customerId: customers.g.id, ...siteBody() } }), 400, 'invalid_reference')
    assertError(await server.request('POST', '/v1/contract-owner-sub-brands', { token: admin, json: subBrandBody(ownerG.contractOwnerId) }), 400, 'invalid_reference')
  })
})
