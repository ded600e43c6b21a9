import assert from 'node:assert/strict'
import { readdir } from 'node:fs/promises'
import { after, before, describe, it } from 'node:test'
import pg from 'pg'
import type { ListSpec } from '../../src/lists/list-query.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts'

const MODULES = new URL('../../src/modules/', import.meta.url)

/** Every list spec the modules describe (the `list` of each exported resource description). */
async function listSpecs(): Promise<Array<[string, ListSpec]>> {
  const specs: Array<[string, ListSpec]> = []
  for (const entry of await readdir(MODULES, { recursive: true })) {
    if (!entry.endsWith('.fields.ts')) continue
    for (const [name, value] of Object.entries(await import(new URL(entry, MODULES).href))) {
      const list = (value as { list?: ListSpec } | null)?.list
      if (list?.columns !== undefined) specs.push([`${entry} ${name}`, list])
    }
  }
  return specs
}

/**
 * A `like:` on a folded name matches the stored `<column>_folded` with `like lower($1)`: the same
 * answer as `ilike` only while that column is PostgreSQL's `lower(column)`, generated and stored.
 */
describe('folded names', () => {
  let database: TestDatabase
  /** `table.column_folded` → the column it folds, from its generation expression. */
  let folded: Map<string, string>

  before(async () => {
    database = await createTestDatabase()
    const client = new pg.Client({ connectionString: database.url })
    await client.connect()
    try {
      const result = await client.query<{ name: string; generated: string; expression: string | null }>(
        `select table_name || '.' || column_name as name, is_generated as generated, generation_expression as expression
           from information_schema.columns where table_schema = 'public' and column_name like '%\\_folded'`,
      )
      folded = new Map(result.rows.map((row) => [row.name, `${row.generated} ${row.expression}`]))
    } finally {
      await client.end()
    }
  })
  after(() => database.drop())

  it('are stored generated lower cases of the column they are named after', () => {
    assert.ok(folded.size >= 15, `${folded.size} folded columns`)
    for (const [name, generation] of folded) {
      const base = name.slice(name.indexOf('.') + 1, -'_folded'.length)
      assert.equal(generation, `ALWAYS lower(${base})`, name)
    }
  })

  it('exist for every list filter that matches one', async () => {
    const specs = await listSpecs()
    assert.ok(specs.length > 50, `${specs.length} list specs`)
    let declared = 0
    for (const [where, spec] of specs) {
      for (const [param, field] of Object.entries(spec.columns)) {
        if (field.folded === undefined) continue
        declared++
        assert.equal(field.filter, 'string', `${where} ${param}`)
        const [table, column] = field.folded.includes('.') ? field.folded.split('.') : [undefined, field.folded]
        const tables = [...folded.keys()].filter((name) => name.endsWith(`.${column}`) && (table === undefined || name === `${table}.${column}`))
        assert.ok(tables.length > 0, `${where} ${param}: no table has ${field.folded}`)
      }
    }
    assert.ok(declared >= 16, `${declared} folded filters`)
  })
})
