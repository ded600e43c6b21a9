import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { createBrand } from '../../src/auth/accounts.ts'
import { migrations } from '../../src/db/migrations/index.ts'
import type { Tables } from '../../src/db/tables.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts'

/** The last migration before the Reference Data API's. */
const BEFORE_REFERENCE_DATA = '2026_12_02_0900_add_user_auth_versions'

describe('reference data migrations on a database with brands already', () => {
  let database: TestDatabase
  let db: Kysely<Tables>
  let migrator: Migrator
  before(async () => {
    database = await createTestDatabase({ empty: true })
    db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 1 }) }) })
    migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  })
  after(async () => {
    await db.destroy()
    await database.drop()
  })

  it('give every existing brand the ISO 4217 currencies, the standard tax band at 20% and the reference data permissions', async () => {
    const up = await migrator.migrateTo(BEFORE_REFERENCE_DATA)
    assert.equal(up.error, undefined)
    const roles = [
      { name: 'Administrator', permissions: ['admin:read', 'admin:write'] },
      { name: 'Customer Manager', permissions: ['admin:read'] },
      { name: 'Read Only', permissions: ['admin:read'] },
    ]
    const brands = [await createBrand(db, 'older-one', roles), await createBrand(db, 'older-two', roles)]
    const rest = await migrator.migrateToLatest()
    assert.equal(rest.error, undefined)
    assert.ok(rest.results?.some((r) => r.migrationName === '2026_12_03_2000_create_currencies'))

    for (const brandId of brands) {
      const codes = (await db.selectFrom('currencies').select('code').where('brand_id', '=', brandId).execute()).map((r) => r.code)
      assert.ok(codes.length >= 150 && codes.includes('GBP') && codes.includes('EUR'), `brand ${brandId}: ${codes.length} currencies`)
      const bands = await db.selectFrom('tax_bands').selectAll().where('brand_id', '=', brandId).execute()
      assert.deepEqual(bands.map((b) => [b.code, b.name, b.default_band, b.used_for_etc]), [['T1', 'Standard', true, true]])
      const rates = await db.selectFrom('tax_band_rates').select(['rate', sql<string>`start_date::text`.as('start_date'), 'end_date', 'tax_band_id']).where('brand_id', '=', brandId).execute()
      assert.deepEqual(rates, [{ rate: '20.0000', start_date: '2011-01-04', end_date: null, tax_band_id: bands[0]!.id }])
      const permissions = Object.fromEntries((await db.selectFrom('roles').select(['name', 'permissions']).where('brand_id', '=', brandId).execute()).map((r) => [r.name, r.permissions]))
      assert.ok(permissions.Administrator!.includes('reference-data:write') && permissions.Administrator!.includes('reference-data:read'))
      assert.ok(permissions['Read Only']!.includes('reference-data:read') && !permissions['Read Only']!.includes('reference-data:write'))
    }
  })
})
