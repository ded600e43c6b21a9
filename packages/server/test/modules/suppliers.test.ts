import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { runDocExamples } from '../helpers/docs.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { JSON_PATCH, MERGE_PATCH } from '../helpers/requests.ts'

const PATH = '/v1/suppliers'
let sequence = 0
const supplierName = () => `Supplier ${process.pid}-${++sequence}`

describe('/v1/suppliers', () => {
  let server: TestServer
  let token: string
  const create = async (body: Record<string, unknown> = { name: supplierName() }) => {
    const response = await server.request('POST', PATH, { token, json: body })
    assert.equal(response.status, 201, response.text)
    return response.body
  }
  const addAccount = async (supplierId: number, body: Record<string, unknown>) => {
    const response = await server.request('POST', `${PATH}/${supplierId}/supplier-accounts`, { token, json: body })
    assert.equal(response.status, 201, response.text)
    return response.body
  }
  before(async () => {
    server = await startTestServer()
    token = await server.login()
  })
  after(() => server.close())

  it('creates one: 201 with Location and ETag, no accounts yet; get answers the same', async () => {
    const response = await server.request('POST', PATH, { token, json: { name: 'Openreach Wholesale' } })
    assert.equal(response.status, 201, response.text)
    const { id, createdDate, updatedDate, ...rest } = response.body
    assert.equal(response.headers.get('location'), `${PATH}/${id}`)
    assert.equal(response.headers.get('etag'), '"1"')
    assert.ok(Date.parse(createdDate) > 0 && createdDate === updatedDate)
    assert.deepEqual(rest, { name: 'Openreach Wholesale', supplierAccounts: [] })
    const fetched = await server.request('GET', `${PATH}/${id}`, { token })
    assert.equal(fetched.status, 200)
    assert.equal(fetched.headers.get('etag'), '"1"')
    assert.deepEqual(fetched.body, response.body)
  })

  it('answers its accounts inside it, ordered by id, without the supplier id', async () => {
    const supplier = await create()
    const first = await addAccount(supplier.id, { accountNumber: 'A-1', description: 'Calls' })
    const second = await addAccount(supplier.id, { accountNumber: 'A-2' })
    const fetched = await server.request('GET', `${PATH}/${supplier.id}`, { token })
    assert.deepEqual(fetched.body.supplierAccounts, [
      { id: first.id, accountNumber: 'A-1', description: 'Calls' },
      { id: second.id, accountNumber: 'A-2' },
    ])
    const listed = await server.request('GET', `${PATH}?page=1&pageSize=10&name=${encodeURIComponent(supplier.name)}`, { token })
    assert.deepEqual(listed.body[0].supplierAccounts, fetched.body.supplierAccounts)
  })

  it('reports every invalid field of a create at once; the accounts are not written here', async () => {
    const response = await server.request('POST', PATH, { token, json: { name: '', supplierAccounts: [], vatNumber: 'x' } })
    assertError(response, 400, 'validation_failed', PATH)
    assertFieldErrors(response, ['name:too_short', 'supplierAccounts:unknown_field', 'vatNumber:unknown_field'])
    assertFieldErrors(await server.request('POST', PATH, { token, json: { name: 'x'.repeat(101) } }), ['name:too_long'])
    assertFieldErrors(await server.request('POST', PATH, { token, json: {} }), ['name:required'])
  })

  it('answers a name already taken with 409, and a body that is not JSON with 415', async () => {
    const { name } = await create()
    const duplicate = await server.request('POST', PATH, { token, json: { name } })
    assertError(duplicate, 409, 'already_exists')
    assertFieldErrors(duplicate, ['name:already_exists'])
    assertError(await server.request('POST', PATH, { token, body: 'name=x', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type')
  })

  it('lists by the published filters: name, and the accounts’ number and id', async () => {
    const stem = `Listed ${process.pid}`
    const [b, a, c] = [await create({ name: `${stem} B` }), await create({ name: `${stem} A` }), await create({ name: `${stem} C` })]
    const accountOfA = await addAccount(a.id, { accountNumber: `N-${process.pid}-1` })
    await addAccount(c.id, { accountNumber: `N-${process.pid}-2` })
    await addAccount(b.id, { accountNumber: `N-${process.pid}-1` })
    const names = async (query: string) => {
      const response = await server.request('GET', `${PATH}?page=1&pageSize=10&sort=name&${query}`, { token })
      assert.equal(response.status, 200, response.text)
      return response.body.map((s: { name: string }) => s.name)
    }
    assert.deepEqual(await names(`name=${encodeURIComponent(`like:${stem}`)}`), [`${stem} A`, `${stem} B`, `${stem} C`])
    assert.deepEqual(await names(`accountNumber=N-${process.pid}-1`), [`${stem} A`, `${stem} B`])
    assert.deepEqual(await names(`accountNumber=${encodeURIComponent(`like:n-${process.pid}-`)}`), [`${stem} A`, `${stem} B`, `${stem} C`])
    assert.deepEqual(await names(`supplierAccountId=${accountOfA.id}`), [`${stem} A`])
    assert.deepEqual(await names(`supplierAccountId=${accountOfA.id}&accountNumber=N-${process.pid}-2`), [], 'one account must match both')
    assert.deepEqual(await names(`name=${encodeURIComponent(`${stem} C`)}&accountNumber=${encodeURIComponent(`in:N-${process.pid}-1,N-${process.pid}-2`)}`), [`${stem} C`])
    const page = await server.request('GET', `${PATH}?page=1&pageSize=2&name=${encodeURIComponent(`like:${stem}`)}&sort=name:desc&fields=name`, { token })
    assert.deepEqual(page.body, [{ name: `${stem} C` }, { name: `${stem} B` }])
    assert.match(page.headers.get('link') ?? '', /rel="next"/)
  })

  it('checks existence with the same filters (HEAD: 200 or 404, no body)', async () => {
    const supplier = await create()
    const account = await addAccount(supplier.id, { accountNumber: `H-${process.pid}` })
    assert.equal((await server.request('HEAD', `${PATH}?name=${encodeURIComponent(supplier.name)}`, { token })).status, 200)
    assert.equal((await server.request('HEAD', `${PATH}?supplierAccountId=${account.id}`, { token })).status, 200)
    const none = await server.request('HEAD', `${PATH}?accountNumber=nothing-${process.pid}`, { token })
    assert.equal(none.status, 404)
    assert.equal(none.text, '')
  })

  it('refuses what the published list does not offer: 400 invalid_query', async () => {
    assertError(await server.request('GET', `${PATH}?page=1&pageSize=10&supplierAccountId=abc`, { token }), 400, 'invalid_query')
    assertError(await server.request('GET', `${PATH}?page=1&pageSize=10&sort=accountNumber`, { token }), 400, 'invalid_query')
    assertError(await server.request('GET', `${PATH}?page=1&pageSize=10&description=x`, { token }), 400, 'invalid_query')
    assertError(await server.request('GET', `${PATH}?page=1`, { token }), 400, 'invalid_query')
  })

  it('answers 404 for an unknown id and 400 for an id that is not one', async () => {
    assertError(await server.request('GET', `${PATH}/987654`, { token }), 404, 'not_found')
    assertError(await server.request('GET', `${PATH}/abc`, { token }), 400, 'invalid_path_parameter')
  })

  describe('PATCH', () => {
    let id: number
    before(async () => {
      id = (await create()).id
    })

    it('renames with a merge patch or a JSON Patch under If-Match; the accounts stay', async () => {
      await addAccount(id, { accountNumber: 'P-1' })
      const merged = await server.request('PATCH', `${PATH}/${id}`, { token, headers: { ...MERGE_PATCH, 'if-match': '"1"' }, body: JSON.stringify({ name: `Renamed ${process.pid}` }) })
      assert.equal(merged.status, 200, merged.text)
      assert.equal(merged.headers.get('etag'), '"2"')
      assert.deepEqual(merged.body.supplierAccounts.map((a: { accountNumber: string }) => a.accountNumber), ['P-1'])
      const patched = await server.request('PATCH', `${PATH}/${id}`, { token, headers: { ...JSON_PATCH, 'if-match': '"2"' }, body: JSON.stringify([{ op: 'replace', path: '/name', value: `Again ${process.pid}` }]) })
      assert.equal(patched.status, 200, patched.text)
      assert.equal(patched.body.name, `Again ${process.pid}`)
    })

    it('answers a stale If-Match with 412, a taken name with 409, a change to the accounts with 400', async () => {
      assertError(await server.request('PATCH', `${PATH}/${id}`, { token, headers: { ...MERGE_PATCH, 'if-match': '"1"' }, body: '{"name":"Stale"}' }), 412, 'precondition_failed')
      const taken = (await create()).name
      const conflict = await server.request('PATCH', `${PATH}/${id}`, { token, headers: MERGE_PATCH, body: JSON.stringify({ name: taken }) })
      assertError(conflict, 409, 'already_exists')
      assertFieldErrors(conflict, ['name:already_exists'])
      const accounts = await server.request('PATCH', `${PATH}/${id}`, { token, headers: MERGE_PATCH, body: '{"supplierAccounts":[],"name":""}' })
      assertError(accounts, 400, 'validation_failed')
      assertFieldErrors(accounts, ['supplierAccounts:read_only'])
      assertError(await server.request('PATCH', `${PATH}/${id}`, { token, headers: MERGE_PATCH, body: '{"name":""}' }), 400, 'validation_failed')
    })

    it('answers 404 for an unknown id', async () => {
      assertError(await server.request('PATCH', `${PATH}/987654`, { token, headers: MERGE_PATCH, body: '{}' }), 404, 'not_found')
    })
  })

  it('offers no DELETE: 405 with Allow', async () => {
    const { id } = await create()
    const response = await server.request('DELETE', `${PATH}/${id}`, { token })
    assertError(response, 405, 'method_not_allowed')
    assert.deepEqual(response.headers.get('allow')?.split(', ').sort(), ['GET', 'HEAD', 'OPTIONS', 'PATCH'])
  })

  it('needs a token (401) and admin:write to write (403); restricted users read but do not write; brands never meet', async () => {
    const { id } = await create()
    assertError(await server.request('GET', `${PATH}?page=1&pageSize=1`), 401, 'authentication_required')
    const reader = await loginAs(server, ['Read Only'])
    assert.equal((await server.request('GET', `${PATH}/${id}`, { token: reader })).status, 200)
    assertError(await server.request('POST', PATH, { token: reader, json: { name: supplierName() } }), 403, 'insufficient_permission')
    const owner = (await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody() })).body.id
    const restricted = await loginAs(server, ['Administrator'], owner)
    assert.equal((await server.request('GET', `${PATH}/${id}`, { token: restricted })).status, 200)
    const refused = await server.request('PATCH', `${PATH}/${id}`, { token: restricted, headers: MERGE_PATCH, body: '{"name":"Mine"}' })
    assertError(refused, 403, 'insufficient_permission')
    assert.match(refused.body.message, /Suppliers belong to the whole brand/)
    const other = await otherBrandAdmin(server)
    assertError(await server.request('GET', `${PATH}/${id}`, { token: other }), 404, 'not_found')
    assert.deepEqual((await server.request('GET', `${PATH}?page=1&pageSize=100`, { token: other })).body, [])
  })

  it('runs the docs example as written', async () => {
    const stdout = await runDocExamples(server.url, ['suppliers.md'])
    assert.match(stdout, /"description":"Line rental and calls"/)
    assert.match(stdout, /"name":"Openreach","supplierAccounts":\[\{"id":\d+,"accountNumber":"OR-100234","description":"Line rental and calls"\}\]/)
    assert.match(stdout, /\n?200$/m)
  })
})
