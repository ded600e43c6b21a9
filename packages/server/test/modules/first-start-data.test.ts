import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { siteBody } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

describe('reference data of the first start', () => {
  let server: TestServer
  let token: string
  before(async () => {
    server = await startTestServer()
    token = await server.login()
  })
  after(() => server.close())

  it('is enough to create a customer straight away', async () => {
    const [owner] = (await server.request('GET', '/v1/contract-owners?page=1&pageSize=10', { token })).body
    const [cycle] = (await server.request('GET', `/v1/billing-cycles?page=1&pageSize=10&contractOwnerId=${owner.id}`, { token })).body
    const created = await server.request('POST', '/v1/customers', {
      token,
      json: { contractOwnerId: owner.id, billingCycleId: cycle.id, customerType: 'RESIDENTIAL', customerName: 'First Customer', startDate: '2024-01-01', sites: [siteBody()] },
    })
    assert.equal(created.status, 201, created.text)
    assert.equal(created.body.customerAccountNumber, 'CU000001')
  })

  it('passes the same validation as data created through the API', async () => {
    for (const path of ['/v1/contract-owners', '/v1/contract-owner-sub-brands', '/v1/billing-cycles']) {
      const [record] = (await server.request('GET', `${path}?page=1&pageSize=1`, { token })).body
      const response = await server.request('PATCH', `${path}/${record.id}`, { token, headers: { 'content-type': 'application/merge-patch+json' }, body: '{}' })
      assert.equal(response.status, 200, `${path}: ${response.text}`)
    }
  })
})
