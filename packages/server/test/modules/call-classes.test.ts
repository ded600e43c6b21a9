import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { runDocExamples } from '../helpers/docs.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { brandId, loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { JSON_PATCH, MERGE_PATCH, created } from '../helpers/requests.ts'

const ops = (list: unknown[]) => JSON.stringify(list)

describe('/v1/call-classes and /v1/dialstrings', () => {
  let server: TestServer
  let token: string
  /** Two charge groups of one source maintained externally, one of another, one of a source Elevate maintains. */
  const groups = { a: 0, b: 0, otherSource: 0, maintained: 0 }
  let maintainedRecord: { callClass: number; dialstring: number }
  let sequence = 0
  const create = (path: string, body: Record<string, unknown>) => created(server, token, path, body)
  before(async () => {
    server = await startTestServer()
    token = await server.login()
    const category = await create('/v1/charge-group-categories', { name: 'Calls', chargingUnitType: 'DURATION', startDate: '2024-01-01' })
    const chargeGroupId = (await create('/v1/charge-groups', { name: 'Local', chargeGroupCategoryId: category.id, startDate: '2024-01-01' })).id
    const source = (await create('/v1/reference-data-sources', { name: 'Manual' })).id
    const second = (await create('/v1/reference-data-sources', { name: 'Second' })).id
    const sourceGroup = async (referenceDataSourceId: number) =>
      (await create('/v1/reference-data-source-charge-groups', { name: 'g', code: `G${++sequence}`, chargeGroupId, referenceDataSourceId, startDate: '2024-01-01' })).id
    groups.a = await sourceGroup(source)
    groups.b = await sourceGroup(source)
    groups.otherSource = await sourceGroup(second)
    const brand = await brandId(server)
    const feed = await server.db.system.insertInto('reference_data_sources').values({ brand_id: brand, name: 'Feed', si_maintained: true }).returning('id').executeTakeFirstOrThrow()
    const fed = await server.db.system
      .insertInto('reference_data_source_charge_groups')
      .values({ brand_id: brand, name: 'fed', code: 'F', charge_group_id: chargeGroupId, reference_data_source_id: feed.id, start_date: '2020-01-01', end_date: null })
      .returning('id')
      .executeTakeFirstOrThrow()
    groups.maintained = fed.id
    const row = { brand_id: brand, reference_data_source_charge_group_id: fed.id, start_date: '2020-01-01', end_date: null }
    maintainedRecord = {
      callClass: (await server.db.system.insertInto('call_classes').values({ ...row, call_class: 'FED' }).returning('id').executeTakeFirstOrThrow()).id,
      dialstring: (await server.db.system.insertInto('dialstrings').values({ ...row, dialstring: '999' }).returning('id').executeTakeFirstOrThrow()).id,
    }
  })
  after(() => server.close())

  for (const kind of [
    { path: '/v1/call-classes', field: 'callClass', value: (n: number) => `CLASS${n}`, bad: 'x'.repeat(51), badCode: 'too_long', record: () => maintainedRecord.callClass },
    { path: '/v1/dialstrings', field: 'dialstring', value: (n: number) => `4411${n}`, bad: '01-13', badCode: 'invalid_format', record: () => maintainedRecord.dialstring },
  ]) {
    const body = (overrides: Record<string, unknown> = {}) => ({ [kind.field]: kind.value(++sequence), referenceDataSourceChargeGroupId: groups.a, startDate: '2024-01-01', ...overrides })

    describe(kind.path, () => {
      it('creates one: 201 with Location and ETag, got back as created', async () => {
        const sent = body({ endDate: '2024-12-31' })
        const response = await server.request('POST', kind.path, { token, json: sent })
        assert.equal(response.status, 201, response.text)
        const { id, ...rest } = response.body
        assert.equal(response.headers.get('location'), `${kind.path}/${id}`)
        assert.equal(response.headers.get('etag'), '"1"')
        assert.deepEqual(rest, sent)
        assert.deepEqual((await server.request('GET', `${kind.path}/${id}`, { token })).body, response.body)
      })

      it('reports every invalid field at once; a source charge group that is not there is 400 invalid_reference', async () => {
        const invalid = await server.request('POST', kind.path, { token, json: { [kind.field]: kind.bad, referenceDataSourceChargeGroupId: 0, startDate: '2024-02-30', note: 1 } })
        assertError(invalid, 400, 'validation_failed', kind.path)
        assertFieldErrors(invalid, [`${kind.field}:${kind.badCode}`, 'referenceDataSourceChargeGroupId:out_of_range', 'startDate:invalid_format', 'note:unknown_field'])
        assertFieldErrors(await server.request('POST', kind.path, { token, json: {} }), [`${kind.field}:required`, 'referenceDataSourceChargeGroupId:required', 'startDate:required'])
        assertFieldErrors(await server.request('POST', kind.path, { token, json: body({ endDate: '2023-12-31' }) }), ['endDate:invalid_value'])
        assertFieldErrors(await server.request('POST', kind.path, { token, json: body({ referenceDataSourceChargeGroupId: 987654 }) }), ['referenceDataSourceChargeGroupId:invalid_reference'])
      })

      it('one value means one thing in a source at any date: 409 overlapping_period; other sources and other dates are free', async () => {
        const value = kind.value(++sequence)
        const first = await create(kind.path, body({ [kind.field]: value, startDate: '2024-01-01', endDate: '2024-06-30' }))
        const clash = await server.request('POST', kind.path, { token, json: body({ [kind.field]: value, referenceDataSourceChargeGroupId: groups.b, startDate: '2024-06-30' }) })
        assertError(clash, 409, 'overlapping_period')
        assert.match(clash.body.message, new RegExp(`overlaps .* ${first.id} \\(2024-01-01 to 2024-06-30\\)`))
        const later = await create(kind.path, body({ [kind.field]: value, referenceDataSourceChargeGroupId: groups.b, startDate: '2024-07-01' }))
        await create(kind.path, body({ [kind.field]: value, referenceDataSourceChargeGroupId: groups.otherSource, startDate: '2024-01-01' }))
        assertError(await server.request('PATCH', `${kind.path}/${first.id}`, { token, headers: JSON_PATCH, body: ops([{ op: 'remove', path: '/endDate' }]) }), 409, 'overlapping_period')
        const moved = await server.request('PATCH', `${kind.path}/${later.id}`, { token, headers: JSON_PATCH, body: ops([{ op: 'replace', path: '/startDate', value: '2024-08-01' }]) })
        assert.equal(moved.status, 200, moved.text)
      })

      it('under a source Elevate maintains nothing is created, changed, moved or deleted: 409 protected_record', async () => {
        assertError(await server.request('POST', kind.path, { token, json: body({ referenceDataSourceChargeGroupId: groups.maintained }) }), 409, 'protected_record')
        assert.equal((await server.request('GET', `${kind.path}/${kind.record()}`, { token })).status, 200)
        assertError(await server.request('PATCH', `${kind.path}/${kind.record()}`, { token, headers: JSON_PATCH, body: ops([{ op: 'replace', path: '/referenceDataSourceChargeGroupId', value: groups.a }]) }), 409, 'protected_record')
        const own = await create(kind.path, body())
        assertError(await server.request('PATCH', `${kind.path}/${own.id}`, { token, headers: JSON_PATCH, body: ops([{ op: 'replace', path: '/referenceDataSourceChargeGroupId', value: groups.maintained }]) }), 409, 'protected_record')
        assertError(await server.request('DELETE', `${kind.path}/${kind.record()}`, { token }), 409, 'protected_record')
      })

      it('lists with the published filters; HEAD; PATCH JSON Patch only, 412, 404; DELETE 204 then 404', async () => {
        const value = kind.value(++sequence)
        const made = await create(kind.path, body({ [kind.field]: value, referenceDataSourceChargeGroupId: groups.b, startDate: '2023-01-01' }))
        const listed = await server.request('GET', `${kind.path}?page=1&pageSize=10&${kind.field}=${value}&referenceDataSourceChargeGroupId=${groups.b}&startDate=lt:2024-01-01&fields=id`, { token })
        assert.deepEqual(listed.body, [{ id: made.id }])
        const sorted = await server.request('GET', `${kind.path}?page=1&pageSize=1&sort=${kind.field}:desc`, { token })
        assert.match(sorted.headers.get('link') ?? '', /rel="next"/)
        assert.equal((await server.request('HEAD', `${kind.path}?${kind.field}=${value}`, { token })).status, 200)
        assert.equal((await server.request('HEAD', `${kind.path}?${kind.field}=${value}&endDate=2020-01-01`, { token })).status, 404)
        assertError(await server.request('GET', `${kind.path}?page=1&pageSize=10&code=1`, { token }), 400, 'invalid_query')
        const patched = await server.request('PATCH', `${kind.path}/${made.id}`, { token, headers: { ...JSON_PATCH, 'if-match': '"1"' }, body: ops([{ op: 'add', path: '/endDate', value: '2023-12-31' }]) })
        assert.equal(patched.status, 200, patched.text)
        assert.equal(patched.headers.get('etag'), '"2"')
        assertError(await server.request('PATCH', `${kind.path}/${made.id}`, { token, headers: MERGE_PATCH, body: '{}' }), 415, 'unsupported_media_type')
        assertError(await server.request('PATCH', `${kind.path}/${made.id}`, { token, headers: { ...JSON_PATCH, 'if-match': '"1"' }, body: '[]' }), 412, 'precondition_failed')
        assertError(await server.request('PATCH', `${kind.path}/${made.id}`, { token, headers: JSON_PATCH, body: ops([{ op: 'test', path: `/${kind.field}`, value: 'nope' }]) }), 409, 'patch_test_failed')
        assertError(await server.request('PATCH', `${kind.path}/987654`, { token, headers: JSON_PATCH, body: '[]' }), 404, 'not_found')
        assert.equal((await server.request('DELETE', `${kind.path}/${made.id}`, { token })).status, 204)
        assertError(await server.request('DELETE', `${kind.path}/${made.id}`, { token }), 404, 'not_found')
      })

      it('needs a token (401) and reference-data:write to write (403); restricted users read only; brands never meet', async () => {
        const made = await create(kind.path, body())
        assertError(await server.request('GET', `${kind.path}/${made.id}`), 401, 'authentication_required')
        const reader = await loginAs(server, ['Read Only'])
        assert.equal((await server.request('GET', `${kind.path}/${made.id}`, { token: reader })).status, 200)
        assertError(await server.request('POST', kind.path, { token: reader, json: body() }), 403, 'insufficient_permission')
        const owner = (await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody() })).body.id
        const restricted = await loginAs(server, ['Administrator'], owner)
        assertError(await server.request('DELETE', `${kind.path}/${made.id}`, { token: restricted }), 403, 'insufficient_permission')
        const other = await otherBrandAdmin(server)
        assertError(await server.request('GET', `${kind.path}/${made.id}`, { token: other }), 404, 'not_found')
        assertFieldErrors(await server.request('POST', kind.path, { token: other, json: body() }), ['referenceDataSourceChargeGroupId:invalid_reference'])
      })
    })
  }

  it('keeps a source charge group with call classes or dialstrings: 409 in_use', async () => {
    assertError(await server.request('DELETE', `/v1/reference-data-source-charge-groups/${groups.a}`, { token }), 409, 'in_use')
  })

  it('runs the docs example as written', async () => {
    const stdout = await runDocExamples(server.url, ['call-classes-and-dialstrings.md'])
    assert.match(stdout, /"dialstring":"44113"/)
    assert.match(stdout, /"callClass":"LOCAL"/)
    assert.match(stdout, /^\[\{"dialstring":"44113","startDate":"2024-01-01"\}\]$/m)
    assert.match(stdout, /^409$/m)
  })
})
