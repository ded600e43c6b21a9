import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import pino from 'pino'
import { buildApp, type AppServices } from '../../src/app.ts'
import { loadConfig, type Config } from '../../src/config.ts'
import { Database } from '../../src/db/database.ts'
import { runFirstStart } from '../../src/first-start.ts'
import { createTestDatabase, type TestDatabase } from './database.ts'
import { HttpClient } from './http.ts'

export { ADMIN_DEFAULTS as ADMIN } from './admin.ts'
import { ADMIN_DEFAULTS as ADMIN } from './admin.ts'

export interface TestServer extends HttpClient {
  url: string
  config: Config
  db: Database
  app: FastifyInstance
  /** Every log line the server wrote, parsed. */
  logs: Array<Record<string, unknown>>
  close(): Promise<void>
}

/**
 * The real app on a real PostgreSQL database of its own, listening on a free loopback port, with
 * the first-start brand `acme` and its administrator. Tests talk to it over HTTP only.
 */
export async function startTestServer(overrides: Partial<Config> = {}, database?: TestDatabase, services: AppServices = {}): Promise<TestServer> {
  const testDatabase = database ?? (await createTestDatabase())
  // No general rate limit or load shedding unless a test asks: tests send bursts a real client
  // would not, and a busy test machine starves processes of CPU for seconds. For the same reason
  // a request may wait a minute, not 5 s, for one of the 4 connections: 50 parallel payments on
  // one invoice queue on its lock, one after another.
  const config: Config = { ...loadConfig({}), port: 0, databaseUrl: testDatabase.url, dbPoolSize: 4, dbConnectTimeoutMs: 60_000, rateLimitMax: 0, maxEventLoopDelayMs: 0, ...overrides }
  const logs: Array<Record<string, unknown>> = []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line !== '') logs.push(JSON.parse(line) as Record<string, unknown>)
      done()
    },
  })
  const logger = pino({ level: 'info' }, sink)
  const db = new Database({ url: config.databaseUrl!, poolSize: config.dbPoolSize, connectTimeoutMs: config.dbConnectTimeoutMs, statementTimeoutMs: config.dbStatementTimeoutMs, idleInTransactionTimeoutMs: config.dbIdleInTransactionTimeoutMs, logger })
  await runFirstStart(db.system, { ...ADMIN })
  const app = await buildApp(config, db, logger, services)
  await app.jobs.start()
  await app.listen({ port: 0, host: '127.0.0.1' })
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  const client = new HttpClient(url)
  return Object.assign(client, {
    url,
    config,
    db,
    app,
    logs,
    async close() {
      await app.close()
      await db.close()
      if (database === undefined) await testDatabase.drop()
    },
  })
}
