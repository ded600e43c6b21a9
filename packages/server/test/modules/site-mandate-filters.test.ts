import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError } from '../helpers/assertions.ts'
import { runDocExamples } from '../helpers/docs.ts'
import type { AdminSetup } from '../helpers/fixtures.ts'
import { JSON_PATCH, created } from '../helpers/requests.ts'
import type { TestServer } from '../helpers/server.ts'
import { loginAs } from '../helpers/users.ts'
import { mandateBody, newProvider, newSite, ownerWithSite, startPaymentServer } from './payment-fixtures.ts'

// The published mandate filters of GET and HEAD /v1/sites: sites with a mandate matching them all.
describe('/v1/sites mandate filters', () => {
  let server: TestServer
  let token: string
  let setToday: (day: string) => void
  let setup: AdminSetup
  let provider: number
  let second: number
  /** Sites by name: a (ACTIVE, ref A, 03-01 → 03-10), b (CANCELLED ref B, 03-05; and NEW with the second provider, 03-05), c (no mandate). */
  const sites: Record<string, number> = {}
  const ref = (name: string) => `REF-${process.pid}-${name}`
  const found = async (query: string, as = token) => {
    const response = await server.request('GET', `/v1/sites?page=1&pageSize=100&sort=id&fields=id&customerId=${encodeURIComponent(`in:${Object.values(customers).join(',')}`)}&${query}`, { token: as })
    assert.equal(response.status, 200, response.text)
    return response.body.map((s: { id: number }) => Object.keys(sites).find((name) => sites[name] === s.id)).join(',')
  }
  const customers: Record<string, number> = {}
  const mandate = async (siteId: number, body: Record<string, unknown>, status?: string) => {
    const { id } = await created(server, token, '/v1/site-payment-mandates', mandateBody(siteId, body))
    if (status === undefined) return
    const response = await server.request('PATCH', `/v1/site-payment-mandates/${id}`, { token, headers: JSON_PATCH, body: JSON.stringify([{ op: 'replace', path: '/mandateStatus', value: status }]) })
    assert.equal(response.status, 200, response.text)
  }

  before(async () => {
    ;({ server, token, setToday } = await startPaymentServer())
    const first = await ownerWithSite(server, token)
    setup = first.setup
    sites.a = first.siteId
    sites.b = await newSite(server, token, setup)
    sites.c = await newSite(server, token, setup)
    for (const name of ['a', 'b', 'c']) customers[name] = (await server.request('GET', `/v1/sites/${sites[name]}`, { token })).body.customerId
    provider = await newProvider(server, token, [setup.contractOwnerId])
    second = await newProvider(server, token, [setup.contractOwnerId], { type: 'CHEQUE' })
    setToday('2026-03-01')
    await created(server, token, '/v1/site-payment-mandates', mandateBody(sites.a!, { paymentProviderId: provider, mandateReference: ref('A') }))
    setToday('2026-03-05')
    await mandate(sites.b!, { paymentProviderId: provider, mandateReference: ref('B') }, 'CANCELLED')
    await mandate(sites.b!, { paymentProviderId: second })
    setToday('2026-03-10')
    const [a] = (await server.request('GET', `/v1/site-payment-mandates?page=1&pageSize=1&siteId=${sites.a}`, { token })).body
    const active = await server.request('PATCH', `/v1/site-payment-mandates/${a.id}`, { token, headers: JSON_PATCH, body: '[{"op":"replace","path":"/mandateStatus","value":"ACTIVE"}]' })
    assert.equal(active.status, 200, active.text)
  })
  after(() => server.close())

  it('mandateStatus and mandateReference: value, in:, like:', async () => {
    assert.equal(await found(''), 'a,b,c', 'without mandate filters the list is unchanged')
    assert.equal(await found('mandateStatus=ACTIVE'), 'a')
    assert.equal(await found(`mandateStatus=${encodeURIComponent('in:CANCELLED,NEW')}`), 'b')
    assert.equal(await found('mandateStatus=like:e'), 'a,b', 'case-insensitive, contains')
    assert.equal(await found('mandateStatus=EXPIRED'), '')
    assert.equal(await found(`mandateReference=${ref('B')}`), 'b')
    assert.equal(await found(`mandateReference=${encodeURIComponent(`in:${ref('A')},${ref('B')}`)}`), 'a,b')
    assert.equal(await found(`mandateReference=like:${ref('')}`), 'a,b')
  })

  it('mandateCreatedDate and mandateUpdatedDate: day, lt:, gt:, gtn:', async () => {
    assert.equal(await found('mandateCreatedDate=2026-03-01'), 'a')
    assert.equal(await found('mandateCreatedDate=gt:2026-03-01'), 'b')
    assert.equal(await found('mandateCreatedDate=lt:2026-03-05'), 'a')
    assert.equal(await found('mandateCreatedDate=gtn:2026-02-28'), 'a,b', 'a site without a mandate has no mandate date to be null')
    assert.equal(await found('mandateUpdatedDate=2026-03-10'), 'a')
    assert.equal(await found('mandateUpdatedDate=lt:2026-03-10'), 'b')
  })

  it('one mandate must match every mandate filter; other filters still apply; HEAD 200/404', async () => {
    // b has a CANCELLED mandate with reference B and a NEW one without: no single mandate is both.
    assert.equal(await found(`mandateStatus=NEW&mandateReference=${ref('B')}`), '')
    assert.equal(await found(`mandateStatus=CANCELLED&mandateReference=${ref('B')}`), 'b')
    assert.equal(await found(`mandateStatus=like:e&siteReference=${encodeURIComponent((await server.request('GET', `/v1/sites/${sites.a}`, { token })).body.siteReference)}`), 'a')
    assert.equal((await server.request('HEAD', `/v1/sites?mandateStatus=ACTIVE&customerId=${customers.a}`, { token })).status, 200)
    assert.equal((await server.request('HEAD', `/v1/sites?mandateStatus=ACTIVE&customerId=${customers.b}`, { token })).status, 404)
    assert.equal((await server.request('HEAD', `/v1/sites?mandateCreatedDate=gt:2026-03-01&mandateUpdatedDate=2026-03-05`, { token })).status, 200)
  })

  it('refuses malformed mandate filters (400 invalid_query), and keeps contract-owner scope', async () => {
    assertError(await server.request('GET', '/v1/sites?page=1&pageSize=10&mandateCreatedDate=2026-02-30', { token }), 400, 'invalid_query')
    assertError(await server.request('GET', '/v1/sites?page=1&pageSize=10&mandateUpdatedDate=ge:2026-03-01', { token }), 400, 'invalid_query')
    assertError(await server.request('GET', '/v1/sites?page=1&pageSize=10&mandateStatus=like:', { token }), 400, 'invalid_query')
    assert.equal((await server.request('HEAD', '/v1/sites?mandateCreatedDate=yesterday', { token })).status, 400)
    const { setup: elsewhere } = await ownerWithSite(server, token)
    const restricted = await loginAs(server, ['Read Only'], elsewhere.contractOwnerId)
    assert.equal(await found('mandateStatus=ACTIVE', restricted), '')
  })

  it('runs the docs example as written', async () => {
    const stdout = await runDocExamples(server.url, ['payment-providers-and-mandates.md'])
    assert.deepEqual(stdout.trim().split('\n').slice(-3), ['true ACTIVE MD000123', '[{"siteReference":"DD-1"}]', '404'])
  })
})
