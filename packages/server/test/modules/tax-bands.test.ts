import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { runDocExamples } from '../helpers/docs.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { JSON_PATCH, MERGE_PATCH, created } from '../helpers/requests.ts'

const BANDS = '/v1/tax-bands'
const RATES = '/v1/tax-band-rates'
/** The changes of a merge patch, written as the JSON Patch these operations take. */
const asJsonPatch = (changes: Record<string, unknown>) => JSON.stringify(Object.entries(changes).map(([key, value]) => (value === null ? { op: 'remove', path: `/${key}` } : { op: 'add', path: `/${key}`, value })))
let sequence = 0
const band = (overrides: Record<string, unknown> = {}) => {
  const n = ++sequence
  return { code: `B${n}`, name: `Band ${process.pid}-${n}`, defaultBand: false, ...overrides }
}

describe('/v1/tax-bands and /v1/tax-band-rates', () => {
  let server: TestServer
  let token: string
  const create = (path: string, body: Record<string, unknown>) => created(server, token, path, body)
  before(async () => {
    server = await startTestServer()
    token = await server.login()
  })
  after(() => server.close())

  it('starts the brand with one standard band, the default, at 20% from 2011-01-04', async () => {
    const bands = await server.request('GET', `${BANDS}?page=1&pageSize=10`, { token })
    assert.equal(bands.status, 200, bands.text)
    assert.equal(bands.body.length, 1)
    const [standard] = bands.body
    assert.deepEqual({ ...standard, id: undefined }, { id: undefined, code: 'T1', name: 'Standard', defaultBand: true, usedForEtc: true })
    const rates = await server.request('GET', `${RATES}?page=1&pageSize=10&taxBandId=${standard.id}`, { token })
    assert.deepEqual(rates.body.map(({ id: _, ...rate }: { id: number }) => rate), [{ taxBandId: standard.id, rate: 20, startDate: '2011-01-04' }])
  })

  describe('tax bands', () => {
    it('creates one: 201 with Location and ETag; usedForEtc false unless asked for', async () => {
      const body = band()
      const response = await server.request('POST', BANDS, { token, json: body })
      assert.equal(response.status, 201, response.text)
      const { id, ...rest } = response.body
      assert.equal(response.headers.get('location'), `${BANDS}/${id}`)
      assert.equal(response.headers.get('etag'), '"1"')
      assert.deepEqual(rest, { ...body, usedForEtc: false })
      const fetched = await server.request('GET', `${BANDS}/${id}`, { token })
      assert.equal(fetched.status, 200)
      assert.deepEqual(fetched.body, response.body)
    })

    it('reports every invalid field at once; 409 for a code or name the brand has', async () => {
      const invalid = await server.request('POST', BANDS, { token, json: { code: 'x'.repeat(11), name: 'x'.repeat(51), defaultBand: 'yes', usedForEtc: 1, rate: 20 } })
      assertError(invalid, 400, 'validation_failed', BANDS)
      assertFieldErrors(invalid, ['code:too_long', 'name:too_long', 'defaultBand:invalid_type', 'usedForEtc:invalid_type', 'rate:unknown_field'])
      assertFieldErrors(await server.request('POST', BANDS, { token, json: {} }), ['code:required', 'name:required', 'defaultBand:required'])
      const code = await server.request('POST', BANDS, { token, json: band({ code: 'T1' }) })
      assertError(code, 409, 'already_exists')
      assertFieldErrors(code, ['code:already_exists'])
      assertFieldErrors(await server.request('POST', BANDS, { token, json: band({ name: 'Standard' }) }), ['name:already_exists'])
      assertError(await server.request('POST', BANDS, { token, body: 'code=T9', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type')
    })

    it('moves defaultBand and usedForEtc to the band that takes them, changing the other band’s ETag', async () => {
      const [standard] = (await server.request('GET', `${BANDS}?page=1&pageSize=1&code=T1`, { token })).body
      const before = (await server.request('GET', `${BANDS}/${standard.id}`, { token })).headers.get('etag')
      const taker = await create(BANDS, band({ defaultBand: true, usedForEtc: true }))
      const defaults = await server.request('GET', `${BANDS}?page=1&pageSize=10&defaultBand=true&fields=id`, { token })
      assert.deepEqual(defaults.body, [{ id: taker.id }])
      const etc = await server.request('GET', `${BANDS}?page=1&pageSize=10&usedForEtc=true&fields=id`, { token })
      assert.deepEqual(etc.body, [{ id: taker.id }])
      const old = await server.request('GET', `${BANDS}/${standard.id}`, { token })
      assert.equal(old.body.defaultBand, false)
      assert.notEqual(old.headers.get('etag'), before)
      const back = await server.request('PATCH', `${BANDS}/${standard.id}`, { token, headers: JSON_PATCH, body: asJsonPatch({"defaultBand":true,"usedForEtc":true}) })
      assert.equal(back.status, 200, back.text)
      assert.equal((await server.request('GET', `${BANDS}/${taker.id}`, { token })).body.defaultBand, false)
      assert.equal((await server.request('HEAD', `${BANDS}?defaultBand=true&code=T1`, { token })).status, 200)
      assert.equal((await server.request('HEAD', `${BANDS}?defaultBand=true&code=${taker.code}`, { token })).status, 404)
    })

    it('lists with the filters, sort, fields and paging; refuses others', async () => {
      const stem = `Listed ${process.pid}`
      for (const suffix of ['B', 'A', 'C']) await create(BANDS, band({ name: `${stem} ${suffix}` }))
      const page = await server.request('GET', `${BANDS}?page=1&pageSize=2&name=${encodeURIComponent(`like:${stem}`)}&sort=name:desc&fields=name`, { token })
      assert.deepEqual(page.body, [{ name: `${stem} C` }, { name: `${stem} B` }])
      assert.match(page.headers.get('link') ?? '', /rel="next"/)
      assertError(await server.request('GET', `${BANDS}?page=1&pageSize=10&sort=defaultBand`, { token }), 400, 'invalid_query')
      assertError(await server.request('GET', `${BANDS}?page=1&pageSize=10&defaultBand=maybe`, { token }), 400, 'invalid_query')
    })

    it('PATCH (JSON Patch only): If-Match 412, failed test 409, taken name 409, invalid 400, fixed id 400, 415, 404', async () => {
      const { id } = await create(BANDS, band())
      const ok = await server.request('PATCH', `${BANDS}/${id}`, { token, headers: { ...JSON_PATCH, 'if-match': '"1"' }, body: '[{"op":"replace","path":"/code","value":"Z9"}]' })
      assert.equal(ok.status, 200, ok.text)
      assert.equal(ok.headers.get('etag'), '"2"')
      assertError(await server.request('PATCH', `${BANDS}/${id}`, { token, headers: { ...JSON_PATCH, 'if-match': '"1"' }, body: asJsonPatch({"name":"Stale"}) }), 412, 'precondition_failed')
      assertError(await server.request('PATCH', `${BANDS}/${id}`, { token, headers: JSON_PATCH, body: '[{"op":"test","path":"/code","value":"T1"}]' }), 409, 'patch_test_failed')
      assertFieldErrors(await server.request('PATCH', `${BANDS}/${id}`, { token, headers: JSON_PATCH, body: asJsonPatch({"name":"Standard"}) }), ['name:already_exists'])
      assertFieldErrors(await server.request('PATCH', `${BANDS}/${id}`, { token, headers: JSON_PATCH, body: asJsonPatch({"defaultBand":null,"code":""}) }), ['code:too_short', 'code:invalid_format', 'defaultBand:required'])
      assertFieldErrors(await server.request('PATCH', `${BANDS}/${id}`, { token, headers: JSON_PATCH, body: '[{"op":"replace","path":"/id","value":1}]' }), ['id:read_only'])
      assertError(await server.request('PATCH', `${BANDS}/${id}`, { token, json: {} }), 415, 'unsupported_media_type')
      assertError(await server.request('PATCH', `${BANDS}/${id}`, { token, headers: MERGE_PATCH, body: '{}' }), 415, 'unsupported_media_type')
      assertError(await server.request('PATCH', `${BANDS}/987654`, { token, headers: JSON_PATCH, body: asJsonPatch({}) }), 404, 'not_found')
    })

    it('deletes a band with its rates: 204, then 404', async () => {
      const { id } = await create(BANDS, band())
      const rate = await create(RATES, { taxBandId: id, rate: 5, startDate: '2020-01-01' })
      assert.equal((await server.request('DELETE', `${BANDS}/${id}`, { token })).status, 204)
      assertError(await server.request('GET', `${BANDS}/${id}`, { token }), 404, 'not_found')
      assertError(await server.request('GET', `${RATES}/${rate.id}`, { token }), 404, 'not_found')
      assertError(await server.request('DELETE', `${BANDS}/${id}`, { token }), 404, 'not_found')
      assertError(await server.request('GET', `${BANDS}/abc`, { token }), 400, 'invalid_path_parameter')
    })
  })

  describe('tax band rates', () => {
    let bandId: number
    before(async () => {
      bandId = (await create(BANDS, band())).id
    })

    it('creates one with an exact rate: 201, got back digit for digit', async () => {
      const response = await server.request('POST', RATES, { token, body: `{"taxBandId":${bandId},"rate":17.5,"startDate":"2008-12-01","endDate":"2009-12-31"}`, headers: { 'content-type': 'application/json' } })
      assert.equal(response.status, 201, response.text)
      assert.equal(response.headers.get('location'), `${RATES}/${response.body.id}`)
      assert.match(response.text, /"rate":17\.5,/)
      const precise = await create(RATES, { taxBandId: bandId, rate: 0.0001, startDate: '1990-01-01', endDate: '1990-12-31' })
      const fetched = await server.request('GET', `${RATES}/${precise.id}`, { token })
      assert.match(fetched.text, /"rate":0\.0001,/)
    })

    it('reports every invalid field at once: digits, range, dates, the end before the start', async () => {
      const invalid = await server.request('POST', RATES, { token, json: { taxBandId: 0, rate: 12.34567, startDate: '2020-02-30', endDate: 'soon' } })
      assertError(invalid, 400, 'validation_failed', RATES)
      assertFieldErrors(invalid, ['taxBandId:out_of_range', 'rate:invalid_value', 'startDate:invalid_format', 'endDate:invalid_format'])
      assertFieldErrors(await server.request('POST', RATES, { token, json: { taxBandId: bandId, rate: 100.5, startDate: '2020-01-01' } }), ['rate:out_of_range'])
      assertFieldErrors(await server.request('POST', RATES, { token, json: { taxBandId: bandId, rate: '20', startDate: '2020-01-01' } }), ['rate:invalid_type'])
      assertFieldErrors(await server.request('POST', RATES, { token, json: {} }), ['taxBandId:required', 'rate:required', 'startDate:required'])
      const order = await server.request('POST', RATES, { token, json: { taxBandId: bandId, rate: 5, startDate: '2020-01-02', endDate: '2020-01-01' } })
      assertError(order, 400, 'validation_failed')
      assertFieldErrors(order, ['endDate:invalid_value'])
      const missing = await server.request('POST', RATES, { token, json: { taxBandId: 987654, rate: 5, startDate: '2020-01-01' } })
      assertError(missing, 400, 'invalid_reference')
      assertFieldErrors(missing, ['taxBandId:invalid_reference'])
    })

    it('refuses a rate sharing a date with another of the band: 409 overlapping_period; other bands do not count', async () => {
      const { id } = await create(BANDS, band())
      const first = await create(RATES, { taxBandId: id, rate: 15, startDate: '2009-01-01', endDate: '2009-12-31' })
      const open = await create(RATES, { taxBandId: id, rate: 20, startDate: '2011-01-04' })
      for (const period of [{ startDate: '2009-12-31', endDate: '2010-06-30' }, { startDate: '2030-01-01' }, { startDate: '2000-01-01' }]) {
        const clash = await server.request('POST', RATES, { token, json: { taxBandId: id, rate: 17.5, ...period } })
        assertError(clash, 409, 'overlapping_period')
        assertFieldErrors(clash, ['startDate:overlapping_period'])
      }
      assert.equal((await server.request('POST', RATES, { token, json: { taxBandId: id, rate: 17.5, startDate: '2010-01-01', endDate: '2011-01-03' } })).status, 201, 'the gap is free')
      assert.equal((await server.request('POST', RATES, { token, json: { taxBandId: bandId, rate: 1, startDate: '2015-06-01', endDate: '2015-06-30' } })).status, 201, 'another band')
      const moved = await server.request('PATCH', `${RATES}/${first.id}`, { token, headers: JSON_PATCH, body: asJsonPatch({"endDate":"2011-01-04"}) })
      assertError(moved, 409, 'overlapping_period')
      assert.match(moved.body.message, /overlaps tax band rate \d+ \(2010-01-01 to 2011-01-03\)/)
      const reopened = await server.request('PATCH', `${RATES}/${first.id}`, { token, headers: JSON_PATCH, body: asJsonPatch({"startDate":"2012-01-01","endDate":null}) })
      assertError(reopened, 409, 'overlapping_period')
      assert.match(reopened.body.message, new RegExp(`tax band rate ${open.id} \\(2011-01-04 to no end date\\)`))
      const ended = await server.request('PATCH', `${RATES}/${open.id}`, { token, headers: { ...JSON_PATCH, 'if-match': '"1"' }, body: asJsonPatch({"endDate":"2020-12-31","rate":20.5}) })
      assert.equal(ended.status, 200, ended.text)
      assert.deepEqual([ended.body.endDate, ended.body.rate, ended.headers.get('etag')], ['2020-12-31', 20.5, '"2"'])
    })

    it('lists by band and dates; HEAD; PATCH 412, fixed taxBandId 400, 404; DELETE 204 then 404', async () => {
      const { id } = await create(BANDS, band())
      const a = await create(RATES, { taxBandId: id, rate: 10, startDate: '2001-01-01', endDate: '2001-12-31' })
      const b = await create(RATES, { taxBandId: id, rate: 12, startDate: '2002-01-01' })
      const current = await server.request('GET', `${RATES}?page=1&pageSize=10&taxBandId=${id}&startDate=lt:2005-06-01&endDate=gtn:2005-05-31&fields=id,rate`, { token })
      assert.deepEqual(current.body, [{ id: b.id, rate: 12 }])
      const sorted = await server.request('GET', `${RATES}?page=1&pageSize=10&taxBandId=${id}&sort=startDate:desc&fields=id`, { token })
      assert.deepEqual(sorted.body, [{ id: b.id }, { id: a.id }])
      assert.equal((await server.request('HEAD', `${RATES}?taxBandId=${id}&startDate=2001-01-01`, { token })).status, 200)
      assert.equal((await server.request('HEAD', `${RATES}?taxBandId=${id}&startDate=2003-01-01`, { token })).status, 404)
      assertError(await server.request('GET', `${RATES}?page=1&pageSize=10&rate=12`, { token }), 400, 'invalid_query')
      assertError(await server.request('PATCH', `${RATES}/${a.id}`, { token, headers: { ...JSON_PATCH, 'if-match': '"7"' }, body: asJsonPatch({"rate":11}) }), 412, 'precondition_failed')
      assertFieldErrors(await server.request('PATCH', `${RATES}/${a.id}`, { token, headers: JSON_PATCH, body: asJsonPatch({ taxBandId: bandId }) }), ['taxBandId:read_only'])
      assertFieldErrors(await server.request('PATCH', `${RATES}/${a.id}`, { token, headers: JSON_PATCH, body: asJsonPatch({"rate":1.23456}) }), ['rate:invalid_value'])
      assertError(await server.request('PATCH', `${RATES}/${a.id}`, { token, headers: MERGE_PATCH, body: '{"rate":11}' }), 415, 'unsupported_media_type')
      assertError(await server.request('PATCH', `${RATES}/987654`, { token, headers: JSON_PATCH, body: asJsonPatch({}) }), 404, 'not_found')
      assert.equal((await server.request('DELETE', `${RATES}/${a.id}`, { token })).status, 204)
      assertError(await server.request('DELETE', `${RATES}/${a.id}`, { token }), 404, 'not_found')
    })
  })

  it('needs a token (401) and reference-data:write to write (403); restricted users read only; brands never meet', async () => {
    const { id } = await create(BANDS, band())
    assertError(await server.request('GET', `${RATES}?page=1&pageSize=1`), 401, 'authentication_required')
    const reader = await loginAs(server, ['Read Only'])
    assert.equal((await server.request('GET', `${BANDS}/${id}`, { token: reader })).status, 200)
    assertError(await server.request('POST', RATES, { token: reader, json: { taxBandId: id, rate: 1, startDate: '2020-01-01' } }), 403, 'insufficient_permission')
    const owner = (await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody() })).body.id
    const restricted = await loginAs(server, ['Administrator'], owner)
    assertError(await server.request('POST', BANDS, { token: restricted, json: band() }), 403, 'insufficient_permission')
    const other = await otherBrandAdmin(server)
    assertError(await server.request('GET', `${BANDS}/${id}`, { token: other }), 404, 'not_found')
    const foreign = await server.request('POST', RATES, { token: other, json: { taxBandId: id, rate: 1, startDate: '2020-01-01' } })
    assertError(foreign, 400, 'invalid_reference')
  })

  it('runs the docs example as written', async () => {
    const stdout = await runDocExamples(server.url, ['tax-bands.md'])
    assert.match(stdout, /"rate":5,"startDate":"1997-09-01"/)
    assert.match(stdout, /^\[\{"rate":5,"startDate":"1997-09-01"\}\]$/m)
    assert.match(stdout, /^409$/m)
  })
})
