import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  ApiError,
  ConflictError,
  ElevateClient,
  NotFoundError,
  PreconditionFailedError,
  type Customer,
  type CustomerWithSites,
  type ElevateClientOptions,
} from '../../src/index.ts'
import { billingCycleBody, contractOwnerBody, customerBody, newSiteOf, subBrandBody, unique, type Setup } from '../helpers/bodies.ts'
import { startDroppingProxy } from '../helpers/dropping-proxy.ts'
import { ADMIN, startRealServer, type RealServer } from '../helpers/real-server.ts'

describe('resources against the real server', () => {
  let server: RealServer
  let client: ElevateClient
  /** Every request the client sent, as `METHOD /path?query`. */
  const sent: string[] = []
  let setup: Setup
  let customer: CustomerWithSites

  before(async () => {
    server = await startRealServer()
    client = connect(server.url, {
      fetch: (url, init) => {
        sent.push(`${init.method} ${url.slice(server.url.length)}`)
        return fetch(url, init)
      },
    })
  })
  after(() => server?.stop())

  function connect(baseUrl: string, options: Partial<ElevateClientOptions> = {}): ElevateClient {
    return new ElevateClient({ baseUrl, ...ADMIN, ...options } as ElevateClientOptions)
  }

  /** The error a call rejects with; fails the test if it resolves. */
  async function failure(call: Promise<unknown>): Promise<ApiError> {
    const error = await call.then(
      () => assert.fail('expected the call to fail'),
      (e: unknown) => e,
    )
    assert.ok(error instanceof ApiError, `not an ApiError: ${String(error)}`)
    return error
  }

  it('creates a contract owner, a sub-brand and a billing cycle, and reads them back', async () => {
    const owner = await client.contractOwners.create(contractOwnerBody())
    const subBrand = await client.contractOwnerSubBrands.create(subBrandBody(owner.id))
    const cycle = await client.billingCycles.create(billingCycleBody(owner.id))
    setup = { contractOwnerId: owner.id, subBrandId: subBrand.id, billingCycleId: cycle.id }

    assert.deepEqual(await client.contractOwners.getWithETag(owner.id), { item: owner, etag: '"1"' })
    assert.deepEqual(await client.contractOwnerSubBrands.get(subBrand.id), subBrand)
    assert.deepEqual(await client.billingCycles.get(cycle.id), cycle)
    assert.deepEqual(await client.contractOwners.list({ page: 1, pageSize: 10, name: owner.name }), [owner])
    assert.deepEqual(await client.contractOwnerSubBrands.list({ page: 1, pageSize: 10, contractOwnerId: String(owner.id) }), [subBrand])
    const cycles = await client.billingCycles.list({ page: 1, pageSize: 10, contractOwnerId: String(owner.id), fields: 'id,name' })
    assert.deepEqual(cycles, [{ id: cycle.id, name: cycle.name }])
  })

  it('creates a customer with its site in one call, and both can be read back', async () => {
    const body = customerBody(setup, { customerAccountNumber: unique('ACC').replace(/\W/g, '') })
    customer = await client.customers.create(body)
    const { sites, ...fields } = customer
    assert.equal(fields.customerAccountNumber, body.customerAccountNumber)
    assert.equal(fields.contractOwnerSubBrandId, setup.subBrandId)
    assert.equal(sites.length, 1)
    assert.equal(sites[0]!.customerId, customer.id)
    assert.equal(sites[0]!.siteReference, body.sites[0]!.siteReference)
    const read: Customer = await client.customers.get(customer.id)
    assert.deepEqual(read, fields)
    assert.deepEqual(await client.sites.get(sites[0]!.id), sites[0])
  })

  it('generates the account number from the sub-brand when none is given', async () => {
    const generated = await client.customers.create(customerBody(setup))
    assert.equal(generated.customerAccountNumber, 'SI0001') // the sub-brand's accountNumberFormat is SI0000
  })

  it('adds a site to an existing customer and lists the customer’s sites', async () => {
    const site = await client.sites.create(newSiteOf(customer.id))
    assert.equal(site.customerId, customer.id)
    const listed = await client.sites.list({ page: 1, pageSize: 10, customerId: String(customer.id), sort: 'id' })
    assert.deepEqual(listed.map((each) => each.id), [customer.sites[0]!.id, site.id])
  })

  it('answers exists() from HEAD: true when something matches, false when nothing does', async () => {
    assert.equal(await client.customers.exists({ customerAccountNumber: customer.customerAccountNumber }), true)
    assert.equal(await client.customers.exists({ customerName: `like:${customer.customerName.slice(0, 8)}`, contractOwnerId: String(setup.contractOwnerId) }), true)
    assert.equal(await client.customers.exists({ customerAccountNumber: 'NO-SUCH-ACCOUNT' }), false)
    const reference = customer.sites[0]!.siteReference
    assert.equal(await client.sites.exists({ customerId: String(customer.id), siteReference: reference }), true)
    assert.equal(await client.sites.exists({ customerId: String(customer.id), siteReference: `${reference}-missing` }), false)
    assert.ok(sent.filter((line) => line.startsWith('HEAD ')).length >= 5)
  })

  it('updates with a merge patch: members changed, nested objects merged, null removes', async () => {
    const renamed = await client.customers.update(customer.id, { customerName: `${customer.customerName} Ltd`, endDate: '2030-12-31' })
    assert.equal(renamed.customerName, `${customer.customerName} Ltd`)
    assert.equal(renamed.endDate, '2030-12-31')
    const cleared = await client.customers.update(customer.id, { endDate: null })
    assert.equal('endDate' in cleared, false)
    assert.deepEqual(await client.customers.get(customer.id), cleared)

    const owner = await client.contractOwners.update(setup.contractOwnerId, { address: { town: 'York', county: 'North Yorkshire' } })
    assert.deepEqual(owner.address, { address1: '1 High Street', town: 'York', county: 'North Yorkshire', postcode: 'LS1 1AA', country: 'GB' })
    const subBrand = await client.contractOwnerSubBrands.update(setup.subBrandId, { customerServiceEmail: 'help@example.com' })
    assert.equal(subBrand.customerServiceEmail, 'help@example.com')
    const cycle = await client.billingCycles.update(setup.billingCycleId, { startDayOfPeriod: 15 })
    assert.equal(cycle.startDayOfPeriod, 15)
    const site = await client.sites.update(customer.sites[0]!.id, { siteAddress: { town: 'Hull' } })
    assert.equal(site.siteAddress.town, 'Hull')
    assert.equal(site.siteAddress.address1, '1 High Street')
  })

  it('updates with a JSON Patch under If-Match, and the ETag moves on', async () => {
    const { item, etag } = await client.customers.getWithETag(customer.id)
    assert.match(etag ?? '', /^"\d+"$/)
    const patched = await client.customers.update(
      customer.id,
      [
        { op: 'test', path: '/customerName', value: item.customerName },
        { op: 'replace', path: '/customerName', value: 'Patched Trading' },
        { op: 'add', path: '/endDate', value: '2031-01-31' },
      ],
      { ifMatch: etag },
    )
    assert.equal(patched.customerName, 'Patched Trading')
    assert.equal(patched.endDate, '2031-01-31')
    const after = await client.customers.getWithETag(customer.id)
    assert.deepEqual(after.item, patched)
    assert.notEqual(after.etag, etag)
  })

  it('a stale ifMatch gives PreconditionFailedError, at once and without a change', async () => {
    const { etag } = await client.customers.getWithETag(customer.id)
    await client.customers.update(customer.id, { customerName: 'Newer Trading' }, { ifMatch: etag })
    const error = await failure(client.customers.update(customer.id, { customerName: 'Lost Update' }, { ifMatch: etag }))
    assert.ok(error instanceof PreconditionFailedError)
    assert.equal(error.code, 'precondition_failed')
    assert.equal(error.attempt, 1)
    assert.equal((await client.customers.get(customer.id)).customerName, 'Newer Trading')
  })

  it('a failed JSON Patch test gives ConflictError patch_test_failed, and nothing changes', async () => {
    const before = await client.customers.get(customer.id)
    const error = await failure(
      client.customers.update(customer.id, [
        { op: 'test', path: '/customerName', value: 'Somebody Else' },
        { op: 'replace', path: '/customerName', value: 'Never Written' },
      ]),
    )
    assert.ok(error instanceof ConflictError)
    assert.equal(error.code, 'patch_test_failed')
    assert.deepEqual(await client.customers.get(customer.id), before)
  })

  it('a duplicate customerAccountNumber gives ConflictError naming the field', async () => {
    const error = await failure(client.customers.create(customerBody(setup, { customerAccountNumber: customer.customerAccountNumber })))
    assert.ok(error instanceof ConflictError)
    assert.equal(error.code, 'already_exists')
    assert.deepEqual(error.errors.map((each) => `${each.field}:${each.code}`), ['customerAccountNumber:already_exists'])
    assert.equal(error.attempt, 1)
  })

  it('an unknown id gives NotFoundError on every resource', async () => {
    for (const get of [client.contractOwners.get, client.contractOwnerSubBrands.get, client.billingCycles.get, client.customers.get, client.sites.get]) {
      assert.ok((await failure(get(987_654))) instanceof NotFoundError)
    }
  })

  it('listAll walks the customers of a contract owner across several pages, in order', async () => {
    await Promise.all(Array.from({ length: 5 }, () => client.customers.create(customerBody(setup))))
    const filters = { contractOwnerId: String(setup.contractOwnerId) }
    const everyOne = await client.customers.list({ page: 1, pageSize: 1000, sort: 'id', ...filters })
    assert.ok(everyOne.length >= 7, `only ${everyOne.length} customers`)
    const pagesBefore = sent.filter((line) => line.startsWith('GET /v1/customers?')).length
    const walked: number[] = []
    for await (const each of client.customers.listAll({ ...filters, sort: 'id' }, { pageSize: 2 })) walked.push(each.id)
    assert.deepEqual(walked, everyOne.map((each) => each.id))
    const pages = sent.filter((line) => line.startsWith('GET /v1/customers?')).length - pagesBefore
    assert.equal(pages, Math.ceil(everyOne.length / 2))
  })

  it('a create retried after a lost answer (same Idempotency-Key) leaves exactly one customer', async () => {
    // The proxy lets the first customer POST reach the server, reads the 201, and then resets
    // the client's connection: the SDK sees a network error and sends the POST again.
    const proxy = await startDroppingProxy(server.url, (request) => request.method === 'POST' && request.url === '/v1/customers')
    try {
      const retrying = connect(proxy.url, { retry: { baseDelayMs: 10 } })
      const body = customerBody(setup, { customerAccountNumber: unique('IDEM').replace(/\W/g, '') })
      const created = await retrying.customers.create(body)

      const posts = proxy.requests.filter((request) => request.method === 'POST' && request.path === '/v1/customers')
      assert.equal(posts.length, 2, 'the SDK retried the create once')
      assert.equal(posts[0]!.dropped, true)
      assert.equal(posts[0]!.upstreamStatus, 201, 'the first attempt did create the customer')
      const keys = posts.map((post) => post.headers['idempotency-key'])
      assert.match(String(keys[0]), /^[0-9a-f-]{36}$/)
      assert.equal(keys[1], keys[0])
      // The retry was answered with the first attempt's outcome, not by a second create.
      assert.equal(posts[1]!.upstreamStatus, 201)
      assert.equal(posts[1]!.upstreamHeaders?.['idempotent-replayed'], 'true')
      assert.deepEqual(created, JSON.parse(posts[0]!.droppedBody ?? 'null'))

      const byAccount = await client.customers.list({ page: 1, pageSize: 10, customerAccountNumber: body.customerAccountNumber })
      assert.deepEqual(byAccount.map((each) => each.id), [created.id])
      const byName = await client.customers.list({ page: 1, pageSize: 10, customerName: body.customerName })
      assert.deepEqual(byName.map((each) => each.id), [created.id])
      assert.equal(created.sites.length, 1)
      const sites = await client.sites.list({ page: 1, pageSize: 10, customerId: String(created.id) })
      assert.deepEqual(sites.map((site) => site.id), [created.sites[0]!.id])
    } finally {
      await proxy.close()
    }
  })
})
