import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import pino from 'pino'
import { createBrand } from '../helpers/accounts.ts'
import { Database, type TenantTransaction } from '../../src/db/database.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts'

interface Seen {
  setting: string | null
  brands: number[] | null
  pid: number
}

/** What the connection's session says and which brands' rows it can see, in one statement. */
async function look(db: TenantTransaction): Promise<Seen> {
  const { rows } = await sql<Seen>`
    select current_setting('elevate.brand_id', true) as setting,
           (select array_agg(distinct brand_id::int order by brand_id::int) from roles) as brands,
           pg_backend_pid() as pid`.execute(db)
  return rows[0]!
}

// A pool of ONE connection, so every brand's work runs on the same session, one after another.
describe('tenant connections remember their brand, and never serve one brand under another', () => {
  let database: TestDatabase
  let db: Database
  let a: number
  let b: number

  before(async () => {
    database = await createTestDatabase()
    db = new Database({ url: database.url, poolSize: 1, logger: pino({ level: 'silent' }) })
    a = await createBrand(db.system, 'brand-a')
    b = await createBrand(db.system, 'brand-b')
  })
  after(async () => {
    await db.close()
    await database.drop()
  })

  const expectBrand = (seen: Seen, brand: number) => {
    assert.equal(seen.setting, String(brand))
    assert.deepEqual(seen.brands, [brand])
  }

  it('interleaves reads and writes of two brands on one connection, each seeing only its own rows', async () => {
    // Reads, writes, failing writes and failing reads in an order that switches brand often and
    // also repeats one (the case where the set is skipped).
    const plan = 'aabab baabb abbaa babab'.replace(/ /g, '').split('')
    const pids = new Set<number>()
    await Promise.all(
      plan.map(async (letter, i) => {
        const brand = letter === 'a' ? a : b
        const kind = i % 4
        if (kind === 0 || kind === 3) {
          const seen = await db.readTenant(brand, look)
          expectBrand(seen, brand)
          pids.add(seen.pid)
        } else if (kind === 1) {
          const seen = await db.withTenant(brand, look)
          expectBrand(seen, brand)
        } else {
          const failing = db.withTenant(brand, async (trx) => {
            expectBrand(await look(trx), brand)
            throw new Error('work failed')
          })
          await assert.rejects(failing, /work failed/)
        }
      }),
    )
    assert.equal(pids.size, 1, 'one connection served every brand')
  })

  it('keeps the session on its brand across a write on another brand (that set is transaction-local)', async () => {
    expectBrand(await db.readTenant(a, look), a)
    expectBrand(await db.withTenant(b, look), b)
    const after = await db.readTenant(a, (reader) =>
      sql<{ setting: string | null }>`select current_setting('elevate.brand_id', true) as setting`.execute(reader),
    )
    assert.equal(after.rows[0]!.setting, String(a), 'the session is still on brand a')
    expectBrand(await db.readTenant(b, look), b)
    expectBrand(await db.readTenant(a, look), a)
  })

  it('destroys a connection that work leaves inside a transaction; the next one starts clean', async () => {
    const first = await db.readTenant(a, async (reader) => {
      await sql`begin`.execute(reader)
      await sql`select set_config('elevate.brand_id', ${String(b)}, false)`.execute(reader)
      return look(reader)
    })
    assert.equal(first.setting, String(b))
    const next = await db.readTenant(a, look)
    assert.notEqual(next.pid, first.pid, 'a new connection')
    expectBrand(next, a)
  })

  it('never runs work when setting the brand fails, and drops that connection', async () => {
    const before = await db.readTenant(a, async (reader) => {
      // Remove the prepared set statement behind the driver's back: the next set on this
      // connection fails at the database, as any statement can.
      await sql`deallocate elevate_set_session_brand`.execute(reader)
      return look(reader)
    })
    let ran = false
    await assert.rejects(
      db.readTenant(b, async (reader) => {
        ran = true
        return look(reader)
      }),
      /elevate_set_session_brand/,
    )
    assert.equal(ran, false, 'work did not run')
    const next = await db.readTenant(b, look)
    assert.notEqual(next.pid, before.pid, 'a new connection')
    expectBrand(next, b)
  })

  it('prepares the statements it runs (parsed once per connection)', async () => {
    await db.readTenant(a, (reader) => reader.selectFrom('roles').select('id').where('name', '=', 'Read Only').execute())
    const { rows } = await db.readTenant(a, (reader) =>
      sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(reader),
    )
    assert.ok(rows.some((row) => /from "roles" where "name" = \$1/.test(row.statement)), JSON.stringify(rows))
  })

  it('plans a prepared statement once, not on every execution (a page with its limit and offset)', async () => {
    const plans = await db.readTenant(a, async (reader) => {
      for (let page = 0; page < 3; page++) await reader.selectFrom('roles').select('id').orderBy('id').limit(11).offset(page * 10).execute()
      return (
        await sql<{ generic: number; custom: number }>`
          select generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements
           where statement like '%from "roles" order by "id" limit $1 offset $2'`.execute(reader)
      ).rows
    })
    assert.deepEqual(plans, [{ generic: 3, custom: 0 }])
  })

  it('runs without parallel workers (a page never pays for their start)', async () => {
    const { rows } = await db.readTenant(a, (reader) =>
      sql<{ workers: string }>`select current_setting('max_parallel_workers_per_gather') as workers`.execute(reader),
    )
    assert.equal(rows[0]!.workers, '0')
  })

  it('refuses a brand that is not a positive whole number', async () => {
    for (const bad of [0, -1, 1.5, Number.NaN, 2 ** 53]) {
      await assert.rejects(db.withTenant(bad, look), /not a brand id/)
      await assert.rejects(db.readTenant(bad, look), /not a brand id/)
    }
  })
})
