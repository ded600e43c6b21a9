import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { runDocExamples } from '../helpers/docs.ts'
import { createAdminSetup, subBrandBody, type AdminSetup } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { openTransaction, untilBlocked } from '../helpers/transactions.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { JSON_PATCH, MERGE_PATCH } from '../helpers/requests.ts'

const ITEMS = '/v1/invoice-group-tag-labels'
const under = (subBrandId: number | string) => `/v1/contract-owner-sub-brands/${subBrandId}/invoice-group-tag-labels`
let sequence = 0
const labelBody = (overrides: Record<string, unknown> = {}) => ({ label: `Label ${process.pid}-${++sequence}`, ...overrides })

describe('invoice group tag labels', () => {
  let server: TestServer
  let token: string
  let setup: AdminSetup
  const newSubBrand = async (contractOwnerId = setup.contractOwnerId) => (await server.request('POST', '/v1/contract-owner-sub-brands', { token, json: subBrandBody(contractOwnerId) })).body.id as number
  const create = async (subBrandId: number, body: Record<string, unknown> = labelBody()) => {
    const response = await server.request('POST', under(subBrandId), { token, json: body })
    assert.equal(response.status, 201, response.text)
    return response.body
  }
  before(async () => {
    server = await startTestServer()
    token = await server.login()
    setup = await createAdminSetup((m, p, o) => server.request(m, p, o), token)
  })
  after(() => server.close())

  it('creates one under its sub-brand: 201, Location at its own path, shown on invoices unless asked otherwise', async () => {
    const response = await server.request('POST', under(setup.subBrandId), { token, json: { label: 'Cost Centre' } })
    assert.equal(response.status, 201, response.text)
    const { id, createdDate, updatedDate, ...rest } = response.body
    assert.equal(response.headers.get('location'), `${ITEMS}/${id}`)
    assert.equal(response.headers.get('etag'), '"1"')
    assert.ok(Date.parse(createdDate) > 0 && createdDate === updatedDate)
    assert.deepEqual(rest, { label: 'Cost Centre', contractOwnerSubBrandId: setup.subBrandId, showOnInvoice: true })
    const fetched = await server.request('GET', `${ITEMS}/${id}`, { token })
    assert.equal(fetched.headers.get('etag'), '"1"')
    assert.deepEqual(fetched.body, response.body)
    const repeated = await create(setup.subBrandId, labelBody({ contractOwnerSubBrandId: setup.subBrandId, showOnInvoice: false }))
    assert.equal(repeated.showOnInvoice, false)
  })

  it('reports every invalid field at once, and a body naming another sub-brand than the path', async () => {
    const response = await server.request('POST', under(setup.subBrandId), { token, json: { label: '', showOnInvoice: 'yes', contractOwnerSubBrandId: 'x', colour: 1 } })
    assertError(response, 400, 'validation_failed')
    assertFieldErrors(response, ['label:too_short', 'showOnInvoice:invalid_type', 'contractOwnerSubBrandId:invalid_type', 'colour:unknown_field'])
    const other = await server.request('POST', under(setup.subBrandId), { token, json: labelBody({ contractOwnerSubBrandId: setup.subBrandId + 1000 }) })
    assertError(other, 400, 'validation_failed')
    assertFieldErrors(other, ['contractOwnerSubBrandId:invalid_value'])
    assertError(await server.request('POST', under('x'), { token, json: labelBody() }), 400, 'invalid_path_parameter')
  })

  it('answers 404 for a sub-brand that is not there, 409 for a label the sub-brand has, 415 for non-JSON', async () => {
    assertError(await server.request('POST', under(987654), { token, json: labelBody() }), 404, 'not_found')
    assertError(await server.request('GET', `${under(987654)}?page=1&pageSize=5`, { token }), 404, 'not_found')
    assert.equal((await server.request('HEAD', under(987654), { token })).status, 404)
    const body = labelBody()
    await create(setup.subBrandId, body)
    const duplicate = await server.request('POST', under(setup.subBrandId), { token, json: body })
    assertError(duplicate, 409, 'already_exists')
    assertFieldErrors(duplicate, ['label:already_exists'])
    await create(await newSubBrand(), body) // another sub-brand may use the same label
    assertError(await server.request('POST', under(setup.subBrandId), { token, body: 'label', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type')
  })

  it('lists one sub-brand’s labels with the published filters, sort, fields and paging; HEAD with the filters', async () => {
    const subBrand = await newSubBrand()
    await create(await newSubBrand(), labelBody({ label: 'Elsewhere' }))
    for (const [label, showOnInvoice] of [['PO Number', true], ['Department', true], ['Internal', false]] as const) await create(subBrand, { label, showOnInvoice })
    const page = await server.request('GET', `${under(subBrand)}?page=1&pageSize=1&showOnInvoice=true&sort=label&fields=label,showOnInvoice`, { token })
    assert.equal(page.status, 200, page.text)
    assert.deepEqual(page.body, [{ label: 'Department', showOnInvoice: true }])
    assert.match(page.headers.get('link') ?? '', /rel="next"/)
    const all = await server.request('GET', `${under(subBrand)}?page=1&pageSize=10&label=${encodeURIComponent('in:Internal,Elsewhere,PO Number')}&sort=id:desc`, { token })
    assert.deepEqual(all.body.map((l: { label: string }) => l.label), ['Internal', 'PO Number'])
    assert.deepEqual((await server.request('GET', `${under(subBrand)}?page=1&pageSize=10&label=like:ELSE`, { token })).body, [])
    assert.equal((await server.request('HEAD', `${under(subBrand)}?label=Internal&showOnInvoice=false`, { token })).status, 200)
    assert.equal((await server.request('HEAD', `${under(subBrand)}?label=Internal&showOnInvoice=true`, { token })).status, 404)
    assertError(await server.request('GET', `${under(subBrand)}?page=1&pageSize=10&showOnInvoice=maybe`, { token }), 400, 'invalid_query')
    assertError(await server.request('GET', `${under(subBrand)}?page=1&pageSize=10&contractOwnerSubBrandId=1`, { token }), 400, 'invalid_query')
  })

  it('answers 404 for an unknown label id and 400 for an id that is not one', async () => {
    assertError(await server.request('GET', `${ITEMS}/987654`, { token }), 404, 'not_found')
    assertError(await server.request('GET', `${ITEMS}/abc`, { token }), 400, 'invalid_path_parameter')
  })

  describe('PATCH', () => {
    let id: number
    before(async () => {
      id = (await create(setup.subBrandId)).id
    })

    it('takes a merge patch and a JSON Patch with If-Match; null shows the label again', async () => {
      const merged = await server.request('PATCH', `${ITEMS}/${id}`, { token, headers: { ...MERGE_PATCH, 'if-match': '"1"' }, body: '{"showOnInvoice":false}' })
      assert.equal(merged.status, 200, merged.text)
      assert.equal(merged.headers.get('etag'), '"2"')
      assert.equal(merged.body.showOnInvoice, false)
      const patched = await server.request('PATCH', `${ITEMS}/${id}`, { token, headers: { ...JSON_PATCH, 'if-match': '"2"' }, body: JSON.stringify([{ op: 'replace', path: '/label', value: 'Project code' }]) })
      assert.equal(patched.status, 200, patched.text)
      assert.equal(patched.body.label, 'Project code')
      assert.equal((await server.request('PATCH', `${ITEMS}/${id}`, { token, headers: MERGE_PATCH, body: '{"showOnInvoice":null}' })).body.showOnInvoice, true)
    })

    it('keeps the sub-brand fixed and validates like a create; 412, 409, 415, 404', async () => {
      const moved = await server.request('PATCH', `${ITEMS}/${id}`, { token, headers: MERGE_PATCH, body: JSON.stringify({ contractOwnerSubBrandId: setup.subBrandId + 1, label: '' }) })
      assertError(moved, 400, 'validation_failed')
      assertFieldErrors(moved, ['contractOwnerSubBrandId:read_only'])
      assertFieldErrors(await server.request('PATCH', `${ITEMS}/${id}`, { token, headers: MERGE_PATCH, body: '{"label":""}' }), ['label:too_short'])
      assertError(await server.request('PATCH', `${ITEMS}/${id}`, { token, headers: { ...MERGE_PATCH, 'if-match': '"1"' }, body: '{"label":"x"}' }), 412, 'precondition_failed')
      assertError(await server.request('PATCH', `${ITEMS}/${id}`, { token, headers: JSON_PATCH, body: JSON.stringify([{ op: 'test', path: '/label', value: 'nope' }]) }), 409, 'patch_test_failed')
      const taken = (await create(setup.subBrandId)).label
      assertError(await server.request('PATCH', `${ITEMS}/${id}`, { token, headers: MERGE_PATCH, body: JSON.stringify({ label: taken }) }), 409, 'already_exists')
      assertError(await server.request('PATCH', `${ITEMS}/${id}`, { token, json: { label: 'x' } }), 415, 'unsupported_media_type')
      assertError(await server.request('PATCH', `${ITEMS}/987654`, { token, headers: MERGE_PATCH, body: '{}' }), 404, 'not_found')
    })
  })

  it('deletes one: 204, then 404 for it and for a second DELETE', async () => {
    const id = (await create(setup.subBrandId)).id
    const response = await server.request('DELETE', `${ITEMS}/${id}`, { token })
    assert.equal(response.status, 204)
    assert.equal(response.text, '')
    assertError(await server.request('GET', `${ITEMS}/${id}`, { token }), 404, 'not_found')
    assertError(await server.request('DELETE', `${ITEMS}/${id}`, { token }), 404, 'not_found')
  })

  it('goes with its sub-brand when the sub-brand is deleted', async () => {
    const subBrand = await newSubBrand()
    const id = (await create(subBrand)).id
    assert.equal((await server.request('DELETE', `/v1/contract-owner-sub-brands/${subBrand}`, { token })).status, 204)
    assertError(await server.request('GET', `${ITEMS}/${id}`, { token }), 404, 'not_found')
  })

  it('is refused with 400 invalid_reference when its sub-brand is deleted while it is created', async () => {
    const subBrand = await newSubBrand()
    const deletion = await openTransaction(server.config.databaseUrl!)
    await deletion.query('delete from contract_owner_sub_brands where id = $1', [subBrand])
    const creating = server.request('POST', under(subBrand), { token, json: labelBody() })
    await untilBlocked(deletion)
    await deletion.commit()
    const response = await creating
    assertError(response, 400, 'invalid_reference')
    assertFieldErrors(response, ['contractOwnerSubBrandId:invalid_reference'])
  })

  it('offers no PUT: 405 with Allow on both paths', async () => {
    const id = (await create(setup.subBrandId)).id
    const item = await server.request('PUT', `${ITEMS}/${id}`, { token, json: {} })
    assertError(item, 405, 'method_not_allowed')
    assert.deepEqual(item.headers.get('allow')?.split(', ').sort(), ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH'])
    const collection = await server.request('DELETE', under(setup.subBrandId), { token })
    assertError(collection, 405, 'method_not_allowed')
    assert.deepEqual(collection.headers.get('allow')?.split(', ').sort(), ['GET', 'HEAD', 'OPTIONS', 'POST'])
  })

  it('needs a token (401) and admin:write to write (403); contract-owner scope and brands hide other labels (404)', async () => {
    const id = (await create(setup.subBrandId)).id
    assertError(await server.request('GET', `${under(setup.subBrandId)}?page=1&pageSize=5`), 401, 'authentication_required')
    const reader = await loginAs(server, ['Read Only'])
    assert.equal((await server.request('GET', `${ITEMS}/${id}`, { token: reader })).status, 200)
    assertError(await server.request('POST', under(setup.subBrandId), { token: reader, json: labelBody() }), 403, 'insufficient_permission')
    assertError(await server.request('DELETE', `${ITEMS}/${id}`, { token: reader }), 403, 'insufficient_permission')

    const elsewhere = await createAdminSetup((m, p, o) => server.request(m, p, o), token)
    const restricted = await loginAs(server, ['Administrator'], elsewhere.contractOwnerId)
    const own = await create(elsewhere.subBrandId)
    assert.equal((await server.request('PATCH', `${ITEMS}/${own.id}`, { token: restricted, headers: MERGE_PATCH, body: '{"label":"Mine"}' })).status, 200)
    assertError(await server.request('GET', `${ITEMS}/${id}`, { token: restricted }), 404, 'not_found')
    assertError(await server.request('GET', `${under(setup.subBrandId)}?page=1&pageSize=5`, { token: restricted }), 404, 'not_found')
    assertError(await server.request('POST', under(setup.subBrandId), { token: restricted, json: labelBody() }), 404, 'not_found')
    assertError(await server.request('DELETE', `${ITEMS}/${id}`, { token: restricted }), 404, 'not_found')

    const other = await otherBrandAdmin(server)
    assertError(await server.request('GET', `${ITEMS}/${id}`, { token: other }), 404, 'not_found')
    assertError(await server.request('POST', under(setup.subBrandId), { token: other, json: labelBody() }), 404, 'not_found')
  })

  it('runs the docs example as written', async () => {
    const docs = await startTestServer()
    try {
      const stdout = await runDocExamples(docs.url, ['customers-and-sites.md', 'invoice-group-tag-labels.md'])
      assert.match(stdout, /"label":"Internal ref","contractOwnerSubBrandId":\d+,"showOnInvoice":false/)
      assert.match(stdout, /\[\{"id":\d+,"label":"Cost Centre","contractOwnerSubBrandId":\d+,"showOnInvoice":true/)
      assert.match(stdout, /"label":"PO Number"/)
      assert.match(stdout, /204$/m)
    } finally {
      await docs.close()
    }
  })
})
