import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { JSON_PATCH, MERGE_PATCH, created } from '../helpers/requests.ts'

let sequence = 0

describe('/v1/suppliers/{supplierId}/supplier-accounts and /v1/supplier-accounts/{supplierAccountId}', () => {
  let server: TestServer
  let token: string
  let supplierId: number
  let accounts: string
  const newSupplier = async () => (await server.request('POST', '/v1/suppliers', { token, json: { name: `Accounts ${process.pid}-${++sequence}` } })).body.id as number
  const create = (body: Record<string, unknown>, under = accounts) => created(server, token, under, body)
  before(async () => {
    server = await startTestServer()
    token = await server.login()
    supplierId = await newSupplier()
    accounts = `/v1/suppliers/${supplierId}/supplier-accounts`
  })
  after(() => server.close())

  it('creates one under its supplier: 201, Location by its own id, the supplier taken from the path', async () => {
    const response = await server.request('POST', accounts, { token, json: { accountNumber: 'C-1', description: 'Calls' } })
    assert.equal(response.status, 201, response.text)
    const { id, createdDate, updatedDate, ...rest } = response.body
    assert.equal(response.headers.get('location'), `/v1/supplier-accounts/${id}`)
    assert.equal(response.headers.get('etag'), '"1"')
    assert.ok(Date.parse(createdDate) > 0 && createdDate === updatedDate)
    assert.deepEqual(rest, { supplierId, accountNumber: 'C-1', description: 'Calls' })
    const fetched = await server.request('GET', `/v1/supplier-accounts/${id}`, { token })
    assert.equal(fetched.status, 200)
    assert.deepEqual(fetched.body, response.body)
    assert.equal((await create({ accountNumber: 'C-2', supplierId })).supplierId, supplierId, 'the body may repeat the path’s supplier')
  })

  it('reports every invalid field at once; another supplier in the body is 400', async () => {
    const response = await server.request('POST', accounts, { token, json: { accountNumber: '', description: 'x'.repeat(256), supplierId: supplierId + 1000, number: 1 } })
    assertError(response, 400, 'validation_failed')
    assertFieldErrors(response, ['accountNumber:too_short', 'description:too_long', 'number:unknown_field'])
    const other = await server.request('POST', accounts, { token, json: { accountNumber: 'C-9', supplierId: supplierId + 1000 } })
    assertError(other, 400, 'validation_failed')
    assertFieldErrors(other, ['supplierId:invalid_value'])
    assertFieldErrors(await server.request('POST', accounts, { token, json: {} }), ['accountNumber:required'])
  })

  it('answers an account number the supplier already has with 409; another supplier may hold it', async () => {
    await create({ accountNumber: 'D-1' })
    const duplicate = await server.request('POST', accounts, { token, json: { accountNumber: 'D-1' } })
    assertError(duplicate, 409, 'already_exists')
    assertFieldErrors(duplicate, ['accountNumber:already_exists'])
    const elsewhere = await newSupplier()
    assert.equal((await create({ accountNumber: 'D-1' }, `/v1/suppliers/${elsewhere}/supplier-accounts`)).supplierId, elsewhere)
  })

  it('answers 404 for a supplier that is not there, on list, HEAD and create', async () => {
    const missing = '/v1/suppliers/987654/supplier-accounts'
    assertError(await server.request('GET', `${missing}?page=1&pageSize=10`, { token }), 404, 'not_found')
    assert.equal((await server.request('HEAD', missing, { token })).status, 404)
    assertError(await server.request('POST', missing, { token, json: { accountNumber: 'X' } }), 404, 'not_found')
    assertError(await server.request('GET', '/v1/supplier-accounts/987654', { token }), 404, 'not_found')
  })

  it('lists one supplier’s accounts by accountNumber, sorted and paged; HEAD checks the same', async () => {
    const own = await newSupplier()
    const path = `/v1/suppliers/${own}/supplier-accounts`
    for (const number of ['L-2', 'L-1', 'L-3', 'M-1']) await create({ accountNumber: number }, path)
    const page = await server.request('GET', `${path}?page=1&pageSize=2&accountNumber=like:L-&sort=accountNumber:desc&fields=accountNumber`, { token })
    assert.equal(page.status, 200, page.text)
    assert.deepEqual(page.body, [{ accountNumber: 'L-3' }, { accountNumber: 'L-2' }])
    assert.match(page.headers.get('link') ?? '', /rel="next"/)
    const all = await server.request('GET', `${path}?page=1&pageSize=10`, { token })
    assert.deepEqual(all.body.map((a: { supplierId: number }) => a.supplierId), [own, own, own, own])
    assert.equal((await server.request('HEAD', `${path}?accountNumber=M-1`, { token })).status, 200)
    assert.equal((await server.request('HEAD', `${path}?accountNumber=C-1`, { token })).status, 404, 'another supplier’s account')
  })

  describe('PATCH', () => {
    let id: number
    before(async () => {
      id = (await create({ accountNumber: `P-${process.pid}` })).id
    })

    it('changes the number and description under If-Match; the supplier answers the change', async () => {
      const merged = await server.request('PATCH', `/v1/supplier-accounts/${id}`, { token, headers: { ...MERGE_PATCH, 'if-match': '"1"' }, body: '{"description":"Data"}' })
      assert.equal(merged.status, 200, merged.text)
      assert.equal(merged.headers.get('etag'), '"2"')
      const removed = await server.request('PATCH', `/v1/supplier-accounts/${id}`, { token, headers: JSON_PATCH, body: JSON.stringify([{ op: 'remove', path: '/description' }, { op: 'replace', path: '/accountNumber', value: `Q-${process.pid}` }]) })
      assert.equal(removed.status, 200, removed.text)
      assert.equal(removed.body.description, undefined)
      const supplier = await server.request('GET', `/v1/suppliers/${supplierId}`, { token })
      assert.ok(supplier.body.supplierAccounts.some((a: { id: number; accountNumber: string }) => a.id === id && a.accountNumber === `Q-${process.pid}`))
    })

    it('answers a stale If-Match with 412, a moved supplier with 400, a taken number with 409', async () => {
      assertError(await server.request('PATCH', `/v1/supplier-accounts/${id}`, { token, headers: { ...MERGE_PATCH, 'if-match': '"1"' }, body: '{"description":"Stale"}' }), 412, 'precondition_failed')
      const moved = await server.request('PATCH', `/v1/supplier-accounts/${id}`, { token, headers: MERGE_PATCH, body: JSON.stringify({ supplierId: await newSupplier() }) })
      assertError(moved, 400, 'validation_failed')
      assertFieldErrors(moved, ['supplierId:read_only'])
      await create({ accountNumber: `T-${process.pid}` })
      const taken = await server.request('PATCH', `/v1/supplier-accounts/${id}`, { token, headers: MERGE_PATCH, body: JSON.stringify({ accountNumber: `T-${process.pid}` }) })
      assertError(taken, 409, 'already_exists')
      assertError(await server.request('PATCH', '/v1/supplier-accounts/987654', { token, headers: MERGE_PATCH, body: '{}' }), 404, 'not_found')
    })
  })

  it('offers no DELETE: 405 with Allow', async () => {
    const { id } = await create({ accountNumber: `Z-${process.pid}` })
    const response = await server.request('DELETE', `/v1/supplier-accounts/${id}`, { token })
    assertError(response, 405, 'method_not_allowed')
    assert.deepEqual(response.headers.get('allow')?.split(', ').sort(), ['GET', 'HEAD', 'OPTIONS', 'PATCH'])
  })

  it('reads for every role and brand-wide users; writes for administrators of the whole brand only', async () => {
    const { id } = await create({ accountNumber: `R-${process.pid}` })
    assertError(await server.request('GET', `/v1/supplier-accounts/${id}`), 401, 'authentication_required')
    const reader = await loginAs(server, ['Read Only'])
    assert.equal((await server.request('GET', `${accounts}?page=1&pageSize=1`, { token: reader })).status, 200)
    assertError(await server.request('POST', accounts, { token: reader, json: { accountNumber: 'R-2' } }), 403, 'insufficient_permission')
    const owner = (await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody() })).body.id
    const restricted = await loginAs(server, ['Administrator'], owner)
    assert.equal((await server.request('GET', `/v1/supplier-accounts/${id}`, { token: restricted })).status, 200)
    assertError(await server.request('POST', accounts, { token: restricted, json: { accountNumber: 'R-3' } }), 403, 'insufficient_permission')
    const other = await otherBrandAdmin(server)
    assertError(await server.request('GET', `/v1/supplier-accounts/${id}`, { token: other }), 404, 'not_found')
    assertError(await server.request('POST', accounts, { token: other, json: { accountNumber: 'R-4' } }), 404, 'not_found')
  })
})
