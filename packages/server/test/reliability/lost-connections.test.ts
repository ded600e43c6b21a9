import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import { startServerProcess, type ServerProcess } from '../helpers/process.ts'

const LIST = '/v1/user-roles?page=1&pageSize=10'
const CREDENTIALS = { brand: 'default', username: 'admin', password: 'lost-connection-password' }

/** Terminates every backend of `database` but the caller's: what a failover or a restart does. */
async function terminateBackends(url: string, database: string, except: number[] = []): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ terminated: boolean }>(
      `select pg_terminate_backend(pid) as terminated from pg_stat_activity
        where datname = $1 and pid <> pg_backend_pid() and pid <> all($2::int[])`,
      [database, except],
    )
    return rows.filter((row) => row.terminated).length
  } finally {
    await client.end()
  }
}

/**
 * Holds an exclusive lock on `table` from a connection of the test's own, so a request that reads
 * or writes it waits inside the database on a checked-out connection: a request caught mid-query,
 * without relying on timing.
 */
async function lockTable(url: string, table: string): Promise<{ pids: number[]; waiters(): Promise<number>; release(): Promise<void> }> {
  const holder = new pg.Client({ connectionString: url })
  // Another connection watches: statistics views are a snapshot within the holder's transaction.
  const watcher = new pg.Client({ connectionString: url })
  await Promise.all([holder.connect(), watcher.connect()])
  await holder.query('begin')
  await holder.query(`lock table ${pg.escapeIdentifier(table)} in access exclusive mode`)
  const pidOf = async (client: pg.Client) => (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid
  const pid = await pidOf(holder)
  return {
    pids: [pid, await pidOf(watcher)],
    async waiters() {
      const result = await watcher.query<{ count: string }>(
        `select count(*) from pg_stat_activity where $1 = any(pg_blocking_pids(pid))`,
        [pid],
      )
      return Number(result.rows[0]!.count)
    },
    release: async () => {
      await Promise.all([holder.end(), watcher.end()])
    },
  }
}

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setImmediate(resolve))
}

// A server process of its own: a crash must show as a dead process, not take the test runner down.
describe('a database connection lost under a request', { timeout: 120_000 }, () => {
  let database: TestDatabase
  let server: ServerProcess
  let name: string

  before(async () => {
    database = await createTestDatabase()
    name = new URL(database.url).pathname.slice(1)
    server = await startServerProcess({
      DATABASE_URL: database.url,
      ELEVATE_ADMIN_PASSWORD: CREDENTIALS.password,
      ELEVATE_RETRY_AFTER_SECONDS: '3',
      LOG_LEVEL: 'info',
    })
  })
  after(async () => {
    await server?.stop()
    await database?.drop()
  })

  it('fails only the requests using it (503 + Retry-After); the process lives and the pool heals', async () => {
    const token = await server.login(CREDENTIALS)
    const statuses: Array<number | string> = []
    let wake: (() => void) | undefined
    let running = true
    // Four clients reading without pause, so terminations land on checked-out connections.
    const clients = Array.from({ length: 4 }, async () => {
      while (running) {
        const response = await server.request('GET', LIST, { token }).catch((error: Error) => error)
        if (response instanceof Error) {
          statuses.push(`network error: ${response.message}`)
          running = false
        } else {
          statuses.push(response.status)
          if (response.status === 503) {
            assert.equal(response.headers.get('retry-after'), '3')
            assert.equal(response.body.code, 'database_unavailable')
          }
        }
        wake?.()
      }
    })
    /** Resolves once `count` more answers have come in (or the clients stopped). */
    const answers = (count: number) => {
      const target = statuses.length + count
      return new Promise<void>((resolve) => {
        wake = () => {
          if (statuses.length >= target || !running) resolve()
        }
      })
    }
    let terminated = 0
    for (let round = 0; round < 20 && running; round++) {
      terminated += await terminateBackends(database.url, name)
      // Let requests run on fresh connections before the next round.
      await answers(8)
    }
    running = false
    await Promise.all(clients)

    assert.ok(terminated > 0, 'backends were terminated')
    assert.deepEqual([...new Set(statuses)].filter((s) => s !== 200 && s !== 503), [], 'only 200s and 503s')
    assert.equal(server.exitCode(), null, `the process lives:\n${server.errors()}`)
    for (let i = 0; i < 8; i++) assert.equal((await server.request('GET', LIST, { token })).status, 200)
  })
  it('answers 503 to a read caught mid-query, and to a create caught mid-transaction, which leaves nothing behind', async () => {
    const token = await server.login(CREDENTIALS)
        for (const [table, method, path, json] of [
      ['roles', 'GET', LIST, undefined],
      ['contract_owners', 'POST', '/v1/contract-owners', contractOwnerBody({ name: 'Caught mid-transaction' })],
    ] as const) {
      const lock = await lockTable(database.url, table)
      let response
      try {
        const pending = server.request(method, path, { token, json })
        let answered = false
        void pending.then(() => (answered = true))
        await until(async () => answered || (await lock.waiters()) > 0)
        if (answered) assert.fail(`${method} ${path} was answered before reaching the table: ${(await pending).text}`)
        assert.ok((await terminateBackends(database.url, name, lock.pids)) > 0)
        response = await pending
      } finally {
        await lock.release()
      }
      assert.equal(response.status, 503, `${method} ${path}: ${response.text}`)
      assert.equal(response.headers.get('retry-after'), '3')
      assert.equal(response.body.code, 'database_unavailable')
    }
    assert.equal(server.exitCode(), null, `the process lives:\n${server.errors()}`)
    const owners = await server.request('GET', '/v1/contract-owners?page=1&pageSize=100&name=Caught mid-transaction', { token })
    assert.equal(owners.status, 200)
    assert.deepEqual(owners.body, [], 'the interrupted create wrote nothing')
    assert.equal((await server.request('GET', LIST, { token })).status, 200)
  })
})
