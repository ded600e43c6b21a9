import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import type { AdminSetup } from '../helpers/fixtures.ts'
import { JSON_PATCH, MERGE_PATCH, created } from '../helpers/requests.ts'
import type { TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { mandateBody, newProvider, newSite, ownerWithSite, startPaymentServer } from './payment-fixtures.ts'

const MANDATES = '/v1/site-payment-mandates'

describe('/v1/site-payment-mandates', () => {
  let server: TestServer
  let token: string
  let setToday: (day: string) => void
  let setup: AdminSetup
  let site: number
  let provider: number
  const create = (body: Record<string, unknown>) => created(server, token, MANDATES, body)
  const post = (body: Record<string, unknown>, as = token) => server.request('POST', MANDATES, { token: as, json: body })
  const patch = (id: number, operations: unknown[], headers: Record<string, string> = {}) =>
    server.request('PATCH', `${MANDATES}/${id}`, { token, headers: { ...JSON_PATCH, ...headers }, body: JSON.stringify(operations) })

  before(async () => {
    ;({ server, token, setToday } = await startPaymentServer())
    ;({ setup, siteId: site } = await ownerWithSite(server, token))
    provider = await newProvider(server, token, [setup.contractOwnerId])
  })
  after(() => server.close())

  it('creates one with the published body: 201, Location, ETag; the owner\'s one ACTIVE provider, a flow token, status NEW, the dates of the day', async () => {
    setToday('2026-03-01')
    const body = mandateBody(site, { redirectURL: 'https://pay.example/start', exitURL: 'https://billing.example/other' })
    const response = await post(body)
    assert.equal(response.status, 201, response.text)
    const { id, flowToken, ...rest } = response.body
    assert.equal(response.headers.get('location'), `${MANDATES}/${id}`)
    assert.equal(response.headers.get('etag'), '"1"')
    assert.match(flowToken, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    assert.deepEqual(rest, { ...body, paymentProviderId: provider, mandateStatus: 'NEW', mandateCreatedDate: '2026-03-01', mandateUpdatedDate: '2026-03-01' })
    const fetched = await server.request('GET', `${MANDATES}/${id}`, { token })
    assert.equal(fetched.status, 200)
    assert.deepEqual(fetched.body, response.body)
    // Ended, so that the tests below start from a site without a live mandate.
    assert.equal((await patch(id, [{ op: 'replace', path: '/mandateStatus', value: 'CANCELLED' }])).status, 200)
  })

  it('reports every invalid field at once (400), read-only fields included; 415', async () => {
    const invalid = await post({ siteId: 0, returnURL: '', mandateStatus: 'LIVE', flowToken: 'x', mandateCreatedDate: '2026-01-01', thirdPartyCustomerReference: 'x'.repeat(101) })
    assertError(invalid, 400, 'validation_failed', MANDATES)
    assertFieldErrors(invalid, ['siteId:out_of_range', 'returnURL:too_short', 'returnURL:invalid_format', 'mandateStatus:invalid_value', 'flowToken:unknown_field', 'mandateCreatedDate:unknown_field', 'thirdPartyCustomerReference:too_long'])
    assertFieldErrors(await post({}), ['siteId:required', 'returnURL:required'])
    assertError(await server.request('POST', MANDATES, { token, body: 'siteId=1', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type')
  })

  it('checks the site and the provider in one go: 400 invalid_reference naming each', async () => {
    const missing = await post(mandateBody(987654, { paymentProviderId: 987655 }))
    assertError(missing, 400, 'invalid_reference')
    assertFieldErrors(missing, ['siteId:invalid_reference', 'paymentProviderId:invalid_reference'])
    const inactive = await newProvider(server, token, [setup.contractOwnerId], { status: 'INACTIVE' })
    assertFieldErrors(await post(mandateBody(site, { paymentProviderId: inactive })), ['paymentProviderId:invalid_reference'])
    const { setup: elsewhere, siteId: foreignSite } = await ownerWithSite(server, token)
    const foreignProvider = await newProvider(server, token, [elsewhere.contractOwnerId])
    const notServing = await post(mandateBody(site, { paymentProviderId: foreignProvider }))
    assertFieldErrors(notServing, ['paymentProviderId:invalid_reference'])
    assert.match(notServing.body.message, /serving the site's contract owner/)
    // No default: the owner has no ACTIVE provider, or several.
    const { siteId: bare } = await ownerWithSite(server, token)
    const none = await post(mandateBody(bare))
    assertFieldErrors(none, ['paymentProviderId:invalid_reference'])
    assert.match(none.body.message, /no ACTIVE payment provider/)
    await newProvider(server, token, [elsewhere.contractOwnerId], { type: 'CHEQUE' })
    const several = await post(mandateBody(foreignSite))
    assertFieldErrors(several, ['paymentProviderId:invalid_reference'])
    assert.match(several.body.message, /several ACTIVE payment providers: name one/)
    assert.equal((await post(mandateBody(foreignSite, { paymentProviderId: foreignProvider }))).status, 201)
  })

  it('keeps the published reference rules: an ACTIVE integrated mandate has its reference; a Stripe one its customer reference', async () => {
    const active = await post(mandateBody(site, { mandateStatus: 'ACTIVE' }))
    assertError(active, 400, 'validation_failed')
    assertFieldErrors(active, ['mandateReference:required'])
    const stripe = await newProvider(server, token, [setup.contractOwnerId], { type: 'STRIPE' })
    const noCustomer = await post(mandateBody(site, { paymentProviderId: stripe, mandateStatus: 'ACTIVE', mandateReference: `pm_${process.pid}` }))
    assertFieldErrors(noCustomer, ['thirdPartyCustomerReference:required'])
    const cheque = await newProvider(server, token, [setup.contractOwnerId], { type: 'CHEQUE' })
    const manual = await create(mandateBody(site, { paymentProviderId: cheque, mandateStatus: 'ACTIVE' }))
    assert.equal(manual.mandateStatus, 'ACTIVE')
    const ok = await create(mandateBody(site, { paymentProviderId: stripe, mandateStatus: 'ACTIVE', mandateReference: `pm_${process.pid}`, thirdPartyCustomerReference: 'cus_1' }))
    assert.deepEqual([ok.paymentProviderId, ok.mandateReference], [stripe, `pm_${process.pid}`])
    // Retired, so that the owner's default provider is the one again.
    for (const id of [stripe, cheque]) {
      const retired = await server.request('PATCH', `/v1/payment-providers/${id}`, { token, headers: JSON_PATCH, body: '[{"op":"replace","path":"/status","value":"INACTIVE"}]' })
      assert.equal(retired.status, 200, retired.text)
    }
  })

  it('one live mandate per site and provider (409, also when raced); a provider\'s reference names one mandate (409)', async () => {
    const target = await newSite(server, token, setup)
    const results = await Promise.all(Array.from({ length: 8 }, () => post(mandateBody(target, { paymentProviderId: provider }))))
    assert.deepEqual(results.map((r) => r.status).sort(), [201, 409, 409, 409, 409, 409, 409, 409])
    const conflict = results.find((r) => r.status === 409)!
    assertError(conflict, 409, 'already_exists')
    assertFieldErrors(conflict, ['siteId:already_exists'])
    const first = results.find((r) => r.status === 201)!.body
    assert.equal((await patch(first.id, [{ op: 'replace', path: '/mandateStatus', value: 'EXPIRED' }])).status, 200)
    const second = await create(mandateBody(target, { mandateReference: `MD-${process.pid}` }))
    assertFieldErrors(await patch(first.id, [{ op: 'replace', path: '/mandateStatus', value: 'REINSTATED' }, { op: 'add', path: '/mandateReference', value: 'MD-other' }]), ['siteId:already_exists'])
    const taken = await post(mandateBody(await newSite(server, token, setup), { mandateReference: second.mandateReference }))
    assertError(taken, 409, 'already_exists')
    assertFieldErrors(taken, ['mandateReference:already_exists'])
  })

  it('PATCH (JSON Patch): 200, next ETag, mandateUpdatedDate moves; a no-op writes nothing; fixed fields 400; 409 test; 412; 415; 404', async () => {
    setToday('2026-03-01')
    const target = await newSite(server, token, setup)
    const { id } = await create(mandateBody(target))
    setToday('2026-03-05')
    const ok = await patch(id, [{ op: 'add', path: '/mandateReference', value: `MD-${process.pid}-P` }, { op: 'replace', path: '/mandateStatus', value: 'ACTIVE' }], { 'if-match': '"1"' })
    assert.equal(ok.status, 200, ok.text)
    assert.equal(ok.headers.get('etag'), '"2"')
    assert.deepEqual([ok.body.mandateStatus, ok.body.mandateCreatedDate, ok.body.mandateUpdatedDate], ['ACTIVE', '2026-03-01', '2026-03-05'])
    setToday('2026-03-09')
    const same = await patch(id, [{ op: 'replace', path: '/mandateStatus', value: 'ACTIVE' }])
    assert.deepEqual([same.headers.get('etag'), same.body.mandateUpdatedDate], ['"2"', '2026-03-05'])
    assertFieldErrors(await patch(id, [{ op: 'remove', path: '/mandateReference' }]), ['mandateReference:required'])
    assertFieldErrors(await patch(id, [{ op: 'replace', path: '/siteId', value: site }, { op: 'replace', path: '/paymentProviderId', value: provider + 1 }, { op: 'replace', path: '/flowToken', value: 'x' }]), [
      'siteId:read_only',
      'paymentProviderId:read_only',
      'flowToken:read_only',
    ])
    assertError(await patch(id, [{ op: 'test', path: '/mandateStatus', value: 'NEW' }]), 409, 'patch_test_failed')
    assertError(await patch(id, [{ op: 'replace', path: '/mandateStatus', value: 'FAILED' }], { 'if-match': '"1"' }), 412, 'precondition_failed')
    assertError(await server.request('PATCH', `${MANDATES}/${id}`, { token, headers: MERGE_PATCH, body: '{"mandateStatus":"FAILED"}' }), 415, 'unsupported_media_type')
    assert.equal((await server.request('GET', `${MANDATES}/${id}`, { token })).body.mandateStatus, 'ACTIVE', 'nothing refused was written')
    assertError(await patch(987654, []), 404, 'not_found')
  })

  it('lists by the published siteId filter, with sort and fields; HEAD 200/404; refuses unpublished filters; no DELETE', async () => {
    const target = await newSite(server, token, setup)
    const one = await create(mandateBody(target))
    await patch(one.id, [{ op: 'replace', path: '/mandateStatus', value: 'CANCELLED' }])
    const two = await create(mandateBody(target))
    const page = await server.request('GET', `${MANDATES}?page=1&pageSize=10&siteId=${target}&sort=id:desc&fields=id,mandateStatus`, { token })
    assert.equal(page.status, 200, page.text)
    assert.deepEqual(page.body, [{ id: two.id, mandateStatus: 'NEW' }, { id: one.id, mandateStatus: 'CANCELLED' }])
    assert.equal((await server.request('HEAD', `${MANDATES}?siteId=${target}`, { token })).status, 200)
    assert.equal((await server.request('HEAD', `${MANDATES}?siteId=987654`, { token })).status, 404)
    assertError(await server.request('GET', `${MANDATES}?page=1&pageSize=10&mandateStatus=NEW`, { token }), 400, 'invalid_query')
    assertError(await server.request('GET', `${MANDATES}?page=1&pageSize=10&siteId=abc`, { token }), 400, 'invalid_query')
    const remove = await server.request('DELETE', `${MANDATES}/${two.id}`, { token })
    assertError(remove, 405, 'method_not_allowed')
    assert.equal(remove.headers.get('allow'), 'GET, HEAD, OPTIONS, PATCH')
    assertError(await server.request('GET', `${MANDATES}/987654`, { token }), 404, 'not_found')
    assertError(await server.request('GET', `${MANDATES}/abc`, { token }), 400, 'invalid_path_parameter')
  })

  it('follows the site\'s contract-owner scope; payments:write to write (403); 401; brands never meet', async () => {
    const target = await newSite(server, token, setup)
    const mine = await create(mandateBody(target))
    const { setup: elsewhere, siteId: foreignSite } = await ownerWithSite(server, token)
    await newProvider(server, token, [elsewhere.contractOwnerId])
    const theirs = await create(mandateBody(foreignSite))
    const restricted = await loginAs(server, ['Customer Manager'], elsewhere.contractOwnerId)
    assertError(await server.request('GET', `${MANDATES}/${mine.id}`, { token: restricted }), 404, 'not_found')
    assert.equal((await server.request('GET', `${MANDATES}/${theirs.id}`, { token: restricted })).status, 200)
    const listed = await server.request('GET', `${MANDATES}?page=1&pageSize=100`, { token: restricted })
    assert.deepEqual(listed.body.map((m: { id: number }) => m.id), [theirs.id])
    assertFieldErrors(await post(mandateBody(await newSite(server, token, setup)), restricted), ['siteId:invalid_reference'])
    assertError(await server.request('PATCH', `${MANDATES}/${mine.id}`, { token: restricted, headers: JSON_PATCH, body: '[]' }), 404, 'not_found')
    const reader = await loginAs(server, ['Read Only'])
    assert.equal((await server.request('GET', `${MANDATES}/${mine.id}`, { token: reader })).status, 200)
    assertError(await post(mandateBody(target), reader), 403, 'insufficient_permission')
    assertError(await server.request('GET', `${MANDATES}?page=1&pageSize=1`), 401, 'authentication_required')
    const other = await otherBrandAdmin(server)
    assertError(await server.request('GET', `${MANDATES}/${mine.id}`, { token: other }), 404, 'not_found')
    assertFieldErrors(await post(mandateBody(target), other), ['siteId:invalid_reference'])
  })
})
