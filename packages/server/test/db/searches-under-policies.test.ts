import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { CompiledQuery, Kysely, Migrator, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { migrations } from '../../src/db/migrations/index.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts'

/**
 * Lists search with `~~~` (LIKE), `~@>` and `~&&` (the array operators), which migrations
 * 2026_12_09_1200 and 1300 make leakproof with indexes of their own when the migrating user is a
 * superuser, and plain SQL functions otherwise. Either way they must answer as the built-ins do.
 */
const TEXTS = ['half_off 50% \\ unit', 'halfxoff', 'a\\b', '', 'écu']
const PATTERNS = ['half\\_off%', 'half_off%', '%50\\%%', '%\\\\%', 'a\\\\b', '%', '', '_', 'é%', '%\\_%']
const ID_LISTS = ['{}', '{1}', '{1,2}', '{2,3}', '{3,1,2}', '{9007199254740993}']

async function assertAgreesWithBuiltIns(db: Kysely<any>): Promise<void> {
  const like = await sql<{ text: string; pattern: string; same: boolean }>`
    select t as text, p as pattern, (t ~~~ p) is not distinct from (t like p) as same from unnest(${TEXTS}::text[]) t, unnest(${PATTERNS}::text[]) p`.execute(db)
  assert.equal(like.rows.length, TEXTS.length * PATTERNS.length)
  for (const row of like.rows) assert.ok(row.same, `${row.text} ~~~ ${row.pattern}`)
  const lists = await sql<{ held: string; given: string; same: boolean }>`
    select h as held, g as given, (h::bigint[] ~@> g::bigint[]) = (h::bigint[] @> g::bigint[]) and (h::bigint[] ~&& g::bigint[]) = (h::bigint[] && g::bigint[]) as same
      from unnest(${ID_LISTS}::text[]) h, unnest(${ID_LISTS}::text[]) g`.execute(db)
  assert.equal(lists.rows.length, ID_LISTS.length ** 2)
  for (const row of lists.rows) assert.ok(row.same, `${row.held} against ${row.given}`)
}

/** The search functions: whether each is leakproof, and its language. */
async function searchFunctions(db: Kysely<any>): Promise<Record<string, string>> {
  const result = await sql<{ name: string; leakproof: boolean; language: string }>`
    select p.proname as name, p.proleakproof as leakproof, l.lanname as language
      from pg_proc p join pg_language l on l.oid = p.prolang
     where p.proname in ('elevate_like', 'elevate_contains', 'elevate_overlaps')`.execute(db)
  return Object.fromEntries(result.rows.map((row) => [row.name, `${row.language}${row.leakproof ? ' leakproof' : ''}`]))
}

/** Index name → its operator classes, for every index in an `elevate_…_ops` class. */
async function searchIndexes(db: Kysely<any>): Promise<Map<string, string>> {
  const result = await sql<{ name: string; classes: string }>`
    select i.indexrelid::regclass::text as name, string_agg(c.opcname, ',') as classes
      from pg_index i join pg_opclass c on c.oid = any(i.indclass::oid[])
     where c.opcname like 'elevate\\_%' group by 1`.execute(db)
  return new Map(result.rows.map((row) => [row.name, row.classes]))
}

function kysely(url: string, role?: string): Kysely<any> {
  const onCreateConnection = role === undefined ? undefined : async (connection: { executeQuery: (query: CompiledQuery) => Promise<unknown> }) => {
    await connection.executeQuery(CompiledQuery.raw(`set role ${pg.escapeIdentifier(role)}`))
  }
  return new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }), onCreateConnection }) })
}

describe('searches under row-level security, migrated by a superuser', () => {
  let database: TestDatabase
  let db: Kysely<any>
  before(async () => {
    database = await createTestDatabase()
    db = kysely(database.url)
  })
  after(async () => {
    await db.destroy()
    await database.drop()
  })

  it('answer as LIKE, @> and && do, escapes, empty lists and ids beyond 2^53 too', () => assertAgreesWithBuiltIns(db))

  it('are leakproof, with a trigram index on every folded name and the custom fields\' categories indexed for them', async () => {
    assert.deepEqual(await searchFunctions(db), { elevate_like: 'internal leakproof', elevate_contains: 'internal leakproof', elevate_overlaps: 'internal leakproof' })
    const folded = await sql<{ name: string }>`
      select table_name || '_' || column_name || '_trigrams' as name from information_schema.columns
       where table_schema = 'public' and column_name like '%\\_folded'`.execute(db)
    assert.ok(folded.rows.length >= 15, `${folded.rows.length} folded names`)
    const indexes = await searchIndexes(db)
    for (const { name } of folded.rows) assert.equal(indexes.get(name), 'elevate_trgm_like_ops', name)
    assert.equal(indexes.get('product_custom_fields_categories'), 'elevate_id_list_ops')
    // Not the rate cards' owners: an owner holds too many cards for the index to pay.
    assert.equal(indexes.get('rental_rate_cards_owners'), undefined)
  })
})

describe('searches under row-level security, migrated by a user that is not a superuser (a managed PostgreSQL)', () => {
  const role = `elevate_test_plain_${randomBytes(4).toString('hex')}`
  let database: TestDatabase
  let db: Kysely<any>
  before(async () => {
    database = await createTestDatabase({ empty: true })
    const owner = kysely(database.url)
    try {
      const migrator = new Migrator({ db: owner, provider: { getMigrations: async () => migrations } })
      assert.equal((await migrator.migrateTo('2026_12_09_1100_index_assignment_levels')).error, undefined)
      await sql`create role ${sql.id(role)} nosuperuser`.execute(owner)
      await sql`grant create on schema public to ${sql.id(role)}`.execute(owner)
    } finally {
      await owner.destroy()
    }
    db = kysely(database.url, role)
    await migrations['2026_12_09_1200_index_name_search']!.up(db)
    await migrations['2026_12_09_1300_index_id_lists']!.up(db)
  })
  after(async () => {
    await db.destroy()
    await database.drop()
    // Its only grant was in the database just dropped.
    const server = kysely(process.env.ELEVATE_TEST_SERVER_URL!)
    await sql`drop role if exists ${sql.id(role)}`.execute(server).finally(() => server.destroy())
  })

  it('answer as LIKE, @> and && do', () => assertAgreesWithBuiltIns(db))

  it('are SQL functions PostgreSQL inlines, and no index is made or replaced', async () => {
    assert.deepEqual(await searchFunctions(db), { elevate_like: 'sql', elevate_contains: 'sql', elevate_overlaps: 'sql' })
    assert.deepEqual([...(await searchIndexes(db)).keys()], [])
  })
})
