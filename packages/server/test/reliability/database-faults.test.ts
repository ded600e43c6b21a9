import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import pg from 'pg'
import pino from 'pino'
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded.ts'
import { randomUUID } from 'node:crypto'
import { createAdminSetup, customerBody, siteBody, type AdminSetup } from '../helpers/fixtures.ts'
import { startServerProcess, type ServerProcess } from '../helpers/process.ts'
import { endDateFor, startLoad, type LoadRecord } from './load.ts'

const CREDENTIALS = { brand: 'default', username: 'admin', password: 'database-faults-password' }
const READ = '/v1/customers?page=1&pageSize=1'

/**
 * PostgreSQL stopped, restarted and its backends terminated under mixed load. The database is an
 * embedded PostgreSQL of this test's own (whatever DATABASE_URL says), so it can be stopped; the
 * server is a process of its own, so a crash shows as a dead process.
 */
describe('database faults under mixed load', { timeout: 300_000 }, () => {
  const logger = pino({ level: 'silent' })
  let dir: string
  let database: EmbeddedDatabase
  let port: number
  let server: ServerProcess
  let token: string
  let setup: AdminSetup
  const records: LoadRecord[] = []

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'elevate-faults-'))
    database = await startEmbeddedPostgres(dir, logger)
    port = database.port
    server = await startServerProcess({ DATABASE_URL: database.url, ELEVATE_ADMIN_PASSWORD: CREDENTIALS.password, ELEVATE_RETRY_AFTER_SECONDS: '2', LOG_LEVEL: 'info' })
    token = await server.login(CREDENTIALS)
    setup = await createAdminSetup((m, p, o) => server.request(m, p, o), token)
  })
  after(async () => {
    await server?.stop()
    await database?.stop()
    await rm(dir, { recursive: true, force: true })
  })

  /** Runs the load around `fault`, then checks every answer was a success or a proper 503. */
  async function underLoad(fault: (load: ReturnType<typeof startLoad>) => Promise<void>): Promise<LoadRecord> {
    const load = startLoad(server, token, setup)
    await load.answers(20)
    await fault(load)
    await load.answers(40)
    const record = await load.stop()
    records.push(record)
    assert.deepEqual(record.violations, [], 'only successes and proper 503s, no hang')
    assert.equal(server.exitCode(), null, `the process lives:\n${server.errors()}`)
    return record
  }

  /**
   * Stops PostgreSQL the way a crash does (immediate shutdown, SIGQUIT to the postmaster): every
   * backend ends where it stands. A fast shutdown ends them one by one, so a statement waiting on
   * a lock held by one that ended first could still take the lock and commit.
   */
  async function crashDatabase(): Promise<void> {
    const pid = Number((await readFile(path.join(dir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0])
    // In one tick: stop() listens for the exit before the signalled process can be reaped.
    process.kill(pid, 'SIGQUIT')
    await database.stop()
  }

  /** After the database returns: the very next request succeeds, no restart, no warm-up. */
  async function recoversAtOnce(): Promise<void> {
    const started = performance.now()
    const response = await server.request('GET', READ, { token })
    assert.equal(response.status, 200, `the first request after the database returned: ${response.text}`)
    assert.ok(performance.now() - started >= 0)
  }

  it('PostgreSQL stopped mid-load: 503 + Retry-After while it is away, success as soon as it is back', async () => {
    const record = await underLoad(async (load) => {
      await database.stop()
      await load.answers(30) // all of these met a stopped database
      database = await startEmbeddedPostgres(dir, logger, { port })
      await recoversAtOnce()
    })
    assert.ok((record.statuses.get(503) ?? 0) > 0, 'the outage was seen')
  })

  it('backends terminated during load, round after round', async () => {
    let terminated = 0
    await underLoad(async (load) => {
      for (let round = 0; round < 10; round++) {
        const client = new pg.Client({ connectionString: database.adminUrl })
        await client.connect()
        const { rowCount } = await client.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = 'elevate' and pid <> pg_backend_pid()`)
        await client.end()
        terminated += rowCount ?? 0
        await load.answers(8)
      }
    })
    assert.ok(terminated > 0)
    await recoversAtOnce()
  })

  it('PostgreSQL restarted (stop, start) during load', async () => {
    await underLoad(async () => {
      await database.stop()
      database = await startEmbeddedPostgres(dir, logger, { port })
      await recoversAtOnce()
    })
  })

  it('a create caught by the outage after claiming its key: the retry with that key runs once the database is back', async () => {
    const body = customerBody(setup, { sites: [siteBody(), siteBody()] })
    const key = randomUUID()
    // The create claims its key, then waits on a lock inside the database: caught mid-request.
    const holder = new pg.Client({ connectionString: database.url })
    await holder.connect()
    await holder.query('begin')
    await holder.query('lock table customers in access exclusive mode')
    const pending = server.request('POST', '/v1/customers', { token, json: body, headers: { 'idempotency-key': key } })
    const blocked = async () => {
      const { rows } = await holder.query<{ n: string }>(`select count(*) as n from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid))`)
      return Number(rows[0]!.n) > 0
    }
    while (!(await blocked())) await new Promise((resolve) => setImmediate(resolve))
    holder.on('error', () => undefined) // the stop ends the holder's connection too
    await crashDatabase() // the database goes away before the key can be given up
    const caught = await pending
    database = await startEmbeddedPostgres(dir, logger, { port })
    assert.equal(caught.status, 503, caught.text)
    const retry = await server.request('POST', '/v1/customers', { token, json: body, headers: { 'idempotency-key': key } })
    assert.equal(retry.status, 201, `not blocked by the claim made before the outage: ${retry.text}`)
    records.push({ statuses: new Map(), violations: [], customers: [retry.body.id], pendingCreates: [], answered: 1 })
  })

  it('leaves nothing partial, and the keys claimed during the outages do not block their retries', async () => {
    // Every create answered 503 is retried with its key now: it runs (201) or replays its outcome.
    for (const record of records) {
      for (const { key, body } of record.pendingCreates) {
        const response = await server.request('POST', '/v1/customers', { token, json: body, headers: { 'idempotency-key': key } })
        assert.equal(response.status, 201, `retry of ${key}: ${response.text}`)
      }
    }
    const customers = (await server.request('GET', '/v1/customers?page=1&pageSize=1000', { token })).body as Array<{ id: number; customerName: string; endDate?: string }>
    assert.ok(customers.length > 10)
    for (const customer of customers) {
      const sites = await server.request('GET', `/v1/sites?page=1&pageSize=10&customerId=${customer.id}`, { token })
      assert.equal(sites.body.length, 2, `customer ${customer.id} has both its sites`)
      const patched = /^Patched (\d+)$/.exec(customer.customerName)
      if (patched !== null) assert.equal(customer.endDate, endDateFor(Number(patched[1])), `customer ${customer.id}: the patch applied whole`)
      else assert.equal(customer.endDate, undefined, `customer ${customer.id}: no half patch`)
    }
    const names = customers.map((c) => c.customerName).filter((n) => !n.startsWith('Patched'))
    assert.equal(new Set(names).size, names.length, 'no create ran twice')
  })
})
