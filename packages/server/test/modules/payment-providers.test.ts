import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import { JSON_PATCH, MERGE_PATCH, created } from '../helpers/requests.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'

const PROVIDERS = '/v1/payment-providers'
let sequence = 0

describe('/v1/payment-providers', () => {
  let server: TestServer
  let token: string
  let owner: number
  let secondOwner: number
  const provider = (overrides: Record<string, unknown> = {}) => ({ type: 'GO_CARDLESS', name: `Provider ${process.pid}-${++sequence}`, status: 'ACTIVE', contractOwnerIds: [owner], ...overrides })
  const create = (body: Record<string, unknown>) => created(server, token, PROVIDERS, body)
  const patch = (id: number, operations: unknown[], headers: Record<string, string> = {}) =>
    server.request('PATCH', `${PROVIDERS}/${id}`, { token, headers: { ...JSON_PATCH, ...headers }, body: JSON.stringify(operations) })
  const list = async (query: string) => {
    const response = await server.request('GET', `${PROVIDERS}?page=1&pageSize=100&sort=id&${query}`, { token })
    assert.equal(response.status, 200, response.text)
    return response.body.map((p: { id: number }) => p.id)
  }

  before(async () => {
    server = await startTestServer()
    token = await server.login()
    owner = (await server.request('GET', '/v1/contract-owners?page=1&pageSize=1', { token })).body[0].id
    secondOwner = (await created(server, token, '/v1/contract-owners', contractOwnerBody())).id
  })
  after(() => server.close())

  it('creates one: 201 with Location and ETag, the flags false unless given; reads it back', async () => {
    const body = provider({ directDebitWithName: 'Acme DD', creditorIdentifier: 'GB98ZZZ', retryIfPossible: true })
    const response = await server.request('POST', PROVIDERS, { token, json: body })
    assert.equal(response.status, 201, response.text)
    const { id, ...rest } = response.body
    assert.equal(response.headers.get('location'), `${PROVIDERS}/${id}`)
    assert.equal(response.headers.get('etag'), '"1"')
    const flags = { instantBankPayments: false, retryIfPossible: true, acceptExternalPayments: false, syncInstantBankPaymentsWithMandateCreation: false }
    assert.deepEqual(rest, { ...body, ...flags })
    const fetched = await server.request('GET', `${PROVIDERS}/${id}`, { token })
    assert.equal(fetched.status, 200)
    assert.equal(fetched.headers.get('etag'), '"1"')
    assert.deepEqual(fetched.body, response.body)
  })

  it('reports every invalid field at once (400); unknown contract owners 400 invalid_reference; a taken name 409; 415', async () => {
    const invalid = await server.request('POST', PROVIDERS, {
      token,
      json: { type: 'BITCOIN', name: '', status: 'LIVE', contractOwnerIds: [], instantBankPayments: 'yes', id: 5 },
    })
    assertError(invalid, 400, 'validation_failed', PROVIDERS)
    assertFieldErrors(invalid, ['type:invalid_value', 'name:too_short', 'name:invalid_format', 'status:invalid_value', 'contractOwnerIds:too_few', 'instantBankPayments:invalid_type', 'id:unknown_field'])
    assertFieldErrors(await server.request('POST', PROVIDERS, { token, json: {} }), ['type:required', 'name:required', 'status:required', 'contractOwnerIds:required'])
    const missing = await server.request('POST', PROVIDERS, { token, json: provider({ contractOwnerIds: [owner, 987654, 987655] }) })
    assertError(missing, 400, 'invalid_reference')
    assertFieldErrors(missing, ['contractOwnerIds:invalid_reference'])
    assert.match(missing.body.message, /987654, 987655/)
    const { name } = await create(provider())
    const taken = await server.request('POST', PROVIDERS, { token, json: provider({ name }) })
    assertError(taken, 409, 'already_exists')
    assertFieldErrors(taken, ['name:already_exists'])
    assertError(await server.request('POST', PROVIDERS, { token, body: 'name=x', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type')
  })

  it('lists with the published filters (type, contractOwnerId, instantBankPayments, retryIfPossible), sort, fields; HEAD 200/404', async () => {
    const stem = `Listed ${process.pid}`
    const stripe = await create(provider({ type: 'STRIPE', name: `${stem} B`, contractOwnerIds: [secondOwner], instantBankPayments: true }))
    const finastra = await create(provider({ type: 'FINASTRA', name: `${stem} A`, contractOwnerIds: [owner, secondOwner], retryIfPossible: true }))
    assert.deepEqual(await list(`type=STRIPE`), [stripe.id])
    assert.deepEqual(await list(`type=${encodeURIComponent('in:STRIPE,FINASTRA')}`), [stripe.id, finastra.id])
    assert.deepEqual(await list(`type=like:finas`), [finastra.id])
    assert.deepEqual(await list(`contractOwnerId=${secondOwner}`), [stripe.id, finastra.id])
    assert.ok(!(await list(`contractOwnerId=${owner}`)).includes(stripe.id))
    assert.deepEqual(await list(`instantBankPayments=true`), [stripe.id])
    assert.deepEqual(await list(`retryIfPossible=true&contractOwnerId=${secondOwner}`), [finastra.id])
    const sorted = await server.request('GET', `${PROVIDERS}?page=1&pageSize=1&contractOwnerId=${secondOwner}&sort=name:desc&fields=name,type`, { token })
    assert.deepEqual(sorted.body, [{ name: `${stem} B`, type: 'STRIPE' }])
    assert.match(sorted.headers.get('link') ?? '', /rel="next"/)
    assert.equal((await server.request('HEAD', `${PROVIDERS}?type=STRIPE`, { token })).status, 200)
    assert.equal((await server.request('HEAD', `${PROVIDERS}?type=PAYPAL`, { token })).status, 404)
    assertError(await server.request('GET', `${PROVIDERS}?page=1&pageSize=10&name=x`, { token }), 400, 'invalid_query')
    assertError(await server.request('GET', `${PROVIDERS}?page=1&pageSize=10&instantBankPayments=maybe`, { token }), 400, 'invalid_query')
    assertError(await server.request('GET', `${PROVIDERS}?page=1`, { token }), 400, 'invalid_query')
  })

  it('PATCH takes JSON Patch: 200 with the next ETag; 412 stale; 409 failed test or taken name; 400; 415 merge patch; 404', async () => {
    const { id } = await create(provider())
    const other = await create(provider())
    const ok = await patch(id, [{ op: 'replace', path: '/status', value: 'INACTIVE' }, { op: 'add', path: '/contractOwnerIds/-', value: secondOwner }], { 'if-match': '"1"' })
    assert.equal(ok.status, 200, ok.text)
    assert.equal(ok.headers.get('etag'), '"2"')
    assert.deepEqual([ok.body.status, ok.body.contractOwnerIds], ['INACTIVE', [owner, secondOwner]])
    assertError(await patch(id, [{ op: 'replace', path: '/name', value: 'Stale' }], { 'if-match': '"1"' }), 412, 'precondition_failed')
    assertError(await patch(id, [{ op: 'test', path: '/status', value: 'ACTIVE' }]), 409, 'patch_test_failed')
    assertFieldErrors(await patch(id, [{ op: 'replace', path: '/name', value: other.name }]), ['name:already_exists'])
    assertFieldErrors(await patch(id, [{ op: 'remove', path: '/type' }, { op: 'replace', path: '/contractOwnerIds', value: [] }]), ['type:required', 'contractOwnerIds:too_few'])
    assertFieldErrors(await patch(id, [{ op: 'replace', path: '/id', value: 9 }]), ['id:read_only'])
    assertFieldErrors(await patch(id, [{ op: 'replace', path: '/contractOwnerIds', value: [987654] }]), ['contractOwnerIds:invalid_reference'])
    assertError(await server.request('PATCH', `${PROVIDERS}/${id}`, { token, headers: MERGE_PATCH, body: '{"status":"ACTIVE"}' }), 415, 'unsupported_media_type')
    assert.equal((await server.request('GET', `${PROVIDERS}/${id}`, { token })).body.status, 'INACTIVE', 'nothing refused was written')
    assertError(await patch(987654, []), 404, 'not_found')
  })

  it('has no DELETE (405 with Allow); 404 for an unknown id; 400 for a bad id', async () => {
    const { id } = await create(provider())
    const response = await server.request('DELETE', `${PROVIDERS}/${id}`, { token })
    assertError(response, 405, 'method_not_allowed')
    assert.equal(response.headers.get('allow'), 'GET, HEAD, OPTIONS, PATCH')
    assertError(await server.request('PUT', PROVIDERS, { token, json: provider() }), 405, 'method_not_allowed')
    assertError(await server.request('GET', `${PROVIDERS}/987654`, { token }), 404, 'not_found')
    assertError(await server.request('GET', `${PROVIDERS}/abc`, { token }), 400, 'invalid_path_parameter')
  })

  it('needs a token (401) and payments:write to write (403); restricted users read only; brands never meet', async () => {
    const { id } = await create(provider())
    assertError(await server.request('GET', `${PROVIDERS}?page=1&pageSize=1`), 401, 'authentication_required')
    assertError(await server.request('POST', PROVIDERS, { json: provider() }), 401, 'authentication_required')
    const reader = await loginAs(server, ['Read Only'])
    assert.equal((await server.request('GET', `${PROVIDERS}/${id}`, { token: reader })).status, 200)
    assertError(await server.request('POST', PROVIDERS, { token: reader, json: provider() }), 403, 'insufficient_permission')
    assertError(await server.request('PATCH', `${PROVIDERS}/${id}`, { token: reader, headers: JSON_PATCH, body: '[]' }), 403, 'insufficient_permission')
    const manager = await loginAs(server, ['Customer Manager'])
    assert.equal((await server.request('POST', PROVIDERS, { token: manager, json: provider() })).status, 201)
    const restricted = await loginAs(server, ['Administrator'], secondOwner)
    assert.equal((await server.request('GET', `${PROVIDERS}/${id}`, { token: restricted })).status, 200)
    assertError(await server.request('POST', PROVIDERS, { token: restricted, json: provider({ contractOwnerIds: [secondOwner] }) }), 403, 'insufficient_permission')
    const other = await otherBrandAdmin(server)
    assertError(await server.request('GET', `${PROVIDERS}/${id}`, { token: other }), 404, 'not_found')
    assertError(await server.request('POST', PROVIDERS, { token: other, json: provider() }), 400, 'invalid_reference')
  })
})
