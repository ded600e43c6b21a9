import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { runDocExamples } from '../helpers/docs.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { JSON_PATCH, MERGE_PATCH, created } from '../helpers/requests.ts'

const PATH = '/v1/admin-contacts'
const FLAGS = ['receiveFraudAlertsViaEmail', 'receiveUsageCapAlertsViaEmail', 'receiveBillRunAutoClosureAlertsViaEmail', 'receiveDuplicateCallAlertsViaEmail']
let sequence = 0
const contact = (overrides: Record<string, unknown> = {}) => ({ name: `Contact ${process.pid}-${++sequence}`, email: 'ops@example.com', ...overrides })

describe('/v1/admin-contacts', () => {
  let server: TestServer
  let token: string
  const create = (body: Record<string, unknown>) => created(server, token, PATH, body)
  before(async () => {
    server = await startTestServer()
    token = await server.login()
  })
  after(() => server.close())

  it('creates one: 201 with Location and ETag; every alert flag off unless asked for', async () => {
    const response = await server.request('POST', PATH, { token, json: contact({ name: 'Night Desk', telephoneNumber: '0113 496 0000', receiveFraudAlertsViaEmail: true }) })
    assert.equal(response.status, 201, response.text)
    const { id, createdDate, updatedDate, ...rest } = response.body
    assert.equal(response.headers.get('location'), `${PATH}/${id}`)
    assert.equal(response.headers.get('etag'), '"1"')
    assert.ok(Date.parse(createdDate) > 0 && createdDate === updatedDate)
    assert.deepEqual(rest, {
      name: 'Night Desk',
      telephoneNumber: '0113 496 0000',
      email: 'ops@example.com',
      receiveFraudAlertsViaEmail: true,
      receiveUsageCapAlertsViaEmail: false,
      receiveBillRunAutoClosureAlertsViaEmail: false,
      receiveDuplicateCallAlertsViaEmail: false,
    })
    const fetched = await server.request('GET', `${PATH}/${id}`, { token })
    assert.equal(fetched.status, 200)
    assert.equal(fetched.headers.get('etag'), '"1"')
    assert.deepEqual(fetched.body, response.body)
  })

  it('reports every invalid field of a create at once', async () => {
    const response = await server.request('POST', PATH, { token, json: { name: '', email: 'not-an-email', telephoneNumber: 'x'.repeat(31), receiveUsageCapAlertsViaEmail: 'yes', pager: '123' } })
    assertError(response, 400, 'validation_failed', PATH)
    assertFieldErrors(response, ['name:too_short', 'email:invalid_format', 'telephoneNumber:too_long', 'receiveUsageCapAlertsViaEmail:invalid_type', 'pager:unknown_field'])
    assertFieldErrors(await server.request('POST', PATH, { token, json: {} }), ['name:required', 'email:required'])
  })

  it('answers a name already taken with 409, and a body that is not JSON with 415', async () => {
    const body = contact()
    await create(body)
    const duplicate = await server.request('POST', PATH, { token, json: { ...body, email: 'other@example.com' } })
    assertError(duplicate, 409, 'already_exists')
    assertFieldErrors(duplicate, ['name:already_exists'])
    assertError(await server.request('POST', PATH, { token, body: 'name=x', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type')
  })

  it('lists with the published name filter, sort, fields and paging; HEAD says whether any matches', async () => {
    const stem = `Listed ${process.pid}`
    for (const suffix of ['B', 'A', 'C']) await create(contact({ name: `${stem} ${suffix}` }))
    const page = await server.request('GET', `${PATH}?page=1&pageSize=2&name=${encodeURIComponent(`like:${stem}`)}&sort=name:desc&fields=name`, { token })
    assert.equal(page.status, 200, page.text)
    assert.deepEqual(page.body, [{ name: `${stem} C` }, { name: `${stem} B` }])
    assert.match(page.headers.get('link') ?? '', /rel="next"/)
    const exact = await server.request('GET', `${PATH}?page=1&pageSize=10&name=${encodeURIComponent(`in:${stem} A,${stem} B`)}&sort=id`, { token })
    assert.deepEqual(exact.body.map((c: { name: string }) => c.name), [`${stem} B`, `${stem} A`])
    assert.deepEqual((await server.request('GET', `${PATH}?page=1&pageSize=10&name=nobody`, { token })).body, [])
    assert.equal((await server.request('HEAD', `${PATH}?name=${encodeURIComponent(`${stem} A`)}`, { token })).status, 200)
    const none = await server.request('HEAD', `${PATH}?name=nobody`, { token })
    assert.equal(none.status, 404)
    assert.equal(none.text, '')
  })

  it('refuses what the published list does not offer: 400 invalid_query', async () => {
    assertError(await server.request('GET', `${PATH}?page=1&pageSize=10&email=ops@example.com`, { token }), 400, 'invalid_query')
    assertError(await server.request('GET', `${PATH}?page=1&pageSize=10&sort=email`, { token }), 400, 'invalid_query')
    assertError(await server.request('GET', `${PATH}?pageSize=10`, { token }), 400, 'invalid_query')
    assert.equal((await server.request('HEAD', `${PATH}?page=1`, { token })).status, 400, 'the exists-check takes filters only')
  })

  it('answers 404 for an unknown id and 400 for an id that is not one', async () => {
    assertError(await server.request('GET', `${PATH}/987654`, { token }), 404, 'not_found')
    assertError(await server.request('GET', `${PATH}/abc`, { token }), 400, 'invalid_path_parameter')
  })

  describe('PATCH', () => {
    let id: number
    before(async () => {
      id = (await create(contact())).id
    })

    it('takes a merge patch and a JSON Patch with If-Match; null turns a flag back off', async () => {
      const merged = await server.request('PATCH', `${PATH}/${id}`, { token, headers: { ...MERGE_PATCH, 'if-match': '"1"' }, body: JSON.stringify({ receiveUsageCapAlertsViaEmail: true, telephoneNumber: '0800 000 000' }) })
      assert.equal(merged.status, 200, merged.text)
      assert.equal(merged.headers.get('etag'), '"2"')
      assert.equal(merged.body.receiveUsageCapAlertsViaEmail, true)
      const patched = await server.request('PATCH', `${PATH}/${id}`, {
        token,
        headers: { ...JSON_PATCH, 'if-match': '"2"' },
        body: JSON.stringify([{ op: 'test', path: '/receiveUsageCapAlertsViaEmail', value: true }, { op: 'replace', path: '/email', value: 'night@example.com' }, { op: 'remove', path: '/telephoneNumber' }]),
      })
      assert.equal(patched.status, 200, patched.text)
      assert.equal(patched.body.email, 'night@example.com')
      assert.equal(patched.body.telephoneNumber, undefined)
      const reset = await server.request('PATCH', `${PATH}/${id}`, { token, headers: MERGE_PATCH, body: '{"receiveUsageCapAlertsViaEmail":null}' })
      assert.equal(reset.body.receiveUsageCapAlertsViaEmail, false)
      assert.deepEqual(FLAGS.map((flag) => reset.body[flag]), [false, false, false, false])
    })

    it('answers a stale If-Match with 412, a failed test with 409, a taken name with 409', async () => {
      assertError(await server.request('PATCH', `${PATH}/${id}`, { token, headers: { ...MERGE_PATCH, 'if-match': '"1"' }, body: '{"name":"Stale"}' }), 412, 'precondition_failed')
      assertError(await server.request('PATCH', `${PATH}/${id}`, { token, headers: JSON_PATCH, body: JSON.stringify([{ op: 'test', path: '/name', value: 'other' }]) }), 409, 'patch_test_failed')
      const taken = (await create(contact())).name
      const conflict = await server.request('PATCH', `${PATH}/${id}`, { token, headers: MERGE_PATCH, body: JSON.stringify({ name: taken }) })
      assertError(conflict, 409, 'already_exists')
      assertFieldErrors(conflict, ['name:already_exists'])
    })

    it('validates the patched contact like a create; the id and timestamps are the server’s', async () => {
      const invalid = await server.request('PATCH', `${PATH}/${id}`, { token, headers: MERGE_PATCH, body: JSON.stringify({ email: null, name: '', receiveFraudAlertsViaEmail: 1 }) })
      assertError(invalid, 400, 'validation_failed')
      assertFieldErrors(invalid, ['email:required', 'name:too_short', 'receiveFraudAlertsViaEmail:invalid_type'])
      const readOnly = await server.request('PATCH', `${PATH}/${id}`, { token, headers: JSON_PATCH, body: JSON.stringify([{ op: 'replace', path: '/createdDate', value: '2020-01-01T00:00:00.000Z' }]) })
      assertError(readOnly, 400, 'validation_failed')
      assertFieldErrors(readOnly, ['createdDate:read_only'])
    })

    it('takes only the patch media types, and answers 404 for an unknown id', async () => {
      assertError(await server.request('PATCH', `${PATH}/${id}`, { token, json: { name: 'x' } }), 415, 'unsupported_media_type')
      assertError(await server.request('PATCH', `${PATH}/987654`, { token, headers: MERGE_PATCH, body: '{}' }), 404, 'not_found')
    })
  })

  it('offers no DELETE: 405 with Allow', async () => {
    const id = (await create(contact())).id
    const response = await server.request('DELETE', `${PATH}/${id}`, { token })
    assertError(response, 405, 'method_not_allowed')
    assert.deepEqual(response.headers.get('allow')?.split(', ').sort(), ['GET', 'HEAD', 'OPTIONS', 'PATCH'])
  })

  it('needs a token (401) and admin:write to write (403); restricted users read but do not write; brands never meet', async () => {
    const id = (await create(contact())).id
    assertError(await server.request('GET', `${PATH}?page=1&pageSize=1`), 401, 'authentication_required')
    assertError(await server.request('POST', PATH, { json: contact() }), 401, 'authentication_required')
    const reader = await loginAs(server, ['Read Only'])
    assert.equal((await server.request('GET', `${PATH}/${id}`, { token: reader })).status, 200)
    assertError(await server.request('POST', PATH, { token: reader, json: contact() }), 403, 'insufficient_permission')
    assertError(await server.request('PATCH', `${PATH}/${id}`, { token: reader, headers: MERGE_PATCH, body: '{}' }), 403, 'insufficient_permission')

    const owner = (await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody() })).body.id
    const restricted = await loginAs(server, ['Administrator'], owner)
    assert.equal((await server.request('GET', `${PATH}/${id}`, { token: restricted })).status, 200, 'brand-wide: a restricted user reads it')
    const refused = await server.request('POST', PATH, { token: restricted, json: contact() })
    assertError(refused, 403, 'insufficient_permission')
    assert.match(refused.body.message, /Admin contacts belong to the whole brand/)
    assertError(await server.request('PATCH', `${PATH}/${id}`, { token: restricted, headers: MERGE_PATCH, body: '{"telephoneNumber":"1"}' }), 403, 'insufficient_permission')

    const other = await otherBrandAdmin(server)
    assertError(await server.request('GET', `${PATH}/${id}`, { token: other }), 404, 'not_found')
    assert.deepEqual((await server.request('GET', `${PATH}?page=1&pageSize=100`, { token: other })).body, [])
  })

  it('runs the docs example as written', async () => {
    const stdout = await runDocExamples(server.url, ['admin-contacts.md'])
    assert.match(stdout, /"name":"Billing Operations".*"receiveFraudAlertsViaEmail":true/)
    assert.match(stdout, /"receiveUsageCapAlertsViaEmail":true/)
    assert.match(stdout, /\n?200$/m)
  })
})
