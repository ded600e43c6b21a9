import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { assertError } from '../helpers/assertions.ts'
import { billingCycleBody, contractOwnerBody, createAdminSetup, customerBody, siteBody, subBrandBody, type AdminSetup } from '../helpers/fixtures.ts'
import type { TestResponse } from '../helpers/http.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

/** Every create, with a fresh valid body and the list filter that finds what it made. */
interface Create {
  path: string
  body(): Record<string, unknown>
  /** Query that lists the rows a body made (by its unique or distinctive field). */
  find(body: Record<string, unknown>): string
}

let codes = 0
/** A currency code no seeded currency has (Y, then two letters from a counter). */
const raceCode = () => {
  const n = codes++
  return `Y${String.fromCharCode(65 + (Math.floor(n / 26) % 26))}${String.fromCharCode(65 + (n % 26))}`
}

describe('races: concurrent requests leave exactly one outcome', { timeout: 180_000 }, () => {
  let server: TestServer
  let token: string
  let setup: AdminSetup
  let creates: Create[]

  before(async () => {
    server = await startTestServer({ dbPoolSize: 10 })
    token = await server.login()
    setup = await createAdminSetup((m, p, o) => server.request(m, p, o), token)
    const customer = await server.request('POST', '/v1/customers', { token, json: customerBody(setup) })
    const supplier = await server.request('POST', '/v1/suppliers', { token, json: { name: `Raced supplier ${randomUUID()}` } })
    const template = await server.request('POST', '/v1/invoice-templates', { token, json: { name: `Raced template ${randomUUID()}` } })
    const byName = (field: string) => (body: Record<string, unknown>) => `${field}=${encodeURIComponent(String(body[field]))}`
    // Payment providers and site mandates are found by a contract owner, and a site, of their own
    // (three bodies each: the probe, the race, the idempotent race); the site's owner has one provider.
    const made = async (path: string, json: unknown) => (await server.request('POST', path, { token, json })).body
    const owners: number[] = []
    const sites: number[] = []
    for (let i = 0; i < 3; i++) owners.push((await made('/v1/contract-owners', contractOwnerBody())).id)
    for (let i = 0; i < 3; i++) sites.push((await made('/v1/customers', customerBody(setup))).sites[0].id)
    await made('/v1/payment-providers', { type: 'GO_CARDLESS', name: `Raced provider ${randomUUID()}`, status: 'ACTIVE', contractOwnerIds: [setup.contractOwnerId] })
    creates = [
      { path: '/v1/contract-owners', body: () => contractOwnerBody(), find: byName('name') },
      { path: '/v1/contract-owner-sub-brands', body: () => subBrandBody(setup.contractOwnerId), find: byName('name') },
      { path: '/v1/billing-cycles', body: () => billingCycleBody(setup.contractOwnerId), find: byName('name') },
      { path: '/v1/customers', body: () => customerBody(setup, { customerAccountNumber: `R${randomUUID().slice(0, 8)}` }), find: byName('customerAccountNumber') },
      { path: '/v1/sites', body: () => ({ ...siteBody(), customerId: customer.body.id }), find: byName('siteReference') },
      { path: '/v1/suppliers', body: () => ({ name: `Supplier ${randomUUID()}` }), find: byName('name') },
      { path: `/v1/suppliers/${supplier.body.id}/supplier-accounts`, body: () => ({ accountNumber: randomUUID().slice(0, 12) }), find: byName('accountNumber') },
      { path: '/v1/invoice-templates', body: () => ({ name: `Template ${randomUUID()}` }), find: byName('name') },
      { path: '/v1/invoice-document-profiles', body: () => ({ name: `Profile ${randomUUID()}`, invoiceTemplateId: template.body.id }), find: byName('name') },
      { path: '/v1/currencies', body: () => ({ name: 'Race credit', code: raceCode(), majorCurrencyName: 'credits', minorCurrencyName: 'bits' }), find: byName('code') },
      { path: '/v1/tax-bands', body: () => ({ code: `R${randomUUID().slice(0, 8)}`, name: `Race ${randomUUID()}`, defaultBand: false }), find: byName('code') },
      { path: '/v1/reference-data-sources', body: () => ({ name: `Race ${randomUUID()}` }), find: byName('name') },
      { path: '/v1/ignored-service-ids', body: () => ({ serviceId: `R${randomUUID().slice(0, 12)}` }), find: byName('serviceId') },
      { path: '/v2/rental-product-categories', body: () => ({ name: `Race ${randomUUID()}`, startDate: '2024-01-01', contractOwnerIds: [setup.contractOwnerId] }), find: byName('name') },
      { path: '/v2/usage-product-categories', body: () => ({ name: `Race ${randomUUID()}` }), find: byName('name') },
      { path: '/v2/product-custom-fields', body: () => ({ label: `Race ${randomUUID()}`, entityLevel: 'RENTAL_PRODUCT' }), find: byName('label') },
      { path: '/v1/payment-providers', body: () => ({ type: 'BACS', name: `Race ${randomUUID()}`, status: 'ACTIVE', contractOwnerIds: [owners.shift()] }), find: (body) => `contractOwnerId=${(body.contractOwnerIds as number[])[0]}` },
      { path: '/v1/site-payment-mandates', body: () => ({ siteId: sites.shift(), returnURL: 'https://race.example/done' }), find: byName('siteId') },
      // App clients are left out: their create answers a secret, so it takes no Idempotency-Key.
      { path: '/v1/users', body: () => ({ username: `race.${randomUUID().slice(0, 8)}`, firstName: 'R', lastName: 'C', email: 'r@example.com', userRoles: [] }), find: byName('username') },
    ]
  })
  after(() => server.close())

  const post = (path: string, json: unknown, headers: Record<string, string> = {}) => server.request('POST', path, { token, json, headers })
  const rows = async (create: Create, body: Record<string, unknown>) => {
    const response = await server.request('GET', `${create.path}?page=1&pageSize=100&${create.find(body)}`, { token })
    assert.equal(response.status, 200, response.text)
    return response.body as Array<{ id: number }>
  }
  const statuses = (responses: TestResponse[]) => responses.map((r) => r.status).sort()

  it('50 identical creates of every resource with a unique key: one 201, 49 × 409 already_exists, one row', async (t) => {
    const raced: string[] = []
    for (const create of creates) {
      // A resource has a unique key when the same body twice is refused (409); only those race.
      const probe = create.body()
      assert.equal((await post(create.path, probe)).status, 201)
      const again = await post(create.path, probe)
      if (again.status !== 409) continue
      raced.push(create.path)
      const body = create.body()
      const responses = await Promise.all(Array.from({ length: 50 }, () => post(create.path, body)))
      assert.deepEqual(statuses(responses), [201, ...Array(49).fill(409)], create.path)
      for (const response of responses.filter((r) => r.status === 409)) assertError(response, 409, 'already_exists', create.path)
      assert.equal((await rows(create, body)).length, 1, `${create.path}: one row`)
    }
    t.diagnostic(`raced: ${raced.join(', ')}`)
    assert.ok(raced.includes('/v1/customers') && raced.includes('/v1/sites'), 'customers (account number) and sites (reference) have unique keys')
    assert.ok(['/v1/currencies', '/v1/tax-bands', '/v1/reference-data-sources', '/v1/ignored-service-ids'].every((path) => raced.includes(path)), 'reference data with unique keys')
    assert.ok(raced.includes('/v1/payment-providers') && raced.includes('/v1/site-payment-mandates'), 'payment providers (name) and mandates (one live per site and provider)')
  })

  it('20 concurrent creates with one Idempotency-Key, for every create: one resource, every answer its outcome or 409 in progress', async () => {
    for (const create of creates) {
      const body = create.body()
      const key = randomUUID()
      const responses = await Promise.all(Array.from({ length: 20 }, () => post(create.path, body, { 'idempotency-key': key })))
      const created = responses.filter((r) => r.status === 201)
      assert.ok(created.length >= 1, `${create.path}: ${statuses(responses)}`)
      assert.equal(new Set(created.map((r) => r.body.id)).size, 1, `${create.path}: one id in every 201`)
      for (const r of responses.filter((r) => r.status !== 201)) {
        assertError(r, 409, 'idempotency_key_in_progress', create.path)
        assert.equal(r.headers.get('retry-after'), '1')
      }
      assert.equal((await rows(create, body)).length, 1, `${create.path}: one row`)
      const replay = await post(create.path, body, { 'idempotency-key': key })
      assert.equal(replay.headers.get('idempotent-replayed'), 'true')
      assert.equal(replay.body.id, created[0]!.body.id)
    }
  })

  it('20 concurrent PATCHes with one If-Match: one 200, 19 × 412, and the winner’s change is the one kept', async () => {
    const created = await post('/v1/contract-owners', contractOwnerBody())
    const etag = created.headers.get('etag')!
    const names = Array.from({ length: 20 }, (_, i) => `Renamed ${i} ${randomUUID().slice(0, 6)}`)
    const responses = await Promise.all(
      names.map((name) =>
        server.request('PATCH', `/v1/contract-owners/${created.body.id}`, {
          token,
          body: JSON.stringify({ name }),
          headers: { 'content-type': 'application/merge-patch+json', 'if-match': etag },
        }),
      ),
    )
    assert.deepEqual(statuses(responses), [200, ...Array(19).fill(412)])
    for (const r of responses.filter((r) => r.status === 412)) assertError(r, 412, 'precondition_failed')
    const winner = responses.find((r) => r.status === 200)!
    const now = await server.request('GET', `/v1/contract-owners/${created.body.id}`, { token })
    assert.equal(now.body.name, winner.body.name, 'no lost update')
    assert.equal(now.headers.get('etag'), winner.headers.get('etag'))
    assert.notEqual(now.headers.get('etag'), etag)
  })

  it('30 concurrent customers numbered by the sub-brand: no duplicate numbers and, all succeeding, no gaps', async () => {
    const own = await createAdminSetup((m, p, o) => server.request(m, p, o), token, { accountNumberFormat: 'RC00000' })
    const responses = await Promise.all(Array.from({ length: 30 }, () => post('/v1/customers', customerBody(own))))
    assert.deepEqual(statuses(responses), Array(30).fill(201))
    const numbers = responses.map((r) => r.body.customerAccountNumber as string).sort()
    assert.equal(new Set(numbers).size, 30, 'no duplicates')
    assert.deepEqual(numbers, Array.from({ length: 30 }, (_, i) => `RC${String(i + 1).padStart(5, '0')}`), 'RC00001 to RC00030')
  })

  it('20 concurrent overlapping periods of one series (a tax band’s rates, a dialstring of a source): one 201, 19 × 409 overlapping_period', async () => {
    const band = await post('/v1/tax-bands', { code: `O${randomUUID().slice(0, 8)}`, name: `Overlap ${randomUUID()}`, defaultBand: false })
    const rates = await Promise.all(Array.from({ length: 20 }, (_, i) => post('/v1/tax-band-rates', { taxBandId: band.body.id, rate: i, startDate: `2020-01-${String(i + 1).padStart(2, '0')}` })))
    assert.deepEqual(statuses(rates), [201, ...Array(19).fill(409)])
    for (const r of rates.filter((r) => r.status === 409)) assertError(r, 409, 'overlapping_period')
    const category = await post('/v1/charge-group-categories', { name: 'Race', chargingUnitType: 'DURATION', startDate: '2024-01-01' })
    const group = await post('/v1/charge-groups', { name: 'Race', chargeGroupCategoryId: category.body.id, startDate: '2024-01-01' })
    const source = await post('/v1/reference-data-sources', { name: `Race source ${randomUUID()}` })
    const sourceGroups = await Promise.all(['A', 'B'].map((code) => post('/v1/reference-data-source-charge-groups', { name: code, code, chargeGroupId: group.body.id, referenceDataSourceId: source.body.id, startDate: '2024-01-01' })))
    const dialstrings = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post('/v1/dialstrings', { dialstring: '4420', referenceDataSourceChargeGroupId: sourceGroups[i % 2]!.body.id, startDate: `2024-02-${String(i + 1).padStart(2, '0')}` })),
    )
    assert.deepEqual(statuses(dialstrings), [201, ...Array(19).fill(409)])
    for (const r of dialstrings.filter((r) => r.status === 409)) assertError(r, 409, 'overlapping_period')
  })
})
