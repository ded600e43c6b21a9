import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { runDocExamples } from '../helpers/docs.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { JSON_PATCH, MERGE_PATCH, created } from '../helpers/requests.ts'

const CLASSES = '/v1/ignored-call-classes'
const SERVICE_IDS = '/v1/ignored-service-ids'
const ops = (list: unknown[]) => JSON.stringify(list)
let sequence = 0

describe('/v1/ignored-call-classes and /v1/ignored-service-ids', () => {
  let server: TestServer
  let token: string
  const create = (path: string, body: Record<string, unknown>) => created(server, token, path, body)
  before(async () => {
    server = await startTestServer()
    token = await server.login()
  })
  after(() => server.close())

  describe('ignored call classes', () => {
    it('creates one: 201 with Location and ETag; the start is today when not sent', async () => {
      const response = await server.request('POST', CLASSES, { token, json: { callClass: `C${++sequence}`, startDate: '2024-01-01', endDate: '2024-03-31' } })
      assert.equal(response.status, 201, response.text)
      assert.equal(response.headers.get('location'), `${CLASSES}/${response.body.id}`)
      assert.equal(response.headers.get('etag'), '"1"')
      assert.deepEqual((await server.request('GET', `${CLASSES}/${response.body.id}`, { token })).body, response.body)
      const before = new Date().toISOString().slice(0, 10)
      const undated = await create(CLASSES, { callClass: `C${++sequence}` })
      const after = new Date().toISOString().slice(0, 10)
      assert.ok([before, after].includes(undated.startDate), undated.startDate)
      assert.equal(undated.endDate, undefined)
    })

    it('reports every invalid field at once; the end before the start is 400', async () => {
      const invalid = await server.request('POST', CLASSES, { token, json: { callClass: 'x'.repeat(51), startDate: 'today', endDate: 5, id: 1 } })
      assertError(invalid, 400, 'validation_failed', CLASSES)
      assertFieldErrors(invalid, ['callClass:too_long', 'startDate:invalid_format', 'endDate:invalid_type', 'id:unknown_field'])
      assertFieldErrors(await server.request('POST', CLASSES, { token, json: {} }), ['callClass:required'])
      assertFieldErrors(await server.request('POST', CLASSES, { token, json: { callClass: 'X', startDate: '2024-02-01', endDate: '2024-01-31' } }), ['endDate:invalid_value'])
    })

    it('the periods of one call class never share a date: 409 overlapping_period', async () => {
      const callClass = `O${++sequence}`
      const first = await create(CLASSES, { callClass, startDate: '2024-01-01', endDate: '2024-06-30' })
      const clash = await server.request('POST', CLASSES, { token, json: { callClass, startDate: '2024-06-01' } })
      assertError(clash, 409, 'overlapping_period')
      assert.match(clash.body.message, new RegExp(`${first.id} \\(2024-01-01 to 2024-06-30\\)`))
      const later = await create(CLASSES, { callClass, startDate: '2024-07-01' })
      await create(CLASSES, { callClass: `${callClass}X`, startDate: '2024-01-01' })
      assertError(await server.request('PATCH', `${CLASSES}/${first.id}`, { token, headers: JSON_PATCH, body: ops([{ op: 'remove', path: '/endDate' }]) }), 409, 'overlapping_period')
      assert.equal((await server.request('PATCH', `${CLASSES}/${later.id}`, { token, headers: JSON_PATCH, body: ops([{ op: 'replace', path: '/startDate', value: '2024-08-01' }]) })).status, 200)
    })

    it('lists with the published filters; HEAD; PATCH JSON Patch only, 412, 404; DELETE 204 then 404', async () => {
      const callClass = `L${++sequence}`
      const made = await create(CLASSES, { callClass, startDate: '2023-01-01', endDate: '2023-12-31' })
      const listed = await server.request('GET', `${CLASSES}?page=1&pageSize=10&callClass=${callClass}&endDate=lt:2024-01-01&fields=id,callClass`, { token })
      assert.deepEqual(listed.body, [{ id: made.id, callClass }])
      assert.equal((await server.request('HEAD', `${CLASSES}?callClass=${callClass}`, { token })).status, 200)
      assert.equal((await server.request('HEAD', `${CLASSES}?callClass=${callClass}&startDate=gt:2023-06-01`, { token })).status, 404)
      assertError(await server.request('GET', `${CLASSES}?page=1&pageSize=10&serviceId=1`, { token }), 400, 'invalid_query')
      const patched = await server.request('PATCH', `${CLASSES}/${made.id}`, { token, headers: { ...JSON_PATCH, 'if-match': '"1"' }, body: ops([{ op: 'replace', path: '/endDate', value: '2023-06-30' }]) })
      assert.equal(patched.status, 200, patched.text)
      assert.equal(patched.headers.get('etag'), '"2"')
      assertError(await server.request('PATCH', `${CLASSES}/${made.id}`, { token, headers: MERGE_PATCH, body: '{}' }), 415, 'unsupported_media_type')
      assertError(await server.request('PATCH', `${CLASSES}/${made.id}`, { token, headers: { ...JSON_PATCH, 'if-match': '"1"' }, body: '[]' }), 412, 'precondition_failed')
      assertError(await server.request('PATCH', `${CLASSES}/${made.id}`, { token, headers: JSON_PATCH, body: ops([{ op: 'test', path: '/callClass', value: 'no' }]) }), 409, 'patch_test_failed')
      assertError(await server.request('PATCH', `${CLASSES}/987654`, { token, headers: JSON_PATCH, body: '[]' }), 404, 'not_found')
      assert.equal((await server.request('DELETE', `${CLASSES}/${made.id}`, { token })).status, 204)
      assertError(await server.request('DELETE', `${CLASSES}/${made.id}`, { token }), 404, 'not_found')
    })
  })

  describe('ignored service ids', () => {
    it('creates one (201); the same service id twice is 409; every invalid field at once is 400', async () => {
      const serviceId = `0113${process.pid}${++sequence}`
      const response = await server.request('POST', SERVICE_IDS, { token, json: { serviceId } })
      assert.equal(response.status, 201, response.text)
      assert.deepEqual(response.body, { id: response.body.id, serviceId })
      assert.equal(response.headers.get('location'), `${SERVICE_IDS}/${response.body.id}`)
      const duplicate = await server.request('POST', SERVICE_IDS, { token, json: { serviceId } })
      assertError(duplicate, 409, 'already_exists')
      assertFieldErrors(duplicate, ['serviceId:already_exists'])
      assertFieldErrors(await server.request('POST', SERVICE_IDS, { token, json: { serviceId: 'x'.repeat(51), startDate: '2024-01-01' } }), ['serviceId:too_long', 'startDate:unknown_field'])
      assertFieldErrors(await server.request('POST', SERVICE_IDS, { token, json: {} }), ['serviceId:required'])
    })

    it('lists by serviceId; HEAD; PATCH JSON Patch only, 409 taken, 412, 404; DELETE 204 then 404', async () => {
      const a = await create(SERVICE_IDS, { serviceId: `A-${process.pid}` })
      const b = await create(SERVICE_IDS, { serviceId: `B-${process.pid}` })
      const listed = await server.request('GET', `${SERVICE_IDS}?page=1&pageSize=10&serviceId=${encodeURIComponent(`in:A-${process.pid},C`)}`, { token })
      assert.deepEqual(listed.body, [a])
      assert.equal((await server.request('HEAD', `${SERVICE_IDS}?serviceId=B-${process.pid}`, { token })).status, 200)
      assert.equal((await server.request('HEAD', `${SERVICE_IDS}?serviceId=nothing`, { token })).status, 404)
      const renamed = await server.request('PATCH', `${SERVICE_IDS}/${a.id}`, { token, headers: { ...JSON_PATCH, 'if-match': '"1"' }, body: ops([{ op: 'replace', path: '/serviceId', value: `A2-${process.pid}` }]) })
      assert.equal(renamed.status, 200, renamed.text)
      assertFieldErrors(await server.request('PATCH', `${SERVICE_IDS}/${a.id}`, { token, headers: JSON_PATCH, body: ops([{ op: 'replace', path: '/serviceId', value: b.serviceId }]) }), ['serviceId:already_exists'])
      assertError(await server.request('PATCH', `${SERVICE_IDS}/${a.id}`, { token, headers: MERGE_PATCH, body: '{}' }), 415, 'unsupported_media_type')
      assertError(await server.request('PATCH', `${SERVICE_IDS}/${a.id}`, { token, headers: { ...JSON_PATCH, 'if-match': '"1"' }, body: '[]' }), 412, 'precondition_failed')
      assertError(await server.request('PATCH', `${SERVICE_IDS}/987654`, { token, headers: JSON_PATCH, body: '[]' }), 404, 'not_found')
      assert.equal((await server.request('DELETE', `${SERVICE_IDS}/${b.id}`, { token })).status, 204)
      assertError(await server.request('GET', `${SERVICE_IDS}/${b.id}`, { token }), 404, 'not_found')
      assertError(await server.request('DELETE', `${SERVICE_IDS}/${b.id}`, { token }), 404, 'not_found')
    })
  })

  it('needs a token (401) and reference-data:write to write (403); restricted users read only; brands never meet', async () => {
    const made = await create(SERVICE_IDS, { serviceId: `P-${process.pid}` })
    assertError(await server.request('GET', `${SERVICE_IDS}/${made.id}`), 401, 'authentication_required')
    const reader = await loginAs(server, ['Read Only'])
    assert.equal((await server.request('GET', `${SERVICE_IDS}/${made.id}`, { token: reader })).status, 200)
    assertError(await server.request('POST', CLASSES, { token: reader, json: { callClass: 'R' } }), 403, 'insufficient_permission')
    const owner = (await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody() })).body.id
    const restricted = await loginAs(server, ['Administrator'], owner)
    assertError(await server.request('DELETE', `${SERVICE_IDS}/${made.id}`, { token: restricted }), 403, 'insufficient_permission')
    const other = await otherBrandAdmin(server)
    assertError(await server.request('GET', `${SERVICE_IDS}/${made.id}`, { token: other }), 404, 'not_found')
    assert.equal((await server.request('POST', SERVICE_IDS, { token: other, json: { serviceId: made.serviceId } })).status, 201, 'another brand ignores its own')
  })

  it('runs the docs example as written', async () => {
    const stdout = await runDocExamples(server.url, ['ignored-call-classes-and-service-ids.md'])
    assert.match(stdout, /"callClass":"TESTCALL","startDate":"2024-01-01","endDate":"2024-12-31"/)
    assert.match(stdout, /^\[\{"serviceId":"01134960000"\}\]$/m)
  })
})
