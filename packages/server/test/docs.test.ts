import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { runDocExamples } from './helpers/docs.ts'
import { startTestServer, type TestServer } from './helpers/server.ts'

// The curl examples of the module docs must work as written: run them, in order, with bash and curl.
describe('docs/modules examples', () => {
  let server: TestServer
  before(async () => {
    server = await startTestServer()
  })
  after(() => server.close())

  it('customers-and-sites.md, then admin.md, run from top to bottom against a fresh server', async () => {
    const stdout = await runDocExamples(server.url, ['customers-and-sites.md', 'admin.md'])
    assert.match(stdout, /HTTP\/1.1 201 Created/)
    assert.match(stdout, /"customerName":"Acme Trading Group"/)
    assert.match(stdout, /"siteReference":"ACME-WH"/)
    assert.match(stdout, /\]200$/m, 'the HEAD exists-check (after the list) finds the customer')
    assert.match(stdout, /204\n404\n\{"status":409,.*"code":"in_use"/, 'a spare sub-brand is deleted once; the one with a customer is in use')
    const customers = await server.request('GET', '/v1/customers?page=1&pageSize=10', { token: await server.login() })
    assert.deepEqual(customers.body.map((c: { customerName: string }) => c.customerName), ['Acme Trading Group'])
  })

  it('pricing.md runs from top to bottom: rate cards with their rates, usage rates, an inclusive usage plan', async () => {
    const stdout = await runDocExamples(server.url, ['pricing.md'])
    const lines = stdout.trim().split('\n')
    assert.deepEqual([lines.at(-4), lines.at(-2), lines.at(-1)], ['200', '8.75', 'PEAK,OFFPEAK,WEEKEND'], stdout)
    assert.match(lines.at(-3)!, /^\[\{"chargeGroupId":\d+,"peakValue":2\.5,"offPeakValue":1\},\{"chargeGroupId":\d+,"peakValue":9\.5,"offPeakValue":0\}\]$/)
    assert.match(stdout, /^1\.03$/m, 'the rental rate PATCHed')
    assert.match(stdout, /^415$/m, 'a merge patch on the rate card')
  })
})
