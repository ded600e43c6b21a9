import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import pg from 'pg'
import { createTestDatabase, type TestDatabase } from './helpers/database.ts'
import { contractOwnerBody } from './helpers/fixtures.ts'
import type { HttpClient, TestResponse } from './helpers/http.ts'
import { startServerPair, type ServerProcess } from './helpers/process.ts'

const PATH = '/v1/contract-owners'

// Two real server processes on one DATABASE_URL: nothing but PostgreSQL is shared between them.
describe('Idempotency-Key across two server processes', { timeout: 600_000 }, () => {
  let database: TestDatabase
  let sql: pg.Client
  let a: ServerProcess
  let b: ServerProcess
  let token: string
  const create = (server: HttpClient, key: string, body: unknown): Promise<TestResponse> =>
    server.request('POST', PATH, { token, json: body, headers: { 'idempotency-key': key } })
  const count = async (name: string) =>
    Number((await sql.query<{ n: string }>('select count(*) as n from contract_owners where name = $1', [name])).rows[0]!.n)

  before(async () => {
    database = await createTestDatabase({ empty: true })
    const env = { DATABASE_URL: database.url, ELEVATE_ADMIN_PASSWORD: 'shared-admin-password', LOG_LEVEL: 'info' }
    ;[a, b] = await startServerPair(env)
    sql = new pg.Client({ connectionString: database.url })
    await sql.connect()
    token = await a.login({ brand: 'default', username: 'admin', password: 'shared-admin-password' })
  }, { timeout: 300_000 })
  after(async () => {
    await sql?.end()
    await a?.stop()
    await b?.stop()
    await database?.drop()
  })

  it('creates one resource from concurrent retries spread over both, and replays it on either', async () => {
    const key = randomUUID()
    const body = contractOwnerBody()
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => create(i % 2 === 0 ? a : b, key, body)))
    const originals = responses.filter((r) => r.status === 201 && r.headers.get('idempotent-replayed') === null)
    assert.equal(originals.length, 1, responses.map((r) => r.status).join(', '))
    for (const r of responses) {
      if (r.status === 201) assert.equal(r.body.id, originals[0]!.body.id)
      else assert.equal(r.body.code, 'idempotency_key_in_progress')
    }
    for (const server of [a, b]) {
      const replay = await create(server, key, body)
      assert.equal(replay.headers.get('idempotent-replayed'), 'true')
      assert.equal(replay.text, originals[0]!.text)
    }
    assert.equal((await create(b, key, contractOwnerBody())).body.code, 'idempotency_key_reused')
    assert.equal(await count(body.name), 1)
  })

  it('answers 409 on one process while the other still runs the request', async () => {
    const key = randomUUID()
    const body = contractOwnerBody()
    const lock = new pg.Client({ connectionString: database.url })
    await lock.connect()
    let first: Promise<TestResponse> | undefined
    try {
      await lock.query('begin')
      await lock.query('lock table contract_owners in exclusive mode') // the create waits on it
      first = create(a, key, body)
      // Wait until process a has claimed the key (its insert then waits on the lock); the test's
      // timeout, not a count of polls, catches a claim that never comes.
      while ((await sql.query('select 1 from idempotency_keys where idempotency_key = $1', [key])).rowCount === 0) {
        await new Promise((resolve) => setImmediate(resolve))
      }
      const duplicate = await create(b, key, body)
      assert.equal(duplicate.status, 409)
      assert.equal(duplicate.body.code, 'idempotency_key_in_progress')
    } finally {
      await lock.query('commit').catch(() => undefined)
      await lock.end()
    }
    assert.equal((await first).status, 201)
    assert.equal((await create(b, key, body)).headers.get('idempotent-replayed'), 'true')
  })
})
