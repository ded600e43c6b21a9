import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import '../../src/modules/index.ts'
import { answeredChildRows, childJson, type ChildRows } from '../../src/resources/children.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts'

/**
 * A list sends the child rows PostgreSQL wrote as JSON without reading them again (`JsonText`), so
 * that JSON must be what the API answers for a read by id: numbers without the trailing zeros of a
 * `numeric` scale (the child rows name those columns as `decimals`), no timestamps, whose JSON
 * text differs from the API's ISO form, and no nulls (the child rows name the columns that may be
 * null as `nullable`, and the query leaves them out). Checked for every child rows any module answers.
 */
describe('child rows answered inside their parents', () => {
  let database: TestDatabase
  let types: Map<string, string>
  let nullable: Set<string>

  before(async () => {
    database = await createTestDatabase()
    const client = new pg.Client({ connectionString: database.url })
    await client.connect()
    try {
      const result = await client.query<{ name: string; type: string; nullable: string }>(
        `select table_name || '.' || column_name as name, data_type as type, is_nullable as nullable from information_schema.columns where table_schema = 'public'`,
      )
      types = new Map(result.rows.map((row) => [row.name, row.type]))
      nullable = new Set(result.rows.filter((row) => row.nullable === 'YES').map((row) => row.name))
    } finally {
      await client.end()
    }
  })
  after(() => database.drop())

  it('are the rates, lines, accounts and references of the modules that answer them', () => {
    const tables = answeredChildRows().map((child) => child.table).sort()
    assert.deepEqual(tables, ['invoice_lines', 'rental_rates', 'supplier_accounts', 'usage_product_references', 'usage_rates'])
  })

  it('name every numeric column as a decimal, and hold no timestamp', () => {
    for (const child of answeredChildRows()) {
      const decimals = new Set(child.decimals ?? [])
      for (const [name, column] of Object.entries(child.fields)) {
        const type = types.get(`${child.table}.${column}`)
        assert.ok(type !== undefined, `${child.table}.${column} (${name}) is not a column`)
        assert.equal(decimals.has(name), type === 'numeric', `${child.table}.${column} (${name}) is ${type}: ${type === 'numeric' ? 'it must be' : 'only numeric columns are'} among the decimals`)
        assert.ok(!type.startsWith('timestamp'), `${child.table}.${column} (${name}) is a timestamp`)
        // Nulls are removed from the text at the children's own level only (json_strip_nulls went deeper).
        assert.ok(type !== 'json' && type !== 'jsonb', `${child.table}.${column} (${name}) is ${type}: its nested nulls would stay`)
      }
    }
  })

  it('name every column that may be null as nullable, and no other', () => {
    for (const child of answeredChildRows()) {
      const declared = new Set(child.nullable ?? [])
      for (const name of declared) assert.ok(name in child.fields, `${child.table}: nullable ${name} is not one of its fields`)
      for (const [name, column] of Object.entries(child.fields)) {
        const mayBeNull = nullable.has(`${child.table}.${column}`)
        assert.equal(declared.has(name), mayBeNull, `${child.table}.${column} (${name}) ${mayBeNull ? 'may be null: it must be' : 'is never null: it must not be'} among the nullable fields`)
      }
    }
  })

  it('store, where they keep their JSON, what the query would build', async () => {
    const stored = answeredChildRows().filter((child) => child.stored !== undefined)
    assert.deepEqual(stored.map((child) => child.table).sort(), ['rental_rates', 'usage_rates'])
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 1 }) }) })
    try {
      for (const child of stored) {
        const rows = await probeRows(db, child)
        assert.ok(rows.length >= 2)
        for (const row of rows) {
          assert.equal(row.stored, row.built, `${child.table}: the trigger ${child.table}_${child.stored}() writes what childJson no longer builds: write it again in a new migration`)
          assert.deepEqual(Object.keys(JSON.parse(row.stored)), Object.keys(child.fields).filter((name) => !(row.nulls && child.nullable?.includes(name))))
        }
      }
    } finally {
      await db.destroy()
    }
  })
})

/**
 * Rows written to a copy of the child's table with its JSON trigger attached (no foreign keys to
 * satisfy, dropped at commit): one with every column set (decimals with trailing zeros), one with every
 * nullable column null; each answered with its stored JSON and the JSON `childJson` builds.
 */
async function probeRows(db: Kysely<any>, child: ChildRows): Promise<Array<{ stored: string; built: string; nulls: boolean }>> {
  const { rows: columns } = await sql<{ name: string; type: string; nullable: string }>`
    select column_name as name, data_type as type, is_nullable as nullable from information_schema.columns
     where table_schema = 'public' and table_name = ${child.table} and column_name <> ${child.stored!} order by ordinal_position`.execute(db)
  const value = (type: string, n: number) =>
    type === 'numeric' ? `${n}.2500` : type === 'date' ? `2026-0${n}-15` : type === 'boolean' ? n % 2 === 0 : type.includes('int') ? n : type.startsWith('timestamp') ? new Date(Date.UTC(2026, n, 1)) : `TEXT_${n}`
  const probe: Array<{ stored: string; built: string; nulls: boolean }> = []
  await db.transaction().execute(async (trx) => {
    await sql`create temp table probe (like ${sql.table(child.table)}) on commit drop`.execute(trx)
    await sql`create trigger probe_json before insert or update on probe for each row execute function ${sql.id(`${child.table}_${child.stored}`)}()`.execute(trx)
    for (const [n, nulls] of [[1, false], [2, true]] as const) {
      const names = columns.filter((column) => !(nulls && column.nullable === 'YES'))
      await sql`insert into probe (${sql.join(names.map((column) => sql.id(column.name)))}) values (${sql.join(names.map((column) => value(column.type, n)))})`.execute(trx)
    }
    const { rows } = await sql<{ stored: string; built: string; nulls: boolean }>`select p.${sql.id(child.stored!)} as stored, ${childJson(child, 'p')} as built, p.id = 2 as nulls from probe as p order by p.id`.execute(trx)
    probe.push(...rows)
  })
  return probe
}
