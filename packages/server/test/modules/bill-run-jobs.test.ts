import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import pg from 'pg'
import { countingBillRunWork, type BillRunWork } from '../../src/modules/bill-runs/index.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

const JSON_PATCH = { 'content-type': 'application/json-patch+json' }
const CLOSE = [
  { op: 'replace', path: '/billRunStatus', value: 'CLOSED' },
  { op: 'replace', path: '/summaryStatus', value: 'REPORTING' },
]
const clock = () => new Date('2026-12-15T10:00:00Z')
let sequence = 0

/** A cycle of its own and its current bill run's id. */
async function newBillRun(server: TestServer, token: string): Promise<number> {
  const owner = (await server.request('GET', '/v1/billing-cycles?page=1&pageSize=1', { token })).body[0].contractOwnerId
  const body = { contractOwnerId: owner, name: `Jobs cycle ${++sequence}`, startDayOfPeriod: 1, periodUnit: 'MONTHLY', currencyCode: 'GBP', completionType: 'CLOSE_ONLY' }
  const cycle = (await server.request('POST', '/v1/billing-cycles', { token, json: body })).body.id
  return (await server.request('GET', `/v1/bill-runs?page=1&pageSize=1&billingCycleId=${cycle}`, { token })).body[0].id
}

const close = (server: TestServer, token: string, id: number) => server.request('PATCH', `/v1/bill-runs/${id}`, { token, headers: JSON_PATCH, body: JSON.stringify(CLOSE) })
const billRun = async (server: TestServer, token: string, id: number) => (await server.request('GET', `/v1/bill-runs/${id}`, { token })).body

describe('bill run steps as durable jobs', () => {
  let failures = 0
  let rated: number[] = []
  /** Rating that fails while `failures` is above 0, and reports a revenue. */
  const work: BillRunWork = {
    ...countingBillRunWork,
    async rate(_trx, subject) {
      if (failures > 0) {
        failures -= 1
        throw new Error('rating service unavailable')
      }
      rated.push(subject.id)
      return { revenueInMajorCurrency: '1234.56', maxInvoiceValue: '99.99', maxInvoiceCustomerId: 7 }
    },
  }
  let server: TestServer
  let token: string

  before(async () => {
    server = await startTestServer({ jobWorkers: false, jobRetryLimit: 3 }, undefined, { clock, billRunWork: work })
    token = await server.login()
  })
  after(() => server.close())

  it("shows the work's figures once the step has run, through the plugged-in work", async () => {
    rated = []
    const id = await newBillRun(server, token)
    assert.equal((await close(server, token, id)).status, 200)
    assert.equal((await billRun(server, token, id)).revenueInMajorCurrency, 0, 'not rated before the job runs')
    assert.equal(await server.app.jobs.runPending(), 1)
    const done = await billRun(server, token, id)
    assert.deepEqual([done.summaryStatusPercentage, done.revenueInMajorCurrency, done.maxInvoiceValue, done.maxInvoiceCustomerId], [100, 1234.56, 99.99, 7])
    assert.deepEqual(rated, [id])
  })

  it('retries a failed attempt (with backoff) until it succeeds; the step shows unfinished meanwhile', async () => {
    rated = []
    const id = await newBillRun(server, token)
    failures = 2
    assert.equal((await close(server, token, id)).status, 200)
    assert.equal(await server.app.jobs.runPending(), 3, 'two failed attempts, then the one that worked')
    assert.equal((await billRun(server, token, id)).summaryStatusPercentage, 100)
    assert.deepEqual(rated, [id], 'rated once')
    const logged = server.logs.filter((line) => line.msg === 'job attempt failed; retried with backoff')
    assert.ok(logged.length >= 2)
  })

  it('stops retrying after the limit: the bill run keeps its step unfinished', async () => {
    const id = await newBillRun(server, token)
    failures = 10
    assert.equal((await close(server, token, id)).status, 200)
    assert.equal(await server.app.jobs.runPending(), 4, 'the attempt and three retries')
    failures = 0
    const stuck = await billRun(server, token, id)
    assert.deepEqual([stuck.summaryStatus, stuck.summaryStatusPercentage], ['REPORTING', 0])
  })

  it('resumes a job its instance was running when it died, once the job expires; exactly once', async () => {
    rated = []
    const id = await newBillRun(server, token)
    assert.equal((await close(server, token, id)).status, 200)
    // What a crashed instance leaves behind: the job taken (active) long ago and never finished.
    const client = new pg.Client({ connectionString: server.config.databaseUrl })
    await client.connect()
    try {
      const taken = await client.query(
        `update pgboss.job set state = 'active', started_on = now() - interval '2 hours'
          where name = 'bill-run-step' and state = 'created' and data->>'billRunId' = $1 returning id`,
        [String(id)],
      )
      assert.equal(taken.rowCount, 1)
    } finally {
      await client.end()
    }
    assert.equal((await billRun(server, token, id)).summaryStatusPercentage, 0)
    assert.equal(await server.app.jobs.runPending(), 1)
    assert.equal((await billRun(server, token, id)).summaryStatusPercentage, 100)
    assert.equal(await server.app.jobs.runPending(), 0)
    assert.deepEqual(rated, [id])
  })
})

describe('bill run jobs with workers on (as in production)', () => {
  let server: TestServer
  let token: string

  before(async () => {
    server = await startTestServer({ jobWorkers: true }, undefined, { clock })
    token = await server.login()
  })
  after(() => server.close())

  it('runs the step on a worker right after the PATCH; idle() resolves once it is done', async () => {
    const id = await newBillRun(server, token)
    const closing = await close(server, token, id)
    assert.equal(closing.status, 200)
    assert.equal(closing.body.summaryStatusPercentage, 0)
    await server.app.jobs.idle()
    assert.equal((await billRun(server, token, id)).summaryStatusPercentage, 100)
  })
})
