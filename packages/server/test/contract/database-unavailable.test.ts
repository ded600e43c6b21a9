import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import pino from 'pino'
import { migrateToLatest } from '../../src/db/migrate.ts'
import { Database } from '../../src/db/database.ts'
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded.ts'
import { assertError } from '../helpers/assertions.ts'
import { ADMIN, startTestServer, type TestServer } from '../helpers/server.ts'

// This file runs a PostgreSQL server of its own, so that it can stop it and start it again.
describe('503 Service Unavailable while the database is down', () => {
  const logger = pino({ level: 'silent' })
  let dataDir: string
  let postgres: EmbeddedDatabase
  let server: TestServer

  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'elevate-503-'))
    postgres = await startEmbeddedPostgres(dataDir, logger)
    const migrator = new Database({ url: postgres.url, poolSize: 1, logger })
    await migrateToLatest(migrator.system)
    await migrator.close()
    server = await startTestServer({ retryAfterSeconds: 7 }, { url: postgres.url, drop: async () => {} })
  })
  after(async () => {
    await server?.close()
    await postgres?.stop()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('answers 503 with Retry-After while the database is stopped, and recovers by itself', async () => {
    const token = await server.login()
    assert.equal((await server.request('GET', '/v1/user-roles?page=1&pageSize=10', { token })).status, 200)

    await postgres.stop()
    const list = await server.request('GET', '/v1/user-roles?page=1&pageSize=10', { token })
    assertError(list, 503, 'database_unavailable', '/v1/user-roles')
    assert.equal(list.headers.get('retry-after'), '7')
    const login = await server.request('POST', '/v1/authenticate', { json: ADMIN })
    assertError(login, 503, 'database_unavailable')
    assertError(await server.request('GET', '/health/ready'), 503, 'database_unavailable')
    assert.equal((await server.request('GET', '/health/live')).status, 200)
    assert.ok(!server.logs.some((line) => line.level === 50), '503s are expected, not logged as errors')

    postgres = await startEmbeddedPostgres(dataDir, logger, { port: postgres.port })
    assert.equal((await server.request('GET', '/health/ready')).status, 200)
    assert.equal((await server.request('GET', '/v1/user-roles?page=1&pageSize=10', { token })).status, 200)
    assert.equal((await server.request('POST', '/v1/authenticate', { json: ADMIN })).status, 200)
  })
})
