import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { runDocExamples } from '../helpers/docs.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { JSON_PATCH, MERGE_PATCH, created } from '../helpers/requests.ts'

const PATH = '/v1/email-templates'
let sequence = 0
const template = (overrides: Record<string, unknown> = {}) => ({
  name: `Template ${process.pid}-${++sequence}`,
  subject: 'Invoice {{invoiceNumber}}',
  body: 'Dear {{ customerName }}, invoice {{invoiceNumber}} is attached.',
  ...overrides,
})

describe('/v1/email-templates', () => {
  let server: TestServer
  let token: string
  const create = (body: Record<string, unknown>) => created(server, token, PATH, body)
  before(async () => {
    server = await startTestServer()
    token = await server.login()
  })
  after(() => server.close())

  it('creates one: 201 with Location and ETag; the server lists the substitutions, text/plain by default', async () => {
    const body = template({ name: 'Payment received' })
    const response = await server.request('POST', PATH, { token, json: body })
    assert.equal(response.status, 201, response.text)
    const { id, createdDate, updatedDate, ...rest } = response.body
    assert.equal(response.headers.get('location'), `${PATH}/${id}`)
    assert.equal(response.headers.get('etag'), '"1"')
    assert.ok(Date.parse(createdDate) > 0 && createdDate === updatedDate)
    assert.deepEqual(rest, { ...body, contentType: 'text/plain', substitutions: ['invoiceNumber', 'customerName'] })
    const fetched = await server.request('GET', `${PATH}/${id}`, { token })
    assert.equal(fetched.headers.get('etag'), '"1"')
    assert.deepEqual(fetched.body, response.body)
  })

  it('reports every invalid field at once; then every malformed substitution', async () => {
    const response = await server.request('POST', PATH, { token, json: { name: '', subject: 'x'.repeat(256), contentType: 'text/rtf', substitutions: ['a'], colour: 'red' } })
    assertError(response, 400, 'validation_failed', PATH)
    assertFieldErrors(response, ['name:too_short', 'subject:too_long', 'body:required', 'contentType:invalid_value', 'substitutions:unknown_field', 'colour:unknown_field'])
    const malformed = await server.request('POST', PATH, { token, json: template({ subject: 'Invoice {{invoiceNumber', body: 'Total {{ 1st }}' }) })
    assertError(malformed, 400, 'validation_failed')
    assertFieldErrors(malformed, ['subject:invalid_value', 'body:invalid_value'])
    assert.match(malformed.body.message, /not closed or not a name/)
  })

  it('answers a name already taken with 409, and a body that is not JSON with 415', async () => {
    const body = template()
    await create(body)
    const duplicate = await server.request('POST', PATH, { token, json: { ...body, subject: 'Other' } })
    assertError(duplicate, 409, 'already_exists')
    assertFieldErrors(duplicate, ['name:already_exists'])
    assertError(await server.request('POST', PATH, { token, body: 'hello', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type')
  })

  it('lists with the name filter, sort, fields and paging; HEAD says whether any matches; other filters are refused', async () => {
    const stem = `Listed ${process.pid}`
    for (const suffix of ['B', 'A', 'C']) await create(template({ name: `${stem} ${suffix}` }))
    const page = await server.request('GET', `${PATH}?page=1&pageSize=2&name=${encodeURIComponent(`like:${stem}`)}&sort=name&fields=name,substitutions`, { token })
    assert.equal(page.status, 200, page.text)
    assert.deepEqual(page.body, [{ name: `${stem} A`, substitutions: ['invoiceNumber', 'customerName'] }, { name: `${stem} B`, substitutions: ['invoiceNumber', 'customerName'] }])
    assert.match(page.headers.get('link') ?? '', /rel="next"/)
    assert.equal((await server.request('HEAD', `${PATH}?name=${encodeURIComponent(`${stem} C`)}`, { token })).status, 200)
    assert.equal((await server.request('HEAD', `${PATH}?name=nothing`, { token })).status, 404)
    assertError(await server.request('GET', `${PATH}?page=1&pageSize=10&subject=x`, { token }), 400, 'invalid_query')
    assertError(await server.request('GET', `${PATH}?page=1&pageSize=10&sort=subject`, { token }), 400, 'invalid_query')
  })

  it('answers 404 for an unknown id and 400 for an id that is not one', async () => {
    assertError(await server.request('GET', `${PATH}/987654`, { token }), 404, 'not_found')
    assertError(await server.request('GET', `${PATH}/1.5`, { token }), 400, 'invalid_path_parameter')
  })

  describe('PATCH', () => {
    let id: number
    before(async () => {
      id = (await create(template())).id
    })

    it('re-reads the substitutions from the patched text; JSON Patch and merge patch, If-Match', async () => {
      const merged = await server.request('PATCH', `${PATH}/${id}`, { token, headers: { ...MERGE_PATCH, 'if-match': '"1"' }, body: JSON.stringify({ body: '<p>{{greeting}} {{customerName}}</p>', contentType: 'text/html' }) })
      assert.equal(merged.status, 200, merged.text)
      assert.equal(merged.headers.get('etag'), '"2"')
      assert.deepEqual(merged.body.substitutions, ['invoiceNumber', 'greeting', 'customerName'])
      assert.equal(merged.body.contentType, 'text/html')
      const patched = await server.request('PATCH', `${PATH}/${id}`, { token, headers: { ...JSON_PATCH, 'if-match': '"2"' }, body: JSON.stringify([{ op: 'replace', path: '/subject', value: 'Your bill' }, { op: 'remove', path: '/contentType' }]) })
      assert.equal(patched.status, 200, patched.text)
      assert.deepEqual(patched.body.substitutions, ['greeting', 'customerName'])
      assert.equal(patched.body.contentType, 'text/plain', 'removed: back to the default')
    })

    it('answers 412 for a stale If-Match, 409 for a failed test or a taken name, 400 for a malformed substitution', async () => {
      assertError(await server.request('PATCH', `${PATH}/${id}`, { token, headers: { ...MERGE_PATCH, 'if-match': '"1"' }, body: '{"subject":"x"}' }), 412, 'precondition_failed')
      assertError(await server.request('PATCH', `${PATH}/${id}`, { token, headers: JSON_PATCH, body: JSON.stringify([{ op: 'test', path: '/subject', value: 'nope' }]) }), 409, 'patch_test_failed')
      const taken = (await create(template())).name
      assertError(await server.request('PATCH', `${PATH}/${id}`, { token, headers: MERGE_PATCH, body: JSON.stringify({ name: taken }) }), 409, 'already_exists')
      const malformed = await server.request('PATCH', `${PATH}/${id}`, { token, headers: MERGE_PATCH, body: '{"body":"Hi {{name"}' })
      assertError(malformed, 400, 'validation_failed')
      assertFieldErrors(malformed, ['body:invalid_value'])
      const readOnly = await server.request('PATCH', `${PATH}/${id}`, { token, headers: MERGE_PATCH, body: '{"substitutions":["x"]}' })
      assertError(readOnly, 400, 'validation_failed')
      assertFieldErrors(readOnly, ['substitutions:read_only'])
    })

    it('takes only the patch media types, and answers 404 for an unknown id', async () => {
      assertError(await server.request('PATCH', `${PATH}/${id}`, { token, json: { subject: 'x' } }), 415, 'unsupported_media_type')
      assertError(await server.request('PATCH', `${PATH}/987654`, { token, headers: MERGE_PATCH, body: '{}' }), 404, 'not_found')
    })
  })

  it('offers no DELETE: 405 with Allow', async () => {
    const id = (await create(template())).id
    const response = await server.request('DELETE', `${PATH}/${id}`, { token })
    assertError(response, 405, 'method_not_allowed')
    assert.deepEqual(response.headers.get('allow')?.split(', ').sort(), ['GET', 'HEAD', 'OPTIONS', 'PATCH'])
  })

  it('needs a token (401) and admin:write to write (403); restricted users read but do not write; brands never meet', async () => {
    const id = (await create(template())).id
    assertError(await server.request('GET', `${PATH}/${id}`), 401, 'authentication_required')
    const reader = await loginAs(server, ['Read Only'])
    assert.equal((await server.request('GET', `${PATH}?page=1&pageSize=5`, { token: reader })).status, 200)
    assertError(await server.request('POST', PATH, { token: reader, json: template() }), 403, 'insufficient_permission')
    const owner = (await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody() })).body.id
    const restricted = await loginAs(server, ['Administrator'], owner)
    assert.equal((await server.request('GET', `${PATH}/${id}`, { token: restricted })).status, 200)
    assertError(await server.request('PATCH', `${PATH}/${id}`, { token: restricted, headers: MERGE_PATCH, body: '{"subject":"x"}' }), 403, 'insufficient_permission')
    const other = await otherBrandAdmin(server)
    assertError(await server.request('GET', `${PATH}/${id}`, { token: other }), 404, 'not_found')
  })

  it('runs the docs example as written', async () => {
    const stdout = await runDocExamples(server.url, ['email-templates.md'])
    assert.match(stdout, /"name":"Invoice ready".*"substitutions":\["invoiceNumber","customerName"\]/)
    assert.match(stdout, /"substitutions":\["invoiceNumber","customerName","invoiceUrl"\]/)
    assert.match(stdout, /200$/m)
  })
})
