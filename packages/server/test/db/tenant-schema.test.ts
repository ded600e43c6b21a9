import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts'

interface Relation {
  name: string
  kind: 'r' | 'v' | 'm' | 'p'
  rowSecurity: boolean
  policies: number
  options: string[] | null
}

/**
 * Brand isolation is row-level security, so it holds only where the schema has it: every relation
 * the API's role may read that carries a brand is guarded, whoever adds the next one.
 */
describe('every tenant relation the API reads is confined to the brand by the database', () => {
  let database: TestDatabase
  let relations: Relation[]
  /** Each tenant policy's condition, by table. */
  let policies: Array<{ table: string; using: string; check: string }>

  before(async () => {
    database = await createTestDatabase()
    const client = new pg.Client({ connectionString: database.url })
    await client.connect()
    try {
      const result = await client.query<Relation>(`
        select c.relname as name, c.relkind as kind, c.relrowsecurity as "rowSecurity", c.reloptions as options,
               (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
          from pg_class as c
          join pg_namespace as n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind in ('r', 'v', 'm', 'p')
           and has_table_privilege('elevate_app', c.oid, 'select')
           and exists (select 1 from pg_attribute as a where a.attrelid = c.oid and a.attname = 'brand_id' and not a.attisdropped)
         order by c.relname`)
      relations = result.rows
      policies = (
        await client.query<{ table: string; using: string; check: string }>(
          `select tablename as table, qual as using, with_check as check from pg_policies where schemaname = 'public' and policyname = 'tenant_isolation' order by 1`,
        )
      ).rows
    } finally {
      await client.end()
    }
  })
  after(() => database.drop())

  it('finds the tenant relations (the query itself works)', () => {
    assert.ok(relations.some((r) => r.name === 'customers' && r.kind === 'r'))
    assert.ok(relations.some((r) => r.name === 'customer_credit_status' && r.kind === 'v'))
  })

  it('has row-level security and a policy on every tenant table', () => {
    const unguarded = relations.filter((r) => r.kind === 'r' || r.kind === 'p').filter((r) => !r.rowSecurity || r.policies === 0)
    assert.deepEqual(unguarded.map((r) => r.name), [])
  })

  it('reads the brand once per query in every policy (an InitPlan), not once per row a scan filters', () => {
    assert.ok(policies.length >= 60, `${policies.length} tenant policies`)
    const brand = '(brand_id = ( SELECT elevate_current_brand() AS elevate_current_brand))'
    const perRow = policies.filter((policy) => policy.using !== brand || policy.check !== brand)
    assert.deepEqual(perRow.map((policy) => `${policy.table}: ${policy.using}`), [], 'a new table uses isolateTenantTable')
  })

  it('runs every tenant view as the querying role, so the tables’ policies apply (no materialised copies)', () => {
    assert.deepEqual(relations.filter((r) => r.kind === 'm').map((r) => r.name), [])
    const owners = relations.filter((r) => r.kind === 'v' && !(r.options ?? []).includes('security_invoker=true'))
    assert.deepEqual(owners.map((r) => r.name), [])
  })
})
