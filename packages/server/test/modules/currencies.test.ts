import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { runDocExamples } from '../helpers/docs.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { JSON_PATCH, MERGE_PATCH, created } from '../helpers/requests.ts'

const PATH = '/v1/currencies'
/** The changes of a merge patch, written as the JSON Patch these operations take. */
const asJsonPatch = (changes: Record<string, unknown>) => JSON.stringify(Object.entries(changes).map(([key, value]) => (value === null ? { op: 'remove', path: `/${key}` } : { op: 'add', path: `/${key}`, value })))
let sequence = 0
/** A code no seeded currency has: Q and two letters from a counter. */
const freshCode = () => {
  const n = sequence++
  return `Q${String.fromCharCode(65 + Math.floor(n / 26) % 26)}${String.fromCharCode(65 + (n % 26))}`
}
const currency = (overrides: Record<string, unknown> = {}) => ({ name: 'Test Credit', code: freshCode(), majorCurrencyName: 'credits', minorCurrencyName: 'bits', ...overrides })

describe('/v1/currencies', () => {
  let server: TestServer
  let token: string
  const create = (body: Record<string, unknown>) => created(server, token, PATH, body)
  before(async () => {
    server = await startTestServer()
    token = await server.login()
  })
  after(() => server.close())

  it('starts the brand with the ISO 4217 currencies', async () => {
    const page = await server.request('GET', `${PATH}?page=1&pageSize=1000&sort=code`, { token })
    assert.equal(page.status, 200, page.text)
    const codes = page.body.map((c: { code: string }) => c.code)
    assert.ok(codes.length >= 150, `${codes.length} currencies`)
    for (const code of ['GBP', 'EUR', 'USD', 'JPY', 'ZAR']) assert.ok(codes.includes(code), code)
    const gbp = page.body.find((c: { code: string }) => c.code === 'GBP')
    assert.deepEqual({ ...gbp, id: undefined }, { id: undefined, name: 'Pound Sterling', code: 'GBP', majorCurrencyName: 'pounds', minorCurrencyName: 'pence' })
    for (const c of page.body) assert.ok(c.majorCurrencyName.length <= 10 && c.minorCurrencyName.length <= 10, c.code)
  })

  it('creates one: 201 with Location and ETag, got back as created', async () => {
    const body = currency({ name: 'Internal Credit' })
    const response = await server.request('POST', PATH, { token, json: body })
    assert.equal(response.status, 201, response.text)
    const { id, ...rest } = response.body
    assert.equal(response.headers.get('location'), `${PATH}/${id}`)
    assert.equal(response.headers.get('etag'), '"1"')
    assert.deepEqual(rest, body)
    const fetched = await server.request('GET', `${PATH}/${id}`, { token })
    assert.equal(fetched.status, 200)
    assert.equal(fetched.headers.get('etag'), '"1"')
    assert.deepEqual(fetched.body, response.body)
  })

  it('reports every invalid field of a create at once; 409 for a code the brand has; 415 for a body not JSON', async () => {
    const invalid = await server.request('POST', PATH, { token, json: { name: 'x'.repeat(51), code: 'gbp', majorCurrencyName: 'x'.repeat(11), minorCurrencyName: 5, symbol: '£' } })
    assertError(invalid, 400, 'validation_failed', PATH)
    assertFieldErrors(invalid, ['name:too_long', 'code:invalid_format', 'majorCurrencyName:too_long', 'minorCurrencyName:invalid_type', 'symbol:unknown_field'])
    assertFieldErrors(await server.request('POST', PATH, { token, json: {} }), ['name:required', 'code:required', 'majorCurrencyName:required', 'minorCurrencyName:required'])
    const duplicate = await server.request('POST', PATH, { token, json: currency({ code: 'GBP' }) })
    assertError(duplicate, 409, 'already_exists')
    assertFieldErrors(duplicate, ['code:already_exists'])
    assertError(await server.request('POST', PATH, { token, body: 'code=GBP', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type')
  })

  it('lists with the published name and code filters, sort, fields and paging; HEAD says whether any matches', async () => {
    const page = await server.request('GET', `${PATH}?page=1&pageSize=2&code=${encodeURIComponent('in:USD,GBP,EUR')}&sort=code:desc&fields=code`, { token })
    assert.equal(page.status, 200, page.text)
    assert.deepEqual(page.body, [{ code: 'USD' }, { code: 'GBP' }])
    assert.match(page.headers.get('link') ?? '', /rel="next"/)
    const liked = await server.request('GET', `${PATH}?page=1&pageSize=100&name=${encodeURIComponent('like:sterling')}&fields=code`, { token })
    assert.deepEqual(liked.body, [{ code: 'GBP' }])
    assert.equal((await server.request('HEAD', `${PATH}?name=${encodeURIComponent('like:STERL%')}`, { token })).status, 404, 'with % the pattern is anchored')
    assert.equal((await server.request('HEAD', `${PATH}?name=${encodeURIComponent('like:POUND%')}`, { token })).status, 200)
    assert.equal((await server.request('HEAD', `${PATH}?code=EUR`, { token })).status, 200)
    const none = await server.request('HEAD', `${PATH}?code=QQQ`, { token })
    assert.equal(none.status, 404)
    assert.equal(none.text, '')
    assertError(await server.request('GET', `${PATH}?page=1&pageSize=10&majorCurrencyName=pounds`, { token }), 400, 'invalid_query')
    assertError(await server.request('GET', `${PATH}?page=1&pageSize=10&sort=minorCurrencyName`, { token }), 400, 'invalid_query')
    assertError(await server.request('GET', `${PATH}?pageSize=10`, { token }), 400, 'invalid_query')
  })

  it('finds a name by like: whatever the case of either, beyond ASCII too (its stored lower case follows a rename)', async () => {
    const codes = async (like: string) => {
      const page = await server.request('GET', `${PATH}?page=1&pageSize=100&name=${encodeURIComponent(`like:${like}`)}&fields=code`, { token })
      assert.equal(page.status, 200, page.text)
      return page.body.map((c: { code: string }) => c.code)
    }
    const { id, code } = await create(currency({ name: 'Écu Ægir Straße' }))
    for (const like of ['écu', 'ÉCU', 'ÆGIR', 'STRAßE', 'é%E', 'e_U%']) assert.deepEqual(await codes(like), like === 'e_U%' ? [] : [code], like)
    const renamed = await server.request('PATCH', `${PATH}/${id}`, { token, headers: JSON_PATCH, body: asJsonPatch({ name: 'Øre Unit' }) })
    assert.equal(renamed.status, 200, renamed.text)
    assert.deepEqual(await codes('øRE'), [code])
    assert.deepEqual(await codes('écu'), [])
  })

  it('matches a like: pattern as LIKE does, its escapes too; one that ends in a lone \\ is a 400', async () => {
    const matches = async (like: string) => {
      const page = await server.request('GET', `${PATH}?page=1&pageSize=100&name=${encodeURIComponent(`like:${like}`)}&fields=code`, { token })
      assert.equal(page.status, 200, page.text)
      return page.body.length > 0
    }
    await create(currency({ name: 'Half_Off 50% \\ Unit' }))
    const cases: Array<[string, boolean]> = [
      ['half\\_off%', true],
      ['half\\%off%', false],
      ['%50\\%%', true],
      ['%50\\% \\\\ u%', true],
      ['half_off', true],
      ['half-off', false],
      ['%unit\\\\', false],
    ]
    for (const [like, expected] of cases) assert.equal(await matches(like), expected, like)
    for (const like of ['%unit\\', '%unit\\\\\\', '%\\']) {
      assertError(await server.request('GET', `${PATH}?page=1&pageSize=10&name=${encodeURIComponent(`like:${like}`)}`, { token }), 400, 'invalid_query')
    }
  })

  it('answers 404 for an unknown id and 400 for an id that is not one', async () => {
    assertError(await server.request('GET', `${PATH}/987654`, { token }), 404, 'not_found')
    assertError(await server.request('GET', `${PATH}/abc`, { token }), 400, 'invalid_path_parameter')
  })

  describe('PATCH', () => {
    let id: number
    before(async () => {
      id = (await create(currency())).id
    })

    it('takes JSON Patch with If-Match, as the Reference Data API does; a merge patch is 415', async () => {
      assertError(await server.request('PATCH', `${PATH}/${id}`, { token, headers: MERGE_PATCH, body: '{"name":"x"}' }), 415, 'unsupported_media_type')
      const merged = await server.request('PATCH', `${PATH}/${id}`, { token, headers: { ...JSON_PATCH, 'if-match': '"1"' }, body: asJsonPatch({"minorCurrencyName":"cents"}) })
      assert.equal(merged.status, 200, merged.text)
      assert.equal(merged.headers.get('etag'), '"2"')
      assert.equal(merged.body.minorCurrencyName, 'cents')
      const patched = await server.request('PATCH', `${PATH}/${id}`, { token, headers: { ...JSON_PATCH, 'if-match': '"2"' }, body: JSON.stringify([{ op: 'test', path: '/minorCurrencyName', value: 'cents' }, { op: 'replace', path: '/name', value: 'Renamed Credit' }]) })
      assert.equal(patched.status, 200, patched.text)
      assert.equal(patched.body.name, 'Renamed Credit')
      assert.equal((await server.request('GET', `${PATH}/${id}`, { token })).body.name, 'Renamed Credit')
    })

    it('answers a stale If-Match with 412, a failed test and a taken code with 409, an invalid patch with 400', async () => {
      assertError(await server.request('PATCH', `${PATH}/${id}`, { token, headers: { ...JSON_PATCH, 'if-match': '"1"' }, body: asJsonPatch({"name":"Stale"}) }), 412, 'precondition_failed')
      assertError(await server.request('PATCH', `${PATH}/${id}`, { token, headers: JSON_PATCH, body: JSON.stringify([{ op: 'test', path: '/code', value: 'GBP' }]) }), 409, 'patch_test_failed')
      const taken = await server.request('PATCH', `${PATH}/${id}`, { token, headers: JSON_PATCH, body: asJsonPatch({"code":"EUR"}) })
      assertError(taken, 409, 'already_exists')
      assertFieldErrors(taken, ['code:already_exists'])
      const invalid = await server.request('PATCH', `${PATH}/${id}`, { token, headers: JSON_PATCH, body: asJsonPatch({"code":"E","name":null}) })
      assertError(invalid, 400, 'validation_failed')
      assertFieldErrors(invalid, ['name:required', 'code:invalid_format'])
      assertFieldErrors(await server.request('PATCH', `${PATH}/${id}`, { token, headers: JSON_PATCH, body: '[{"op":"replace","path":"/id","value":1}]' }), ['id:read_only'])
      assertError(await server.request('PATCH', `${PATH}/${id}`, { token, json: { name: 'x' } }), 415, 'unsupported_media_type')
      assertError(await server.request('PATCH', `${PATH}/987654`, { token, headers: JSON_PATCH, body: asJsonPatch({}) }), 404, 'not_found')
    })
  })

  it('deletes one: 204, then 404', async () => {
    const id = (await create(currency())).id
    const deleted = await server.request('DELETE', `${PATH}/${id}`, { token })
    assert.equal(deleted.status, 204, deleted.text)
    assertError(await server.request('GET', `${PATH}/${id}`, { token }), 404, 'not_found')
    assertError(await server.request('DELETE', `${PATH}/${id}`, { token }), 404, 'not_found')
  })

  it('needs a token (401) and reference-data:write to write (403); restricted users read but do not write; brands never meet', async () => {
    const id = (await create(currency())).id
    assertError(await server.request('GET', `${PATH}?page=1&pageSize=1`), 401, 'authentication_required')
    const reader = await loginAs(server, ['Read Only'])
    assert.equal((await server.request('GET', `${PATH}/${id}`, { token: reader })).status, 200)
    assertError(await server.request('POST', PATH, { token: reader, json: currency() }), 403, 'insufficient_permission')
    assertError(await server.request('DELETE', `${PATH}/${id}`, { token: reader }), 403, 'insufficient_permission')
    const owner = (await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody() })).body.id
    const restricted = await loginAs(server, ['Administrator'], owner)
    assert.equal((await server.request('GET', `${PATH}/${id}`, { token: restricted })).status, 200)
    assertError(await server.request('PATCH', `${PATH}/${id}`, { token: restricted, headers: JSON_PATCH, body: asJsonPatch({"name":"Mine"}) }), 403, 'insufficient_permission')
    assertError(await server.request('DELETE', `${PATH}/${id}`, { token: restricted }), 403, 'insufficient_permission')
    assert.equal((await server.request('GET', `${PATH}/${id}`, { token })).status, 200, 'still there')
    const other = await otherBrandAdmin(server)
    assertError(await server.request('GET', `${PATH}/${id}`, { token: other }), 404, 'not_found')
    assertError(await server.request('DELETE', `${PATH}/${id}`, { token: other }), 404, 'not_found')
  })

  it('answers 405 with Allow for a method the collection does not take', async () => {
    const response = await server.request('PUT', PATH, { token, json: {} })
    assertError(response, 405, 'method_not_allowed')
    assert.deepEqual(response.headers.get('allow')?.split(', ').sort(), ['GET', 'HEAD', 'OPTIONS', 'POST'])
  })

  it('runs the docs example as written', async () => {
    const stdout = await runDocExamples(server.url, ['currencies.md'])
    assert.match(stdout, /^\[\{"name":"Euro","code":"EUR"\},\{"name":"Pound Sterling","code":"GBP"\}\]$/m)
    assert.match(stdout, /"minorCurrencyName":"cents"/)
    assert.match(stdout, /^204$/m)
  })
})
