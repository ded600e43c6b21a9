import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import pino from 'pino'
import { Database } from '../../packages/server/src/db/database.ts'
import { startEmbeddedPostgres } from '../../packages/server/src/db/embedded.ts'
import { migrateToLatest } from '../../packages/server/src/db/migrate.ts'
import { runFirstStart } from '../../packages/server/src/first-start.ts'
import { seedCustomers, type Seeded } from './seed.ts'

export interface BenchDatabase {
  url: string
  /** "embedded", or the DATABASE_URL host. */
  kind: string
  seeded: Seeded
  drop(): Promise<void>
}

/** A migrated, seeded database of the bench's own; `drop` removes it (and any embedded server). */
export async function benchDatabase(admin: { brand: string; username: string; password: string }, customers: number): Promise<BenchDatabase> {
  const logger = pino({ level: 'warn' })
  let url: string
  let drop: () => Promise<void>
  let kind: string
  if (process.env.DATABASE_URL === undefined || process.env.DATABASE_URL === '') {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'elevate-bench-'))
    const embedded = await startEmbeddedPostgres(dataDir, logger)
    url = embedded.url
    kind = 'embedded'
    drop = async () => {
      await embedded.stop()
      await rm(dataDir, { recursive: true, force: true })
    }
  } else {
    const name = `elevate_bench_${randomBytes(4).toString('hex')}`
    const onServer = async (text: string) => {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
      await client.connect()
      await client.query(text).finally(() => client.end())
    }
    await onServer(`create database ${name}`)
    const target = new URL(process.env.DATABASE_URL)
    target.pathname = `/${name}`
    url = target.toString()
    kind = `DATABASE_URL (${target.host})`
    drop = () => onServer(`drop database if exists ${name} with (force)`)
  }
  const db = new Database({ url, poolSize: 2, logger })
  await migrateToLatest(db.system)
  await runFirstStart(db.system, admin)
  await db.close()
  const seeded = await seedCustomers(url, admin.brand, customers)
  return { url, kind, seeded, drop }
}

