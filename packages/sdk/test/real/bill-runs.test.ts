import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { ApiError, ElevateClient, type ElevateClientOptions } from '../../src/index.ts'
import { ADMIN, startRealServer, type RealServer } from '../helpers/real-server.ts'

describe('the Bill Run API against the real server (its job workers on)', () => {
  let server: RealServer
  let client: ElevateClient

  before(async () => {
    server = await startRealServer()
    client = new ElevateClient({ baseUrl: server.url, ...ADMIN } as ElevateClientOptions)
  })
  after(() => server?.stop())

  it('adjusts the schedule, closes the bill run (a job the server runs), and creates an adhoc bill run', async () => {
    const [open] = await client.billRuns.list({ page: 1, pageSize: 1, billRunStatus: 'OPEN' })
    assert.ok(open !== undefined, 'the seeded cycle has its current bill run')
    const moved = await client.billRuns.adjustSchedule(open.id, { periods: 1 })
    assert.equal(Date.parse(moved.periodStartDate) > Date.parse(open.periodStartDate), true)
    const closing = await client.billRuns.update(open.id, [
      { op: 'replace', path: '/billRunStatus', value: 'CLOSED' },
      { op: 'replace', path: '/summaryStatus', value: 'REPORTING' },
    ])
    assert.deepEqual([closing.billRunStatus, closing.summaryStatus], ['CLOSED', 'REPORTING'])
    // The step runs on the server's worker; read until it shows done (each read is a request, no timer).
    let done = closing
    for (let reads = 0; reads < 2000 && done.summaryStatusPercentage !== 100; reads++) done = await client.billRuns.get(open.id)
    assert.equal(done.summaryStatusPercentage, 100)
    const refused = await client.billRuns.update(open.id, [{ op: 'replace', path: '/summaryStatus', value: 'PROPERTIES' }, { op: 'replace', path: '/billRunStatus', value: 'CLOSED' }]).catch((error: unknown) => error)
    assert.ok(refused instanceof ApiError && refused.status === 400)
    const adhoc = await client.adhocBillRuns.create({ name: 'SDK adhoc', invoiceDate: '2030-01-31' })
    assert.deepEqual([adhoc.billRunStatus, adhoc.summaryStatus], ['OPEN', 'PROPERTIES'])
  })
})
