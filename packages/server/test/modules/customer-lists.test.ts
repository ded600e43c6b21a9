import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { createAdminSetup, customerBody, type AdminSetup } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

describe('customer lists, filters and HEAD', () => {
  let server: TestServer
  let token: string
  let setup: AdminSetup
  let other: AdminSetup
  const ids: Record<string, number> = {}
  const names = async (query: string) => {
    const response = await server.request('GET', `/v1/customers?page=1&pageSize=100&${query}`, { token })
    assert.equal(response.status, 200, response.text)
    return response.body.map((c: { customerName: string }) => c.customerName).sort()
  }

  before(async () => {
    server = await startTestServer()
    token = await server.login()
    setup = await createAdminSetup((m, p, o) => server.request(m, p, o), token)
    other = await createAdminSetup((m, p, o) => server.request(m, p, o), token)
    const rows: Array<[string, AdminSetup, Record<string, unknown>]> = [
      ['Smith & Sons', setup, { customerType: 'BUSINESS', startDate: '2024-01-10', customerAccountNumber: 'L-001' }],
      ['Jane Smithson', setup, { customerType: 'RESIDENTIAL', startDate: '2024-03-01', endDate: '2024-12-31', customerAccountNumber: 'L-002' }],
      ['Brown Ltd', other, { customerType: 'BUSINESS', startDate: '2023-06-15', endDate: '2025-06-30', customerAccountNumber: 'L-003' }],
      ['50% Off_Store', other, { customerType: 'RESELLER', startDate: '2025-01-01', customerAccountNumber: 'L-004' }],
    ]
    for (const [customerName, owner, extra] of rows) {
      const response = await server.request('POST', '/v1/customers', { token, json: customerBody(owner, { customerName, ...extra }) })
      assert.equal(response.status, 201, response.text)
      ids[customerName] = response.body.id
    }
  })
  after(() => server.close())

  it('filters strings by value, in: and like: (case-insensitive, contains, or a % pattern)', async () => {
    assert.deepEqual(await names('customerName=Brown%20Ltd'), ['Brown Ltd'])
    assert.deepEqual(await names('customerAccountNumber=in:L-001,L-003'), ['Brown Ltd', 'Smith & Sons'])
    assert.deepEqual(await names('customerName=like:SMITH'), ['Jane Smithson', 'Smith & Sons'])
    assert.deepEqual(await names('customerName=like:smith%25'), ['Smith & Sons'])
    assert.deepEqual(await names('customerName=like:50%25store'), ['50% Off_Store'])
    assert.deepEqual(await names('customerName=like:o_f'), [], 'without % an underscore is literal (as a wildcard it would match "Off")')
    assert.deepEqual(await names('customerType=RESELLER'), ['50% Off_Store'])
  })

  it('filters ids by value and in:', async () => {
    assert.deepEqual(await names(`contractOwnerId=${setup.contractOwnerId}`), ['Jane Smithson', 'Smith & Sons'])
    assert.deepEqual(await names(`billingCycleId=in:${setup.billingCycleId},${other.billingCycleId}`), ['50% Off_Store', 'Brown Ltd', 'Jane Smithson', 'Smith & Sons'])
  })

  it('filters dates with equality, lt:, gt: and gtn: (later, or no end date)', async () => {
    assert.deepEqual(await names('startDate=2024-01-10'), ['Smith & Sons'])
    assert.deepEqual(await names('startDate=lt:2024-01-10'), ['Brown Ltd'])
    assert.deepEqual(await names('startDate=gt:2024-01-10'), ['50% Off_Store', 'Jane Smithson'])
    assert.deepEqual(await names('endDate=gt:2025-01-01'), ['Brown Ltd'])
    assert.deepEqual(await names('endDate=gtn:2025-01-01'), ['50% Off_Store', 'Brown Ltd', 'Smith & Sons'])
  })

  it('filters date-times by lt: and gt:', async () => {
    const all = await names('createdDate=gt:2000-01-01T00:00:00Z')
    assert.equal(all.length, 4)
    assert.deepEqual(await names('createdDate=lt:2000-01-01T00:00:00Z'), [])
    assert.deepEqual(await names(`updatedDate=gt:${new Date(Date.now() + 60_000).toISOString()}`), [])
  })

  it('combines filters, sort and fields', async () => {
    const response = await server.request('GET', `/v1/customers?page=1&pageSize=10&customerType=BUSINESS&sort=startDate:desc&fields=customerName,startDate`, { token })
    assert.deepEqual(response.body, [
      { customerName: 'Smith & Sons', startDate: '2024-01-10' },
      { customerName: 'Brown Ltd', startDate: '2023-06-15' },
    ])
  })

  it('rejects bad filter syntax, naming each parameter', async () => {
    const response = await server.request('GET', '/v1/customers?page=1&pageSize=10&contractOwnerId=abc&startDate=ge:2024-01-01&createdDate=yesterday&billingCycleId=in:1,x', { token })
    assertError(response, 400, 'invalid_query')
    assertFieldErrors(response, ['contractOwnerId:invalid_filter', 'startDate:invalid_filter', 'createdDate:invalid_filter', 'billingCycleId:invalid_filter'])
  })

  it('pages with Link headers', async () => {
    const first = await server.request('GET', '/v1/customers?page=1&pageSize=3&sort=customerName', { token })
    assert.equal(first.body.length, 3)
    assert.equal(first.headers.get('link'), '</v1/customers?page=2&pageSize=3&sort=customerName>; rel="next"')
    const second = await server.request('GET', '/v1/customers?page=2&pageSize=3&sort=customerName', { token })
    assert.equal(second.body.length, 1)
    assert.equal(second.headers.get('link'), '</v1/customers?page=1&pageSize=3&sort=customerName>; rel="prev"')
  })

  it('answers HEAD with 200 when a customer matches the filters and 404 when none does, without a body', async () => {
    const found = await server.request('HEAD', '/v1/customers?customerName=like:smith', { token })
    assert.equal(found.status, 200)
    assert.equal(found.text, '')
    const none = await server.request('HEAD', '/v1/customers?customerName=Nobody', { token })
    assert.equal(none.status, 404)
    assert.equal(none.text, '')
    assert.equal((await server.request('HEAD', '/v1/customers', { token })).status, 200, 'no filter: any customer')
    assert.equal((await server.request('HEAD', '/v1/customers?startDate=soon', { token })).status, 400)
    assert.equal((await server.request('HEAD', '/v1/customers?page=1', { token })).status, 400, 'paging is not an exists filter')
  })
})
