import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { runDocExamples } from '../helpers/docs.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { JSON_PATCH, MERGE_PATCH, created } from '../helpers/requests.ts'

const CATEGORIES = '/v1/charge-group-categories'
const GROUPS = '/v1/charge-groups'
const patchOps = (ops: unknown[]) => JSON.stringify(ops)
let sequence = 0
const category = (overrides: Record<string, unknown> = {}) => ({ name: `Category ${process.pid}-${++sequence}`, chargingUnitType: 'DURATION', startDate: '2024-01-01', ...overrides })
const FLAGS = { requiresAccessCharge: false, dontShowOnItemisation: false, applicableForDrcVat: false, applyUsageCap: false }

describe('/v1/charge-group-categories and /v1/charge-groups', () => {
  let server: TestServer
  let token: string
  let categoryId: number
  let taxBandId: number
  const create = (path: string, body: Record<string, unknown>) => created(server, token, path, body)
  const group = (overrides: Record<string, unknown> = {}) => ({ name: `Group ${process.pid}-${++sequence}`, chargeGroupCategoryId: categoryId, startDate: '2024-01-01', ...overrides })
  before(async () => {
    server = await startTestServer()
    token = await server.login()
    categoryId = (await create(CATEGORIES, category())).id
    taxBandId = (await server.request('GET', '/v1/tax-bands?page=1&pageSize=1&defaultBand=true', { token })).body[0].id
  })
  after(() => server.close())

  describe('categories', () => {
    it('creates one: 201 with Location and ETag, got back as created', async () => {
      const body = category({ chargingUnitType: 'DATA', endDate: '2024-12-31' })
      const response = await server.request('POST', CATEGORIES, { token, json: body })
      assert.equal(response.status, 201, response.text)
      const { id, ...rest } = response.body
      assert.equal(response.headers.get('location'), `${CATEGORIES}/${id}`)
      assert.equal(response.headers.get('etag'), '"1"')
      assert.deepEqual(rest, body)
      assert.deepEqual((await server.request('GET', `${CATEGORIES}/${id}`, { token })).body, response.body)
    })

    it('reports every invalid field at once; the end before the start is 400', async () => {
      const invalid = await server.request('POST', CATEGORIES, { token, json: { name: 'x'.repeat(256), chargingUnitType: 'SECONDS', startDate: '2024-13-01', unit: 1 } })
      assertError(invalid, 400, 'validation_failed', CATEGORIES)
      assertFieldErrors(invalid, ['name:too_long', 'chargingUnitType:invalid_value', 'startDate:invalid_format', 'unit:unknown_field'])
      assertFieldErrors(await server.request('POST', CATEGORIES, { token, json: {} }), ['name:required', 'chargingUnitType:required', 'startDate:required'])
      assertFieldErrors(await server.request('POST', CATEGORIES, { token, json: category({ endDate: '2023-12-31' }) }), ['endDate:invalid_value'])
      assertError(await server.request('POST', CATEGORIES, { token, body: 'name=x', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type')
    })

    it('lists with the published name, startDate and endDate filters; HEAD; refuses others', async () => {
      const stem = `Dated ${process.pid}`
      await create(CATEGORIES, category({ name: `${stem} old`, startDate: '2020-01-01', endDate: '2020-12-31' }))
      await create(CATEGORIES, category({ name: `${stem} new`, startDate: '2021-01-01' }))
      const current = await server.request('GET', `${CATEGORIES}?page=1&pageSize=10&name=${encodeURIComponent(`like:${stem}`)}&endDate=gtn:2022-01-01&fields=name`, { token })
      assert.deepEqual(current.body, [{ name: `${stem} new` }])
      const sorted = await server.request('GET', `${CATEGORIES}?page=1&pageSize=1&name=${encodeURIComponent(`like:${stem}`)}&sort=startDate:desc&fields=name`, { token })
      assert.deepEqual(sorted.body, [{ name: `${stem} new` }])
      assert.match(sorted.headers.get('link') ?? '', /rel="next"/)
      assert.equal((await server.request('HEAD', `${CATEGORIES}?startDate=lt:2020-06-01&name=${encodeURIComponent(`like:${stem}`)}`, { token })).status, 200)
      assert.equal((await server.request('HEAD', `${CATEGORIES}?startDate=lt:2000-01-01`, { token })).status, 404)
      assertError(await server.request('GET', `${CATEGORIES}?page=1&pageSize=10&chargingUnitType=DATA`, { token }), 400, 'invalid_query')
    })

    it('PATCH takes JSON Patch only (415 for a merge patch), with If-Match 412, failed test 409, validation 400, 404', async () => {
      const { id } = await create(CATEGORIES, category())
      const ok = await server.request('PATCH', `${CATEGORIES}/${id}`, { token, headers: { ...JSON_PATCH, 'if-match': '"1"' }, body: patchOps([{ op: 'add', path: '/endDate', value: '2024-06-30' }]) })
      assert.equal(ok.status, 200, ok.text)
      assert.deepEqual([ok.body.endDate, ok.headers.get('etag')], ['2024-06-30', '"2"'])
      assertError(await server.request('PATCH', `${CATEGORIES}/${id}`, { token, headers: MERGE_PATCH, body: '{"name":"x"}' }), 415, 'unsupported_media_type')
      assertError(await server.request('PATCH', `${CATEGORIES}/${id}`, { token, headers: { ...JSON_PATCH, 'if-match': '"1"' }, body: '[]' }), 412, 'precondition_failed')
      assertError(await server.request('PATCH', `${CATEGORIES}/${id}`, { token, headers: JSON_PATCH, body: patchOps([{ op: 'test', path: '/chargingUnitType', value: 'DATA' }]) }), 409, 'patch_test_failed')
      assertFieldErrors(await server.request('PATCH', `${CATEGORIES}/${id}`, { token, headers: JSON_PATCH, body: patchOps([{ op: 'replace', path: '/endDate', value: '2023-01-01' }]) }), ['endDate:invalid_value'])
      assertFieldErrors(await server.request('PATCH', `${CATEGORIES}/${id}`, { token, headers: JSON_PATCH, body: patchOps([{ op: 'remove', path: '/name' }, { op: 'replace', path: '/chargingUnitType', value: 'x' }]) }), ['name:required', 'chargingUnitType:invalid_value'])
      assertError(await server.request('PATCH', `${CATEGORIES}/987654`, { token, headers: JSON_PATCH, body: '[]' }), 404, 'not_found')
    })

    it('deletes one without groups (204); one with groups is 409 in_use', async () => {
      const empty = await create(CATEGORIES, category())
      assert.equal((await server.request('DELETE', `${CATEGORIES}/${empty.id}`, { token })).status, 204)
      assertError(await server.request('DELETE', `${CATEGORIES}/${empty.id}`, { token }), 404, 'not_found')
      const used = await create(CATEGORIES, category())
      await create(GROUPS, group({ chargeGroupCategoryId: used.id }))
      const refused = await server.request('DELETE', `${CATEGORIES}/${used.id}`, { token })
      assertError(refused, 409, 'in_use')
      assert.match(refused.body.message, /charge groups/)
    })
  })

  describe('charge groups', () => {
    it('creates one with the published defaults: 201, flags off unless asked for', async () => {
      const body = group({ type: 'NATIONAL', applyUsageCap: true, taxBandId })
      const response = await server.request('POST', GROUPS, { token, json: body })
      assert.equal(response.status, 201, response.text)
      const { id, ...rest } = response.body
      assert.equal(response.headers.get('location'), `${GROUPS}/${id}`)
      assert.deepEqual(rest, { ...FLAGS, ...body })
      assert.deepEqual((await server.request('GET', `${GROUPS}/${id}`, { token })).body, response.body)
    })

    it('reports every invalid field at once; a category or tax band that is not there is 400 invalid_reference', async () => {
      const invalid = await server.request('POST', GROUPS, { token, json: { name: '', chargeGroupCategoryId: 'one', type: 'INTERNATIONAL', startDate: 'now', applyUsageCap: 'yes', taxBandId: 0 } })
      assertError(invalid, 400, 'validation_failed', GROUPS)
      assertFieldErrors(invalid, ['name:too_short', 'name:invalid_format', 'chargeGroupCategoryId:invalid_type', 'type:invalid_value', 'startDate:invalid_format', 'applyUsageCap:invalid_type', 'taxBandId:out_of_range'])
      assertFieldErrors(await server.request('POST', GROUPS, { token, json: {} }), ['name:required', 'chargeGroupCategoryId:required', 'startDate:required'])
      const category = await server.request('POST', GROUPS, { token, json: group({ chargeGroupCategoryId: 987654 }) })
      assertError(category, 400, 'invalid_reference')
      assertFieldErrors(category, ['chargeGroupCategoryId:invalid_reference'])
      const band = await server.request('POST', GROUPS, { token, json: group({ taxBandId: 987654 }) })
      assertError(band, 400, 'invalid_reference')
      assertFieldErrors(band, ['taxBandId:invalid_reference'])
      assertFieldErrors(await server.request('POST', GROUPS, { token, json: group({ startDate: '2024-02-01', endDate: '2024-01-31' }) }), ['endDate:invalid_value'])
    })

    it('lists by category, type and tax band; HEAD; refuses an unknown type', async () => {
      const { id: own } = await create(CATEGORIES, category())
      const a = await create(GROUPS, group({ chargeGroupCategoryId: own, type: 'LOCAL', name: 'Local calls' }))
      await create(GROUPS, group({ chargeGroupCategoryId: own, type: 'NATIONAL', taxBandId }))
      const local = await server.request('GET', `${GROUPS}?page=1&pageSize=10&chargeGroupCategoryId=${own}&type=LOCAL&fields=id,name`, { token })
      assert.deepEqual(local.body, [{ id: a.id, name: 'Local calls' }])
      const taxed = await server.request('GET', `${GROUPS}?page=1&pageSize=10&chargeGroupCategoryId=${own}&taxBandId=${taxBandId}&fields=type`, { token })
      assert.deepEqual(taxed.body, [{ type: 'NATIONAL' }])
      assert.equal((await server.request('HEAD', `${GROUPS}?chargeGroupCategoryId=${own}&type=LOCAL`, { token })).status, 200)
      assert.equal((await server.request('HEAD', `${GROUPS}?chargeGroupCategoryId=${own}&type=GENERAL`, { token })).status, 404)
      assertError(await server.request('GET', `${GROUPS}?page=1&pageSize=10&type=INTERNATIONAL`, { token }), 400, 'invalid_query')
    })

    it('PATCH: JSON Patch only; moves to another category; refuses one that is not there; 412, 404', async () => {
      const { id } = await create(GROUPS, group())
      const { id: other } = await create(CATEGORIES, category())
      const moved = await server.request('PATCH', `${GROUPS}/${id}`, {
        token,
        headers: { ...JSON_PATCH, 'if-match': '"1"' },
        body: patchOps([{ op: 'replace', path: '/chargeGroupCategoryId', value: other }, { op: 'replace', path: '/dontShowOnItemisation', value: true }]),
      })
      assert.equal(moved.status, 200, moved.text)
      assert.deepEqual([moved.body.chargeGroupCategoryId, moved.body.dontShowOnItemisation], [other, true])
      const off = await server.request('PATCH', `${GROUPS}/${id}`, { token, headers: JSON_PATCH, body: patchOps([{ op: 'remove', path: '/dontShowOnItemisation' }]) })
      assert.equal(off.body.dontShowOnItemisation, false)
      assertError(await server.request('PATCH', `${GROUPS}/${id}`, { token, headers: MERGE_PATCH, body: '{}' }), 415, 'unsupported_media_type')
      assertFieldErrors(await server.request('PATCH', `${GROUPS}/${id}`, { token, headers: JSON_PATCH, body: patchOps([{ op: 'replace', path: '/chargeGroupCategoryId', value: 987654 }]) }), ['chargeGroupCategoryId:invalid_reference'])
      assertFieldErrors(await server.request('PATCH', `${GROUPS}/${id}`, { token, headers: JSON_PATCH, body: patchOps([{ op: 'add', path: '/taxBandId', value: 987654 }]) }), ['taxBandId:invalid_reference'])
      assertError(await server.request('PATCH', `${GROUPS}/${id}`, { token, headers: { ...JSON_PATCH, 'if-match': '"1"' }, body: '[]' }), 412, 'precondition_failed')
      assertError(await server.request('PATCH', `${GROUPS}/987654`, { token, headers: JSON_PATCH, body: '[]' }), 404, 'not_found')
    })

    it('deletes one: 204 then 404; a tax band charge groups name is not deleted (409 in_use)', async () => {
      const { id } = await create(GROUPS, group())
      assert.equal((await server.request('DELETE', `${GROUPS}/${id}`, { token })).status, 204)
      assertError(await server.request('GET', `${GROUPS}/${id}`, { token }), 404, 'not_found')
      assertError(await server.request('DELETE', `${GROUPS}/${id}`, { token }), 404, 'not_found')
      const band = (await server.request('POST', '/v1/tax-bands', { token, json: { code: `CG${process.pid % 1000}`, name: `Charged ${process.pid}`, defaultBand: false } })).body
      await create(GROUPS, group({ taxBandId: band.id }))
      assertError(await server.request('DELETE', `/v1/tax-bands/${band.id}`, { token }), 409, 'in_use')
    })
  })

  it('needs a token (401) and reference-data:write to write (403); restricted users read only; brands never meet', async () => {
    const { id } = await create(GROUPS, group())
    assertError(await server.request('GET', `${GROUPS}?page=1&pageSize=1`), 401, 'authentication_required')
    const reader = await loginAs(server, ['Read Only'])
    assert.equal((await server.request('GET', `${GROUPS}/${id}`, { token: reader })).status, 200)
    assertError(await server.request('POST', CATEGORIES, { token: reader, json: category() }), 403, 'insufficient_permission')
    assertError(await server.request('DELETE', `${GROUPS}/${id}`, { token: reader }), 403, 'insufficient_permission')
    const owner = (await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody() })).body.id
    const restricted = await loginAs(server, ['Administrator'], owner)
    assertError(await server.request('POST', GROUPS, { token: restricted, json: group() }), 403, 'insufficient_permission')
    const other = await otherBrandAdmin(server)
    assertError(await server.request('GET', `${GROUPS}/${id}`, { token: other }), 404, 'not_found')
    assertFieldErrors(await server.request('POST', GROUPS, { token: other, json: group() }), ['chargeGroupCategoryId:invalid_reference'])
  })

  it('runs the docs example as written', async () => {
    const stdout = await runDocExamples(server.url, ['charge-groups.md'])
    assert.match(stdout, /"dontShowOnItemisation":true/)
    assert.match(stdout, /^\[\{"name":"UK landline daytime","applyUsageCap":true\}\]$/m)
    assert.match(stdout, /^409$/m)
  })
})
