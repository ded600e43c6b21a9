import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { runDocExamples } from '../helpers/docs.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { JSON_PATCH, MERGE_PATCH, created } from '../helpers/requests.ts'

const PATH = '/v1/invoice-document-profiles'
let sequence = 0
const unique = (prefix: string) => `${prefix} ${process.pid}-${++sequence}`

describe('/v1/invoice-document-profiles', () => {
  let server: TestServer
  let token: string
  let owner: number
  let invoiceTemplate: number
  let summaryTemplate: number
  let components: number[]
  let electronic: number[]
  const make = async (path: string, body: Record<string, unknown> = {}, as = token) => {
    const response = await server.request('POST', path, { token: as, json: { name: unique('Profile fixture'), ...body } })
    assert.equal(response.status, 201, response.text)
    return response.body.id as number
  }
  const profile = (overrides: Record<string, unknown> = {}) => ({ name: unique('Profile'), invoiceTemplateId: invoiceTemplate, ...overrides })
  const create = (body: Record<string, unknown>) => created(server, token, PATH, body)
  before(async () => {
    server = await startTestServer()
    token = await server.login()
    owner = await make('/v1/contract-owners', contractOwnerBody())
    invoiceTemplate = await make('/v1/invoice-templates')
    summaryTemplate = await make('/v1/invoice-summary-templates')
    components = [await make('/v1/invoice-summary-template-components'), await make('/v1/invoice-summary-template-components')]
    electronic = [await make('/v1/electronic-summary-templates')]
  })
  after(() => server.close())

  it('creates one naming every kind of template: 201 with Location and ETag; get answers the same', async () => {
    const body = profile({
      name: 'Business, itemised A',
      description: 'Itemised calls',
      invoiceSummaryTemplateId: summaryTemplate,
      invoiceSummaryTemplateComponentIds: [components[1], components[0]],
      electronicSummaryTemplateIds: electronic,
      contractOwnerIds: [owner],
    })
    const response = await server.request('POST', PATH, { token, json: body })
    assert.equal(response.status, 201, response.text)
    const { id, createdDate, updatedDate, ...rest } = response.body
    assert.equal(response.headers.get('location'), `${PATH}/${id}`)
    assert.equal(response.headers.get('etag'), '"1"')
    assert.ok(Date.parse(createdDate) > 0 && createdDate === updatedDate)
    assert.deepEqual(rest, body)
    const fetched = await server.request('GET', `${PATH}/${id}`, { token })
    assert.equal(fetched.status, 200)
    assert.deepEqual(fetched.body, response.body)
  })

  it('needs only a name and an invoice template; the lists are empty unless given', async () => {
    const created = await create(profile())
    assert.deepEqual(
      { invoiceSummaryTemplateId: created.invoiceSummaryTemplateId, components: created.invoiceSummaryTemplateComponentIds, electronic: created.electronicSummaryTemplateIds, owners: created.contractOwnerIds },
      { invoiceSummaryTemplateId: undefined, components: [], electronic: [], owners: [] },
    )
  })

  it('reports every invalid field of a create at once', async () => {
    const response = await server.request('POST', PATH, { token, json: { name: '', invoiceSummaryTemplateId: 'x', electronicSummaryTemplateIds: [1, 1], contractOwnerIds: 3, layout: 'A4' } })
    assertError(response, 400, 'validation_failed', PATH)
    assertFieldErrors(response, ['name:too_short', 'invoiceTemplateId:required', 'invoiceSummaryTemplateId:invalid_type', 'electronicSummaryTemplateIds:duplicate_items', 'contractOwnerIds:invalid_type', 'layout:unknown_field'])
  })

  it('names every template, component and contract owner that is not the brand’s in one 400', async () => {
    const other = await otherBrandAdmin(server)
    const foreignTemplate = await make('/v1/invoice-templates', {}, other)
    const response = await server.request('POST', PATH, {
      token,
      json: profile({ invoiceTemplateId: foreignTemplate, invoiceSummaryTemplateId: 987654, invoiceSummaryTemplateComponentIds: [components[0]!, 987655], electronicSummaryTemplateIds: [987656], contractOwnerIds: [owner, 987657] }),
    })
    assertError(response, 400, 'invalid_reference')
    assertFieldErrors(response, ['invoiceTemplateId:invalid_reference', 'invoiceSummaryTemplateId:invalid_reference', 'invoiceSummaryTemplateComponentIds:invalid_reference', 'electronicSummaryTemplateIds:invalid_reference', 'contractOwnerIds:invalid_reference'])
    const messages = Object.fromEntries(response.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]))
    assert.equal(messages.invoiceTemplateId, `${foreignTemplate}: no such invoice template in the brand`)
    assert.equal(messages.invoiceSummaryTemplateComponentIds, '987655: no such invoice summary template component in the brand')
    assert.equal(messages.contractOwnerIds, '987657: no such contract owner in the brand')
  })

  it('answers a name already taken with 409', async () => {
    const body = profile()
    await create(body)
    const duplicate = await server.request('POST', PATH, { token, json: body })
    assertError(duplicate, 409, 'already_exists')
    assertFieldErrors(duplicate, ['name:already_exists'])
  })

  it('lists with the published name filter, sort, fields and paging; HEAD says whether any matches', async () => {
    const stem = `Listed ${process.pid}`
    for (const suffix of ['B', 'A', 'C']) await create(profile({ name: `${stem} ${suffix}` }))
    const page = await server.request('GET', `${PATH}?page=1&pageSize=2&name=${encodeURIComponent(`like:${stem}`)}&sort=name:desc&fields=name,invoiceTemplateId`, { token })
    assert.equal(page.status, 200, page.text)
    assert.deepEqual(page.body, [{ name: `${stem} C`, invoiceTemplateId: invoiceTemplate }, { name: `${stem} B`, invoiceTemplateId: invoiceTemplate }])
    assert.match(page.headers.get('link') ?? '', /rel="next"/)
    assert.equal((await server.request('HEAD', `${PATH}?name=${encodeURIComponent(`${stem} A`)}`, { token })).status, 200)
    assert.equal((await server.request('HEAD', `${PATH}?name=nothing`, { token })).status, 404)
    assertError(await server.request('GET', `${PATH}?page=1&pageSize=10&invoiceTemplateId=${invoiceTemplate}`, { token }), 400, 'invalid_query')
  })

  it('answers 404 for an unknown id and 400 for an id that is not one', async () => {
    assertError(await server.request('GET', `${PATH}/987654`, { token }), 404, 'not_found')
    assertError(await server.request('GET', `${PATH}/abc`, { token }), 400, 'invalid_path_parameter')
  })

  describe('PATCH', () => {
    let id: number
    before(async () => {
      id = (await create(profile({ invoiceSummaryTemplateId: summaryTemplate, invoiceSummaryTemplateComponentIds: [components[0]] }))).id
    })

    it('swaps templates with a JSON Patch, drops the summary with a merge patch, under If-Match', async () => {
      const other = await make('/v1/invoice-templates')
      const patched = await server.request('PATCH', `${PATH}/${id}`, {
        token,
        headers: { ...JSON_PATCH, 'if-match': '"1"' },
        body: JSON.stringify([{ op: 'replace', path: '/invoiceTemplateId', value: other }, { op: 'add', path: '/invoiceSummaryTemplateComponentIds/-', value: components[1] }]),
      })
      assert.equal(patched.status, 200, patched.text)
      assert.equal(patched.headers.get('etag'), '"2"')
      assert.equal(patched.body.invoiceTemplateId, other)
      assert.deepEqual(patched.body.invoiceSummaryTemplateComponentIds, components)
      const merged = await server.request('PATCH', `${PATH}/${id}`, { token, headers: { ...MERGE_PATCH, 'if-match': '"2"' }, body: '{"invoiceSummaryTemplateId":null,"invoiceSummaryTemplateComponentIds":null}' })
      assert.equal(merged.status, 200, merged.text)
      assert.equal(merged.body.invoiceSummaryTemplateId, undefined)
      assert.deepEqual(merged.body.invoiceSummaryTemplateComponentIds, [])
    })

    it('answers a stale If-Match with 412, a taken name with 409, a missing template with 400, no template with 400', async () => {
      assertError(await server.request('PATCH', `${PATH}/${id}`, { token, headers: { ...MERGE_PATCH, 'if-match': '"1"' }, body: '{"name":"Stale"}' }), 412, 'precondition_failed')
      const taken = (await create(profile())).name
      assertError(await server.request('PATCH', `${PATH}/${id}`, { token, headers: MERGE_PATCH, body: JSON.stringify({ name: taken }) }), 409, 'already_exists')
      const missing = await server.request('PATCH', `${PATH}/${id}`, { token, headers: MERGE_PATCH, body: '{"electronicSummaryTemplateIds":[987654]}' })
      assertError(missing, 400, 'invalid_reference')
      assertFieldErrors(missing, ['electronicSummaryTemplateIds:invalid_reference'])
      assertFieldErrors(await server.request('PATCH', `${PATH}/${id}`, { token, headers: MERGE_PATCH, body: '{"invoiceTemplateId":null}' }), ['invoiceTemplateId:required'])
      assertError(await server.request('PATCH', `${PATH}/987654`, { token, headers: MERGE_PATCH, body: '{}' }), 404, 'not_found')
    })
  })

  it('offers no DELETE: 405 with Allow', async () => {
    const { id } = await create(profile())
    const response = await server.request('DELETE', `${PATH}/${id}`, { token })
    assertError(response, 405, 'method_not_allowed')
    assert.deepEqual(response.headers.get('allow')?.split(', ').sort(), ['GET', 'HEAD', 'OPTIONS', 'PATCH'])
  })

  it('needs a token (401) and admin:write to write (403); restricted users read but do not write; brands never meet', async () => {
    const { id } = await create(profile({ contractOwnerIds: [owner] }))
    assertError(await server.request('GET', `${PATH}/${id}`), 401, 'authentication_required')
    const reader = await loginAs(server, ['Read Only'])
    assert.equal((await server.request('GET', `${PATH}/${id}`, { token: reader })).status, 200)
    assertError(await server.request('POST', PATH, { token: reader, json: profile() }), 403, 'insufficient_permission')
    const restricted = await loginAs(server, ['Administrator'], owner)
    assert.equal((await server.request('GET', `${PATH}/${id}`, { token: restricted })).status, 200)
    const refused = await server.request('PATCH', `${PATH}/${id}`, { token: restricted, headers: MERGE_PATCH, body: '{"description":"x"}' })
    assertError(refused, 403, 'insufficient_permission')
    assert.match(refused.body.message, /Invoice document profiles belong to the whole brand/)
    const other = await otherBrandAdmin(server)
    assertError(await server.request('GET', `${PATH}/${id}`, { token: other }), 404, 'not_found')
  })

  it('runs the docs example as written', async () => {
    const stdout = await runDocExamples(server.url, ['invoice-document-profiles.md'])
    assert.match(stdout, /"name":"Business, itemised","invoiceTemplateId":\d+,"invoiceSummaryTemplateComponentIds":\[\],"electronicSummaryTemplateIds":\[\],"contractOwnerIds":\[\]/)
  })
})
