import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { runDocExamples } from '../helpers/docs.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { JSON_PATCH, MERGE_PATCH, created } from '../helpers/requests.ts'

const PATH = '/v1/custom-field-definitions'
let sequence = 0
const definition = (entityLevel = 'USAGE_PRODUCT', label = `Field ${process.pid}-${++sequence}`) => ({ label, entityLevel })

describe('/v1/custom-field-definitions', () => {
  let server: TestServer
  let token: string
  const create = (body: Record<string, unknown>) => created(server, token, PATH, body)
  before(async () => {
    server = await startTestServer()
    token = await server.login()
  })
  after(() => server.close())

  it('creates one as published: 201 with Location and ETag, the id, label and entity level', async () => {
    const response = await server.request('POST', PATH, { token, json: { label: 'Additional field — PO’s ref. `a`', entityLevel: 'USAGE_PRODUCT' } })
    assert.equal(response.status, 201, response.text)
    const { id, createdDate, updatedDate, ...rest } = response.body
    assert.equal(response.headers.get('location'), `${PATH}/${id}`)
    assert.equal(response.headers.get('etag'), '"1"')
    assert.ok(Date.parse(createdDate) > 0 && createdDate === updatedDate)
    assert.deepEqual(rest, { label: 'Additional field — PO’s ref. `a`', entityLevel: 'USAGE_PRODUCT' })
    const fetched = await server.request('GET', `${PATH}/${id}`, { token })
    assert.equal(fetched.status, 200)
    assert.deepEqual(fetched.body, response.body)
  })

  it('reports every invalid field at once', async () => {
    const response = await server.request('POST', PATH, { token, json: { label: 'x'.repeat(101), entityLevel: 'PRODUCT', id: 5 } })
    assertError(response, 400, 'validation_failed', PATH)
    assertFieldErrors(response, ['label:too_long', 'entityLevel:invalid_value', 'id:unknown_field'])
    assertFieldErrors(await server.request('POST', PATH, { token, json: { label: 'Price 🙂' } }), ['label:invalid_format', 'entityLevel:required'])
  })

  it('answers a label already defined at the level with 409; the same label at another level is fine; 415 for non-JSON', async () => {
    const body = definition('SITE')
    await create(body)
    const duplicate = await server.request('POST', PATH, { token, json: body })
    assertError(duplicate, 409, 'already_exists')
    assertFieldErrors(duplicate, ['label:already_exists'])
    await create({ ...body, entityLevel: 'CUSTOMER' })
    assertError(await server.request('POST', PATH, { token, body: 'label=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported_media_type')
  })

  it('lists by the published entityLevel filter (an enum), with sort, fields and paging; HEAD by level', async () => {
    for (const label of ['Beta', 'Alpha', 'Gamma']) await create(definition('RENTAL_PRODUCT_INVENTORY', `${label} ${process.pid}`))
    const page = await server.request('GET', `${PATH}?page=1&pageSize=2&entityLevel=RENTAL_PRODUCT_INVENTORY&sort=label:desc&fields=label`, { token })
    assert.equal(page.status, 200, page.text)
    assert.deepEqual(page.body, [{ label: `Gamma ${process.pid}` }, { label: `Beta ${process.pid}` }])
    assert.match(page.headers.get('link') ?? '', /rel="next"/)
    assert.equal((await server.request('HEAD', `${PATH}?entityLevel=RENTAL_PRODUCT_INVENTORY`, { token })).status, 200)
    assert.equal((await server.request('HEAD', `${PATH}?entityLevel=RENTAL_PRODUCT`, { token })).status, 404)
    const wrong = await server.request('GET', `${PATH}?page=1&pageSize=10&entityLevel=PRODUCT`, { token })
    assertError(wrong, 400, 'invalid_query')
    assert.deepEqual(wrong.body.errors.map((e: { field: string }) => e.field), ['entityLevel'])
    assertError(await server.request('GET', `${PATH}?page=1&pageSize=10&entityLevel=${encodeURIComponent('in:SITE,CUSTOMER')}`, { token }), 400, 'invalid_query')
    assertError(await server.request('GET', `${PATH}?page=1&pageSize=10&label=Alpha`, { token }), 400, 'invalid_query')
  })

  it('answers 404 for an unknown id and 400 for an id that is not one', async () => {
    assertError(await server.request('GET', `${PATH}/987654`, { token }), 404, 'not_found')
    assertError(await server.request('GET', `${PATH}/-1`, { token }), 400, 'invalid_path_parameter')
  })

  describe('PATCH', () => {
    let id: number
    before(async () => {
      id = (await create(definition('CUSTOMER'))).id
    })

    it('changes the label: merge patch or JSON Patch, with If-Match', async () => {
      const merged = await server.request('PATCH', `${PATH}/${id}`, { token, headers: { ...MERGE_PATCH, 'if-match': '"1"' }, body: '{"label":"Renamed"}' })
      assert.equal(merged.status, 200, merged.text)
      assert.equal(merged.headers.get('etag'), '"2"')
      assert.equal(merged.body.label, 'Renamed')
      const patched = await server.request('PATCH', `${PATH}/${id}`, { token, headers: JSON_PATCH, body: JSON.stringify([{ op: 'test', path: '/label', value: 'Renamed' }, { op: 'replace', path: '/label', value: 'Renamed again' }]) })
      assert.equal(patched.status, 200, patched.text)
      assert.equal(patched.body.label, 'Renamed again')
    })

    it('keeps the entity level fixed (400 read_only), and validates the label like a create', async () => {
      const moved = await server.request('PATCH', `${PATH}/${id}`, { token, headers: MERGE_PATCH, body: '{"entityLevel":"SITE"}' })
      assertError(moved, 400, 'validation_failed')
      assertFieldErrors(moved, ['entityLevel:read_only'])
      assertFieldErrors(await server.request('PATCH', `${PATH}/${id}`, { token, headers: MERGE_PATCH, body: '{"label":null}' }), ['label:required'])
    })

    it('answers 412 for a stale If-Match, 409 for a failed test or a label taken at the level, 415, 404', async () => {
      assertError(await server.request('PATCH', `${PATH}/${id}`, { token, headers: { ...MERGE_PATCH, 'if-match': '"1"' }, body: '{"label":"Stale"}' }), 412, 'precondition_failed')
      assertError(await server.request('PATCH', `${PATH}/${id}`, { token, headers: JSON_PATCH, body: JSON.stringify([{ op: 'test', path: '/entityLevel', value: 'SITE' }]) }), 409, 'patch_test_failed')
      const taken = (await create(definition('CUSTOMER'))).label
      assertError(await server.request('PATCH', `${PATH}/${id}`, { token, headers: MERGE_PATCH, body: JSON.stringify({ label: taken }) }), 409, 'already_exists')
      assertError(await server.request('PATCH', `${PATH}/${id}`, { token, json: { label: 'x' } }), 415, 'unsupported_media_type')
      assertError(await server.request('PATCH', `${PATH}/987654`, { token, headers: MERGE_PATCH, body: '{}' }), 404, 'not_found')
    })
  })

  it('offers no DELETE: 405 with Allow', async () => {
    const id = (await create(definition())).id
    const response = await server.request('DELETE', `${PATH}/${id}`, { token })
    assertError(response, 405, 'method_not_allowed')
    assert.deepEqual(response.headers.get('allow')?.split(', ').sort(), ['GET', 'HEAD', 'OPTIONS', 'PATCH'])
  })

  it('needs a token (401) and admin:write to write (403); restricted users read but do not write; brands never meet', async () => {
    const id = (await create(definition())).id
    assertError(await server.request('POST', PATH, { json: definition() }), 401, 'authentication_required')
    const manager = await loginAs(server, ['Customer Manager'])
    assert.equal((await server.request('GET', `${PATH}/${id}`, { token: manager })).status, 200)
    assertError(await server.request('POST', PATH, { token: manager, json: definition() }), 403, 'insufficient_permission')
    const owner = (await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody() })).body.id
    const restricted = await loginAs(server, ['Administrator'], owner)
    assert.equal((await server.request('GET', `${PATH}?page=1&pageSize=5`, { token: restricted })).status, 200)
    assertError(await server.request('POST', PATH, { token: restricted, json: definition() }), 403, 'insufficient_permission')
    const other = await otherBrandAdmin(server)
    assertError(await server.request('GET', `${PATH}/${id}`, { token: other }), 404, 'not_found')
    assert.equal((await server.request('HEAD', `${PATH}?entityLevel=USAGE_PRODUCT`, { token: other })).status, 404)
  })

  it('runs the docs example as written', async () => {
    const stdout = await runDocExamples(server.url, ['custom-field-definitions.md'])
    assert.match(stdout, /"label":"Cost centre code","entityLevel":"SITE"/)
    assert.match(stdout, /\[\{"id":\d+,"label":"Cost centre code","entityLevel":"SITE"/)
  })
})
