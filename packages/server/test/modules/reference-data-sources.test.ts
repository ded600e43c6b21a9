import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { runDocExamples } from '../helpers/docs.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { brandId, loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { JSON_PATCH, MERGE_PATCH, created } from '../helpers/requests.ts'

const SOURCES = '/v1/reference-data-sources'
const GROUPS = '/v1/reference-data-source-charge-groups'
const ops = (list: unknown[]) => JSON.stringify(list)
let sequence = 0
const source = (overrides: Record<string, unknown> = {}) => ({ name: `Source ${process.pid}-${++sequence}`, ...overrides })

describe('/v1/reference-data-sources and /v1/reference-data-source-charge-groups', () => {
  let server: TestServer
  let token: string
  let chargeGroupId: number
  let sourceId: number
  /** A source Elevate maintains, and one of its charge groups: loaded as a feed would, not through the API. */
  let maintained: { source: number; group: number }
  const create = (path: string, body: Record<string, unknown>) => created(server, token, path, body)
  const group = (overrides: Record<string, unknown> = {}) => ({ name: `Group ${++sequence}`, code: `C${sequence}`, chargeGroupId, referenceDataSourceId: sourceId, startDate: '2024-01-01', ...overrides })
  before(async () => {
    server = await startTestServer()
    token = await server.login()
    const category = await create('/v1/charge-group-categories', { name: 'Calls', chargingUnitType: 'DURATION', startDate: '2024-01-01' })
    chargeGroupId = (await create('/v1/charge-groups', { name: 'Local', chargeGroupCategoryId: category.id, startDate: '2024-01-01' })).id
    sourceId = (await create(SOURCES, source())).id
    const brand = await brandId(server)
    const feed = await server.db.system.insertInto('reference_data_sources').values({ brand_id: brand, name: 'Elevate UK numbering plan', si_maintained: true }).returning('id').executeTakeFirstOrThrow()
    const row = await server.db.system
      .insertInto('reference_data_source_charge_groups')
      .values({ brand_id: brand, name: 'UK local', code: 'UKL', charge_group_id: chargeGroupId, reference_data_source_id: feed.id, start_date: '2020-01-01', end_date: null })
      .returning('id')
      .executeTakeFirstOrThrow()
    maintained = { source: feed.id, group: row.id }
  })
  after(() => server.close())

  describe('sources', () => {
    it('creates one, maintained externally: 201 with Location and ETag; the locale kept as given', async () => {
      const body = source({ locale: { id: 0, currencyCode: 'GBP', majorCurrencyName: 'pounds', minorCurrencyName: 'pence', majorCurrencyFormat: '£#,##0.00' } })
      const response = await server.request('POST', SOURCES, { token, json: body })
      assert.equal(response.status, 201, response.text)
      const { id, ...rest } = response.body
      assert.equal(response.headers.get('location'), `${SOURCES}/${id}`)
      assert.equal(response.headers.get('etag'), '"1"')
      assert.deepEqual(rest, { ...body, siMaintained: false })
      assert.deepEqual((await server.request('GET', `${SOURCES}/${id}`, { token })).body, response.body)
    })

    it('reports every invalid field at once; siMaintained is the server’s; 409 for a name taken', async () => {
      const invalid = await server.request('POST', SOURCES, { token, json: { name: '', locale: { currencyCode: 'pounds', extra: 1 }, siMaintained: true } })
      assertError(invalid, 400, 'validation_failed', SOURCES)
      assertFieldErrors(invalid, ['name:too_short', 'name:invalid_format', 'locale.id:required', 'locale.currencyCode:invalid_format', 'locale.extra:unknown_field', 'siMaintained:unknown_field'])
      assertFieldErrors(await server.request('POST', SOURCES, { token, json: {} }), ['name:required'])
      const taken = await server.request('POST', SOURCES, { token, json: { name: 'Elevate UK numbering plan' } })
      assertError(taken, 409, 'already_exists')
      assertFieldErrors(taken, ['name:already_exists'])
    })

    it('lists with the published name, locale and siMaintained filters; HEAD', async () => {
      await create(SOURCES, source({ name: `Localised ${process.pid}`, locale: { id: 7 } }))
      const byLocale = await server.request('GET', `${SOURCES}?page=1&pageSize=10&locale=7&fields=name`, { token })
      assert.deepEqual(byLocale.body, [{ name: `Localised ${process.pid}` }])
      const feeds = await server.request('GET', `${SOURCES}?page=1&pageSize=10&siMaintained=true&fields=id,siMaintained`, { token })
      assert.deepEqual(feeds.body, [{ id: maintained.source, siMaintained: true }])
      const sorted = await server.request('GET', `${SOURCES}?page=1&pageSize=1&sort=name:desc&fields=name`, { token })
      assert.match(sorted.headers.get('link') ?? '', /rel="next"/)
      assert.equal((await server.request('HEAD', `${SOURCES}?name=${encodeURIComponent('like:numbering')}`, { token })).status, 200)
      assert.equal((await server.request('HEAD', `${SOURCES}?locale=99`, { token })).status, 404)
      assertError(await server.request('GET', `${SOURCES}?page=1&pageSize=10&locale=x`, { token }), 400, 'invalid_query')
      const numbers = await server.request('GET', `${SOURCES}?page=1&pageSize=10&locale=${encodeURIComponent('in:-721,20.7,7')}&fields=name`, { token })
      assert.equal(numbers.status, 200, numbers.text)
      assert.deepEqual(numbers.body, [{ name: `Localised ${process.pid}` }], 'any number compares; only 7 matches')
      assert.equal((await server.request('HEAD', `${SOURCES}?locale=gt:6.5`, { token })).status, 200)
    })

    it('PATCH: JSON Patch only; 412, 409 failed test, 400 for siMaintained, 404', async () => {
      const { id } = await create(SOURCES, source())
      const ok = await server.request('PATCH', `${SOURCES}/${id}`, { token, headers: { ...JSON_PATCH, 'if-match': '"1"' }, body: ops([{ op: 'add', path: '/locale', value: { id: 3 } }]) })
      assert.equal(ok.status, 200, ok.text)
      assert.deepEqual([ok.body.locale, ok.headers.get('etag')], [{ id: 3 }, '"2"'])
      assertError(await server.request('PATCH', `${SOURCES}/${id}`, { token, headers: MERGE_PATCH, body: '{}' }), 415, 'unsupported_media_type')
      assertError(await server.request('PATCH', `${SOURCES}/${id}`, { token, headers: { ...JSON_PATCH, 'if-match': '"1"' }, body: '[]' }), 412, 'precondition_failed')
      assertError(await server.request('PATCH', `${SOURCES}/${id}`, { token, headers: JSON_PATCH, body: ops([{ op: 'test', path: '/siMaintained', value: true }]) }), 409, 'patch_test_failed')
      assertFieldErrors(await server.request('PATCH', `${SOURCES}/${id}`, { token, headers: JSON_PATCH, body: ops([{ op: 'replace', path: '/siMaintained', value: true }]) }), ['siMaintained:read_only'])
      assertError(await server.request('PATCH', `${SOURCES}/987654`, { token, headers: JSON_PATCH, body: '[]' }), 404, 'not_found')
    })

    it('a source Elevate maintains is shown but not changed or deleted: 409 protected_record', async () => {
      const shown = await server.request('GET', `${SOURCES}/${maintained.source}`, { token })
      assert.equal(shown.status, 200)
      const patched = await server.request('PATCH', `${SOURCES}/${maintained.source}`, { token, headers: JSON_PATCH, body: ops([{ op: 'replace', path: '/name', value: 'Mine now' }]) })
      assertError(patched, 409, 'protected_record')
      assert.match(patched.body.message, /maintained by Elevate/)
      assertError(await server.request('DELETE', `${SOURCES}/${maintained.source}`, { token }), 409, 'protected_record')
      assert.equal((await server.request('GET', `${SOURCES}/${maintained.source}`, { token })).body.name, 'Elevate UK numbering plan')
    })

    it('deletes one without charge groups (204, then 404); one with charge groups is 409 in_use', async () => {
      const { id } = await create(SOURCES, source())
      assert.equal((await server.request('DELETE', `${SOURCES}/${id}`, { token })).status, 204)
      assertError(await server.request('DELETE', `${SOURCES}/${id}`, { token }), 404, 'not_found')
      const used = await create(SOURCES, source())
      await create(GROUPS, group({ referenceDataSourceId: used.id }))
      assertError(await server.request('DELETE', `${SOURCES}/${used.id}`, { token }), 409, 'in_use')
    })
  })

  describe('source charge groups', () => {
    it('creates one: 201, got back as created; the code unique within its source', async () => {
      const body = group({ code: 'ONNET', endDate: '2030-12-31' })
      const response = await server.request('POST', GROUPS, { token, json: body })
      assert.equal(response.status, 201, response.text)
      const { id, ...rest } = response.body
      assert.equal(response.headers.get('location'), `${GROUPS}/${id}`)
      assert.deepEqual(rest, body)
      assertFieldErrors(await server.request('POST', GROUPS, { token, json: group({ code: 'ONNET' }) }), ['code:already_exists'])
      const elsewhere = await create(SOURCES, source())
      assert.equal((await server.request('POST', GROUPS, { token, json: group({ code: 'ONNET', referenceDataSourceId: elsewhere.id }) })).status, 201, 'another source may use the code')
    })

    it('reports every invalid field at once; missing references are 400 invalid_reference', async () => {
      const invalid = await server.request('POST', GROUPS, { token, json: { name: 'x', code: '', chargeGroupId: -1, referenceDataSourceId: 'a', startDate: '2024-01-01', endDate: '2023-01-01' } })
      assertError(invalid, 400, 'validation_failed', GROUPS)
      assertFieldErrors(invalid, ['code:too_short', 'code:invalid_format', 'chargeGroupId:out_of_range', 'referenceDataSourceId:invalid_type'])
      assertFieldErrors(await server.request('POST', GROUPS, { token, json: group({ endDate: '2023-01-01' }) }), ['endDate:invalid_value'])
      assertFieldErrors(await server.request('POST', GROUPS, { token, json: group({ referenceDataSourceId: 987654 }) }), ['referenceDataSourceId:invalid_reference'])
      assertFieldErrors(await server.request('POST', GROUPS, { token, json: group({ chargeGroupId: 987654 }) }), ['chargeGroupId:invalid_reference'])
    })

    it('under a source Elevate maintains nothing is created, changed, moved or deleted: 409 protected_record', async () => {
      assertError(await server.request('POST', GROUPS, { token, json: group({ referenceDataSourceId: maintained.source }) }), 409, 'protected_record')
      assert.equal((await server.request('GET', `${GROUPS}/${maintained.group}`, { token })).status, 200)
      assertError(await server.request('PATCH', `${GROUPS}/${maintained.group}`, { token, headers: JSON_PATCH, body: ops([{ op: 'replace', path: '/name', value: 'x' }]) }), 409, 'protected_record')
      assertError(await server.request('PATCH', `${GROUPS}/${maintained.group}`, { token, headers: JSON_PATCH, body: ops([{ op: 'replace', path: '/referenceDataSourceId', value: sourceId }]) }), 409, 'protected_record')
      const own = await create(GROUPS, group())
      assertError(await server.request('PATCH', `${GROUPS}/${own.id}`, { token, headers: JSON_PATCH, body: ops([{ op: 'replace', path: '/referenceDataSourceId', value: maintained.source }]) }), 409, 'protected_record')
      assertError(await server.request('DELETE', `${GROUPS}/${maintained.group}`, { token }), 409, 'protected_record')
    })

    it('lists by source, charge group and code; HEAD; PATCH 200/412/415/404; DELETE 204 then 404; a charge group in use is 409', async () => {
      const own = await create(SOURCES, source())
      const a = await create(GROUPS, group({ referenceDataSourceId: own.id, code: 'A1' }))
      await create(GROUPS, group({ referenceDataSourceId: own.id, code: 'B1' }))
      const listed = await server.request('GET', `${GROUPS}?page=1&pageSize=10&referenceDataSourceId=${own.id}&code=${encodeURIComponent('in:A1,Z9')}&fields=id,code`, { token })
      assert.deepEqual(listed.body, [{ id: a.id, code: 'A1' }])
      const byGroup = await server.request('GET', `${GROUPS}?page=1&pageSize=10&referenceDataSourceId=${own.id}&chargeGroupId=${chargeGroupId}&sort=code:desc&fields=code`, { token })
      assert.deepEqual(byGroup.body, [{ code: 'B1' }, { code: 'A1' }])
      assert.equal((await server.request('HEAD', `${GROUPS}?referenceDataSourceId=${own.id}&code=B1`, { token })).status, 200)
      assert.equal((await server.request('HEAD', `${GROUPS}?referenceDataSourceId=${own.id}&code=C1`, { token })).status, 404)
      const renamed = await server.request('PATCH', `${GROUPS}/${a.id}`, { token, headers: { ...JSON_PATCH, 'if-match': '"1"' }, body: ops([{ op: 'replace', path: '/name', value: 'Renamed' }]) })
      assert.equal(renamed.status, 200, renamed.text)
      assert.equal(renamed.headers.get('etag'), '"2"')
      assertError(await server.request('PATCH', `${GROUPS}/${a.id}`, { token, headers: { ...JSON_PATCH, 'if-match': '"1"' }, body: '[]' }), 412, 'precondition_failed')
      assertError(await server.request('PATCH', `${GROUPS}/${a.id}`, { token, headers: MERGE_PATCH, body: '{}' }), 415, 'unsupported_media_type')
      assertError(await server.request('PATCH', `${GROUPS}/987654`, { token, headers: JSON_PATCH, body: '[]' }), 404, 'not_found')
      assert.equal((await server.request('DELETE', `${GROUPS}/${a.id}`, { token })).status, 204)
      assertError(await server.request('DELETE', `${GROUPS}/${a.id}`, { token }), 404, 'not_found')
      const used = await server.request('DELETE', `/v1/charge-groups/${chargeGroupId}`, { token })
      assertError(used, 409, 'in_use')
      assert.match(used.body.message, /reference data source charge groups/)
    })
  })

  it('needs a token (401) and reference-data:write to write (403); restricted users read only; brands never meet', async () => {
    assertError(await server.request('GET', `${SOURCES}?page=1&pageSize=1`), 401, 'authentication_required')
    const reader = await loginAs(server, ['Read Only'])
    assert.equal((await server.request('GET', `${SOURCES}/${sourceId}`, { token: reader })).status, 200)
    assertError(await server.request('POST', SOURCES, { token: reader, json: source() }), 403, 'insufficient_permission')
    const owner = (await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody() })).body.id
    const restricted = await loginAs(server, ['Administrator'], owner)
    assertError(await server.request('DELETE', `${SOURCES}/${sourceId}`, { token: restricted }), 403, 'insufficient_permission')
    const other = await otherBrandAdmin(server)
    assertError(await server.request('GET', `${SOURCES}/${sourceId}`, { token: other }), 404, 'not_found')
    assertFieldErrors(await server.request('POST', GROUPS, { token: other, json: group() }), ['referenceDataSourceId:invalid_reference'])
  })

  it('runs the docs example as written', async () => {
    const stdout = await runDocExamples(server.url, ['reference-data-sources.md'])
    assert.match(stdout, /"name":"On-net calls","code":"ONNET"/)
    assert.match(stdout, /\{"name":"Internal numbering plan","siMaintained":false\}/)
  })
})
