import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestDatabase, type TestDatabase } from './helpers/database.ts'
import { startServerProcess } from './helpers/process.ts'

// Logs are written asynchronously: what is queued when the process stops must still come out.
describe('asynchronous logs', { timeout: 300_000 }, () => {
  let database: TestDatabase
  before(async () => {
    database = await createTestDatabase()
  })
  after(() => database.drop())

  it('are written out in full when the server stops, down to its last line', async () => {
    const server = await startServerProcess({ DATABASE_URL: database.url, ELEVATE_ADMIN_PASSWORD: 'logging-admin-password', LOG_LEVEL: 'info' })
    // Queue many lines just before stopping: a request each, then SIGTERM at once.
    await Promise.all(Array.from({ length: 50 }, () => server.request('GET', '/v1/nowhere')))
    assert.equal(await server.stop(), 0)
    const lines = server.output().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { msg: string })
    assert.equal(lines.filter((line) => line.msg === 'request completed').length, 50)
    assert.equal(lines.at(-1)?.msg, 'stopped', 'the last line logged before exit')
  })
})
