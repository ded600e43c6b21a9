import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts'
import { startServerProcess, type ServerProcess } from '../helpers/process.ts'
import { billingSetup, currentBillRun, ratedRecords, rpi } from '../modules/billing-fixtures.ts'

const CREDENTIALS = { brand: 'default', username: 'admin', password: 'bill-run-restart-password' }
const JSON_PATCH = { 'content-type': 'application/json-patch+json' }

/** Repeats `check` (each a query or request, no timer) until it holds; bounded by the test's timeout. */
async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) {
    // Each round trip yields; the bound is the test runner's timeout.
  }
}

/**
 * A bill run's rating step killed mid-way with its process (SIGKILL): the step's transaction
 * never commits, its job stays taken; once the job has expired, the next process resumes it, and
 * the bill run ends rated exactly once — no line twice, none missing.
 */
describe('a bill run whose process dies in the middle of rating', () => {
  let database: TestDatabase
  let server: ServerProcess | undefined
  const start = () => startServerProcess({ DATABASE_URL: database.url, ELEVATE_ADMIN_PASSWORD: CREDENTIALS.password, ELEVATE_JOB_POLLING_SECONDS: '1', ELEVATE_JOB_RETRY_DELAY_SECONDS: '1', LOG_LEVEL: 'info' })

  before(async () => {
    database = await createTestDatabase()
    server = await start()
  })
  after(async () => {
    await server?.stop()
    await database?.drop()
  })

  it('finishes after a restart, every charge rated once', async () => {
    const first = server!
    const token = await first.login(CREDENTIALS)
    const setup = await billingSetup(first, token)
    await rpi(first, setup, setup.receivingSiteId, setup.lineRentalId, '2030-01-15')
    await rpi(first, setup, setup.receivingSiteId, setup.installationId, '2030-01-15')
    await rpi(first, setup, setup.billedSiteId, setup.lineRentalId, '2030-01-10')
    const open = await currentBillRun(first, setup)
    const months = (2030 - Number(open.periodStartDate.slice(0, 4))) * 12 + 1 - Number(open.periodStartDate.slice(5, 7))
    const moved = await first.request('POST', `/v1/adjust-bill-run-schedule/${open.id}?periods=${months}`, { token })
    assert.equal(moved.body.periodStartDate, '2030-01-01', moved.text)

    // Rating will wait for this lock inside its transaction: the process dies there.
    const holder = new pg.Client({ connectionString: database.url })
    const watcher = new pg.Client({ connectionString: database.url })
    await Promise.all([holder.connect(), watcher.connect()])
    try {
      await holder.query('begin')
      await holder.query('lock table rated_charges in access exclusive mode')
      const holderPid = (await holder.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid
      const close = [{ op: 'replace', path: '/billRunStatus', value: 'CLOSED' }, { op: 'replace', path: '/summaryStatus', value: 'REPORTING' }]
      assert.equal((await first.request('PATCH', `/v1/bill-runs/${open.id}`, { token, headers: JSON_PATCH, body: JSON.stringify(close) })).status, 200)
      await until(async () => Number((await watcher.query('select count(*) from pg_stat_activity where $1 = any(pg_blocking_pids(pid))', [holderPid])).rows[0].count) > 0)
      first.signal('SIGKILL')
      await first.exited()
      await holder.query('commit')
      // The killed instance's backend gives up its transaction when it finds its client gone.
      await until(async () => Number((await watcher.query(`select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and pid <> $1 and state <> 'idle'`, [holderPid])).rows[0].count) === 0)
      assert.equal(Number((await watcher.query('select count(*) from rated_charges')).rows[0].count), 0, 'nothing of the killed attempt was kept')
      // Its job is still taken by the dead instance; make it as old as one that has expired.
      const expired = await watcher.query(`update pgboss.job set started_on = now() - interval '2 hours' where name = 'bill-run-step' and state = 'active' returning id`)
      assert.equal(expired.rowCount, 1)
    } finally {
      await Promise.all([holder.end(), watcher.end()])
    }

    server = await start()
    const second = server
    const again = await second.login(CREDENTIALS)
    let run: any
    await until(async () => {
      run = (await second.request('GET', `/v1/bill-runs/${open.id}`, { token: again })).body
      return run.summaryStatusPercentage === 100
    })
    assert.deepEqual([run.billRunStatus, run.summaryStatus, run.revenueInMajorCurrency, run.maxInvoiceValue], ['CLOSED', 'REPORTING', 100.16, 120.19])
    const records = await ratedRecords(second, again, setup.customerId, open.id)
    assert.deepEqual(records.map((r) => [r.siteId, r.priceType, r.chargeStartDate, r.sellPrice]), [
      [setup.receivingSiteId, 'Rental', '2030-01-15', 10.97],
      [setup.receivingSiteId, 'OneOff', '2030-01-15', 35],
      [setup.receivingSiteId, 'Rental', '2030-02-01', 20],
      [setup.billedSiteId, 'Rental', '2030-01-10', 14.19],
      [setup.billedSiteId, 'Rental', '2030-02-01', 20],
    ])
  })
})
