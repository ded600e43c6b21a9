/**
 * `npm run bench:hot-path`: what each piece of an authenticated read costs the server, in CPU
 * microseconds of this process per operation (16 at a time, after a warm-up, three rounds). CPU
 * per operation moves far less than req/s when other work shares the machine, so this is how the
 * hot path's choices are compared (docs/performance.md):
 * - the actor statement every request pays for deterministic revocation (a pure cache pays none);
 * - the brand `set_config` a connection already on the brand no longer pays;
 * - the data query through `readTenant` (prepared, brand remembered) against plain `pg` that sets
 *   the brand and sends an unprepared query each time.
 */
import pg from 'pg'
import pino from 'pino'
import { Actors } from '../packages/server/src/auth/actors.ts'
import { Database } from '../packages/server/src/db/database.ts'
import { benchDatabase } from './lib/database.ts'

const ROUNDS = 3
const OPERATIONS = Number(process.env.BENCH_OPERATIONS ?? 4000)

async function cpuPerOperation(operation: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 200; i++) await operation()
  const before = process.cpuUsage()
  let started = 0
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (started++ < OPERATIONS) await operation()
  }))
  const used = process.cpuUsage(before)
  return Math.round((used.user + used.system) / OPERATIONS)
}

const admin = { brand: 'bench', username: 'admin', password: 'bench-admin-password' }
const database = await benchDatabase(admin, 2000)
const db = new Database({ url: database.url, poolSize: 10, logger: pino({ level: 'warn' }) })
const plain = new pg.Pool({ connectionString: database.url, max: 10, options: '-c role=elevate_app' })
try {
  const { brandId, readId } = database.seeded
  const user = await db.system.selectFrom('users').select('id').where('brand_id', '=', brandId).executeTakeFirstOrThrow()
  const token = Object.freeze({ userId: user.id, brandId, sessionVersion: 1, kid: null })
  const actors = new Actors(db.system)
  const operations: Record<string, () => Promise<unknown>> = {
    'actor statement (version unchanged)': () => actors.current(token),
    'brand set_config (prepared)': () => plain.query({ name: 'set_brand', text: `select set_config('elevate.brand_id', $1, false)`, values: [String(brandId)] }),
    'customer by id: readTenant, prepared, brand remembered': () =>
      db.readTenant(brandId, (reader) => reader.selectFrom('customers').selectAll().where('id', '=', readId).executeTakeFirst()),
    'customer by id: plain pg, brand set, unprepared': async () => {
      const client = await plain.connect()
      try {
        await client.query(`select set_config('elevate.brand_id', $1, false)`, [String(brandId)])
        return await client.query('select * from customers where id = $1', [readId])
      } finally {
        client.release()
      }
    },
  }
  const rows: Array<{ operation: string; 'µs per operation, each round': string }> = []
  const results: Record<string, number[]> = {}
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, operation] of Object.entries(operations)) (results[name] ??= []).push(await cpuPerOperation(operation))
  }
  for (const [operation, micros] of Object.entries(results)) rows.push({ operation, 'µs per operation, each round': micros.join(', ') })
  console.table(rows)
} finally {
  await plain.end()
  await db.close()
  await database.drop()
}
