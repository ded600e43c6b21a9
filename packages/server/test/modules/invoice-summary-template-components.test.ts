import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { JSON_PATCH, MERGE_PATCH, created } from '../helpers/requests.ts'

const PATH = '/v1/invoice-summary-template-components'
let sequence = 0
const component = (overrides: Record<string, unknown> = {}) => ({ name: `Component ${process.pid}-${++sequence}`, ...overrides })

describe('/v1/invoice-summary-template-components', () => {
  let server: TestServer
  let token: string
  let owners: number[]
  const create = (body: Record<string, unknown>) => created(server, token, PATH, body)
  before(async () => {
    server = await startTestServer()
    token = await server.login()
    owners = []
    for (let i = 0; i < 2; i++) owners.push((await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody() })).body.id)
  })
  after(() => server.close())

  it('creates one: 201 with Location and ETag; offered to every contract owner unless some are named', async () => {
    const response = await server.request('POST', PATH, { token, json: component({ name: 'Service Charges A' }) })
    assert.equal(response.status, 201, response.text)
    const { id, createdDate, updatedDate, ...rest } = response.body
    assert.equal(response.headers.get('location'), `${PATH}/${id}`)
    assert.equal(response.headers.get('etag'), '"1"')
    assert.ok(Date.parse(createdDate) > 0 && createdDate === updatedDate)
    assert.deepEqual(rest, { name: 'Service Charges A', contractOwnerIds: [] })
    const fetched = await server.request('GET', `${PATH}/${id}`, { token })
    assert.equal(fetched.status, 200)
    assert.equal(fetched.headers.get('etag'), '"1"')
    assert.deepEqual(fetched.body, response.body)
    const named = await create(component({ contractOwnerIds: [owners[1], owners[0]] }))
    assert.deepEqual(named.contractOwnerIds, [owners[1], owners[0]], 'in the order given')
    assert.deepEqual((await server.request('GET', `${PATH}/${named.id}`, { token })).body.contractOwnerIds, [owners[1], owners[0]])
  })

  it('reports every invalid field of a create at once', async () => {
    const response = await server.request('POST', PATH, { token, json: { name: '', description: 'Fees', contractOwnerIds: [owners[0], owners[0]], layout: 'A4' } })
    assertError(response, 400, 'validation_failed', PATH)
    assertFieldErrors(response, ['name:too_short', 'description:unknown_field', 'contractOwnerIds:duplicate_items', 'layout:unknown_field'])
    assertFieldErrors(await server.request('POST', PATH, { token, json: { contractOwnerIds: [0, 'x'] } }), ['name:required', 'contractOwnerIds[0]:out_of_range', 'contractOwnerIds[1]:invalid_type'])
  })

  it('answers contract owners that are not the brand’s with 400 invalid_reference naming them', async () => {
    const other = await otherBrandAdmin(server)
    const foreign = (await server.request('POST', '/v1/contract-owners', { token: other, json: contractOwnerBody() })).body.id
    const response = await server.request('POST', PATH, { token, json: component({ contractOwnerIds: [owners[0], 987654, foreign] }) })
    assertError(response, 400, 'invalid_reference')
    assertFieldErrors(response, ['contractOwnerIds:invalid_reference'])
    assert.match(response.body.message, new RegExp(`987654, ${foreign}: no such contract owner in the brand$`))
  })

  it('answers a name already taken with 409, and a body that is not JSON with 415', async () => {
    const body = component()
    await create(body)
    const duplicate = await server.request('POST', PATH, { token, json: body })
    assertError(duplicate, 409, 'already_exists')
    assertFieldErrors(duplicate, ['name:already_exists'])
    assertError(await server.request('POST', PATH, { token, body: 'name=x', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type')
  })

  it('lists with the published name filter, sort, fields and paging; HEAD says whether any matches', async () => {
    const stem = `Listed ${process.pid}`
    for (const suffix of ['B', 'A', 'C']) await create(component({ name: `${stem} ${suffix}` }))
    const page = await server.request('GET', `${PATH}?page=1&pageSize=2&name=${encodeURIComponent(`like:${stem}`)}&sort=name:desc&fields=name,contractOwnerIds`, { token })
    assert.equal(page.status, 200, page.text)
    assert.deepEqual(page.body, [{ name: `${stem} C`, contractOwnerIds: [] }, { name: `${stem} B`, contractOwnerIds: [] }])
    assert.match(page.headers.get('link') ?? '', /rel="next"/)
    const exact = await server.request('GET', `${PATH}?page=1&pageSize=10&name=${encodeURIComponent(`in:${stem} A,${stem} B`)}&sort=id`, { token })
    assert.deepEqual(exact.body.map((t: { name: string }) => t.name), [`${stem} B`, `${stem} A`])
    assert.equal((await server.request('HEAD', `${PATH}?name=${encodeURIComponent(`${stem} A`)}`, { token })).status, 200)
    const none = await server.request('HEAD', `${PATH}?name=nothing`, { token })
    assert.equal(none.status, 404)
    assert.equal(none.text, '')
  })

  it('refuses what the published list does not offer: 400 invalid_query', async () => {
    assertError(await server.request('GET', `${PATH}?page=1&pageSize=10&contractOwnerIds=1`, { token }), 400, 'invalid_query')
    assertError(await server.request('GET', `${PATH}?page=1&pageSize=10&sort=contractOwnerIds`, { token }), 400, 'invalid_query')
    assertError(await server.request('GET', `${PATH}?pageSize=10`, { token }), 400, 'invalid_query')
  })

  it('answers 404 for an unknown id and 400 for an id that is not one', async () => {
    assertError(await server.request('GET', `${PATH}/987654`, { token }), 404, 'not_found')
    assertError(await server.request('GET', `${PATH}/abc`, { token }), 400, 'invalid_path_parameter')
  })

  describe('PATCH', () => {
    let id: number
    before(async () => {
      id = (await create(component({ contractOwnerIds: [owners[0]] }))).id
    })

    it('changes the contract owners with a JSON Patch or a merge patch under If-Match; null empties them', async () => {
      const added = await server.request('PATCH', `${PATH}/${id}`, { token, headers: { ...JSON_PATCH, 'if-match': '"1"' }, body: JSON.stringify([{ op: 'add', path: '/contractOwnerIds/-', value: owners[1] }]) })
      assert.equal(added.status, 200, added.text)
      assert.equal(added.headers.get('etag'), '"2"')
      assert.deepEqual(added.body.contractOwnerIds, [owners[0], owners[1]])
      const merged = await server.request('PATCH', `${PATH}/${id}`, { token, headers: { ...MERGE_PATCH, 'if-match': '"2"' }, body: JSON.stringify({ contractOwnerIds: null, name: `All owners ${process.pid}` }) })
      assert.equal(merged.status, 200, merged.text)
      assert.deepEqual(merged.body.contractOwnerIds, [])
      assert.equal(merged.body.name, `All owners ${process.pid}`)
      const same = await server.request('PATCH', `${PATH}/${id}`, { token, headers: MERGE_PATCH, body: JSON.stringify({ name: `All owners ${process.pid}` }) })
      assert.equal(same.headers.get('etag'), '"3"', 'a patch that changes nothing writes nothing')
    })

    it('answers a stale If-Match with 412, a taken name with 409, a missing contract owner with 400', async () => {
      assertError(await server.request('PATCH', `${PATH}/${id}`, { token, headers: { ...MERGE_PATCH, 'if-match': '"1"' }, body: '{"name":"Stale"}' }), 412, 'precondition_failed')
      const taken = (await create(component())).name
      const conflict = await server.request('PATCH', `${PATH}/${id}`, { token, headers: MERGE_PATCH, body: JSON.stringify({ name: taken }) })
      assertError(conflict, 409, 'already_exists')
      assertFieldErrors(conflict, ['name:already_exists'])
      const missing = await server.request('PATCH', `${PATH}/${id}`, { token, headers: MERGE_PATCH, body: '{"contractOwnerIds":[987654]}' })
      assertError(missing, 400, 'invalid_reference')
      assertFieldErrors(missing, ['contractOwnerIds:invalid_reference'])
      const invalid = await server.request('PATCH', `${PATH}/${id}`, { token, headers: MERGE_PATCH, body: '{"name":null,"contractOwnerIds":[1,1]}' })
      assertFieldErrors(invalid, ['name:required', 'contractOwnerIds:duplicate_items'])
    })

    it('takes only the patch media types, and answers 404 for an unknown id', async () => {
      assertError(await server.request('PATCH', `${PATH}/${id}`, { token, json: { name: 'x' } }), 415, 'unsupported_media_type')
      assertError(await server.request('PATCH', `${PATH}/987654`, { token, headers: MERGE_PATCH, body: '{}' }), 404, 'not_found')
    })
  })

  it('offers no DELETE: 405 with Allow', async () => {
    const { id } = await create(component())
    const response = await server.request('DELETE', `${PATH}/${id}`, { token })
    assertError(response, 405, 'method_not_allowed')
    assert.deepEqual(response.headers.get('allow')?.split(', ').sort(), ['GET', 'HEAD', 'OPTIONS', 'PATCH'])
  })

  it('needs a token (401) and admin:write to write (403); restricted users read but do not write; brands never meet', async () => {
    const { id } = await create(component({ contractOwnerIds: [owners[0]] }))
    assertError(await server.request('GET', `${PATH}?page=1&pageSize=1`), 401, 'authentication_required')
    const reader = await loginAs(server, ['Read Only'])
    assert.equal((await server.request('GET', `${PATH}/${id}`, { token: reader })).status, 200)
    assertError(await server.request('POST', PATH, { token: reader, json: component() }), 403, 'insufficient_permission')
    const restricted = await loginAs(server, ['Administrator'], owners[0])
    assert.equal((await server.request('GET', `${PATH}/${id}`, { token: restricted })).status, 200)
    const refused = await server.request('POST', PATH, { token: restricted, json: component({ contractOwnerIds: [owners[0]] }) })
    assertError(refused, 403, 'insufficient_permission')
    assert.match(refused.body.message, /Invoice summary template components belong to the whole brand/)
    const other = await otherBrandAdmin(server)
    assertError(await server.request('GET', `${PATH}/${id}`, { token: other }), 404, 'not_found')
    assert.deepEqual((await server.request('GET', `${PATH}?page=1&pageSize=100`, { token: other })).body, [])
  })

})
