import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { createTestDatabase } from './helpers/database.ts'
import { runServerExpectingFailure, startServerProcess, startServerPair } from './helpers/process.ts'

const LIST = '/v1/user-roles?page=1&pageSize=10'

// Each test starts real server processes; a hang must fail the test, not stall the run. The limit
// is for the three tests together (two first starts with initdb among them), so it leaves room for
// a busy 2-core machine: on one, the first test alone has taken 40 s.
describe('the server process', { timeout: 180_000 }, () => {
  const cleanups: Array<() => Promise<unknown>> = []
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup()
  })

  it('first start on the embedded database prints a one-time password; data and tokens survive a restart', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'elevate-process-'))
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    const env = { ELEVATE_DATA_DIR: dataDir, ELEVATE_ADMIN_BRAND: 'sandbox', LOG_LEVEL: 'info' }

    const first = await startServerProcess(env)
    const password = /password: (\S+)/.exec(first.output())?.[1]
    assert.ok(password !== undefined && password.length >= 20, 'a generated password is printed')
    assert.match(first.output(), /shown only this once/)
    const token = await first.login({ brand: 'sandbox', username: 'admin', password })
    assert.equal((await first.request('GET', LIST, { token })).status, 200)
    assert.equal(await first.stop(), 0, 'SIGTERM stops the server cleanly')
    assert.ok(!first.output().split('\n').some((line) => line.startsWith('{') && line.includes(password)), 'the password is in no log line')

    const second = await startServerProcess(env)
    cleanups.push(() => second.stop())
    assert.doesNotMatch(second.output(), /First start/, 'a restart seeds nothing')
    assert.equal((await second.request('GET', LIST, { token })).status, 200, 'the old token still works')
    assert.ok(await second.login({ brand: 'sandbox', username: 'admin', password }))
  })

  it('runs as several instances on one DATABASE_URL that accept each other’s tokens', async () => {
    const database = await createTestDatabase({ empty: true })
    cleanups.push(() => database.drop())
    const env = { DATABASE_URL: database.url, ELEVATE_ADMIN_PASSWORD: 'shared-admin-password', LOG_LEVEL: 'info' }
    // Started together on an empty database: migrations and the first start must happen once.
    const [a, b] = await startServerPair(env)
    cleanups.push(() => a.stop(), () => b.stop())
    assert.equal([a.output(), b.output()].filter((out) => out.includes('First start')).length, 1)

    const credentials = { brand: 'default', username: 'admin', password: 'shared-admin-password' }
    const fromA = await a.login(credentials)
    const fromB = await b.login(credentials)
    assert.equal((await b.request('GET', LIST, { token: fromA })).status, 200)
    assert.equal((await a.request('GET', LIST, { token: fromB })).status, 200)
  })

  it('refuses to start on invalid configuration, naming every problem', async () => {
    const { code, stderr } = await runServerExpectingFailure({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' })
    assert.equal(code, 1)
    assert.match(stderr, /PORT must be a whole number/)
    assert.match(stderr, /LOG_LEVEL must be one of/)
    assert.match(stderr, /DATABASE_URL must be a postgres/)
  })
})
