import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, describe, it } from 'node:test'
import Fastify, { type RouteOptions } from 'fastify'
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { createResources } from '../../../sdk/src/generated/resources.ts'
import { migrations } from '../../src/db/migrations/index.ts'
import { MODULES, seededRoles } from '../../src/modules/index.ts'
import type { ApiModule, ModuleContext } from '../../src/modules/module.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts'

const docsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../docs/modules')

/** The routes a module registers, without a server or a database behind them. */
async function routesOf(module: ApiModule): Promise<RouteOptions[]> {
  const app = Fastify()
  const routes: RouteOptions[] = []
  app.addHook('onRoute', (route) => void routes.push(route))
  // Registering reads no data; modules with durable jobs declare them on the queue.
  const context = { jobs: { define: () => {} } } as unknown as ModuleContext
  await app.register(async (scope) => module.register(scope, context))
  await app.close()
  return routes
}

const camel = (tag: string) => tag.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase())

describe('every registered module', () => {
  for (const module of MODULES) {
    it(`${module.name}: has its docs page, declares the permissions its routes need, and is in the SDK`, async () => {
      const routes = await routesOf(module)
      assert.ok(routes.length > 0, 'it serves something')
      const page = await readFile(path.join(docsDir, module.docs), 'utf8').catch(() => '')
      assert.ok(page !== '', `docs/modules/${module.docs} exists`)
      const declared = new Set(module.permissions.map((grant) => grant.permission))
      const sdk = createResources({} as never) as Record<string, Record<string, unknown>>
      for (const route of routes) {
        const documented = route.url.replace(/:(\w+)/g, '{$1}')
        assert.ok(page.includes(documented), `docs/modules/${module.docs} documents ${route.url}`)
        const permission = route.config?.permission
        if (permission !== undefined) assert.ok(declared.has(permission), `${module.name} declares ${permission}`)
        const schema = route.schema as Record<string, unknown> | undefined
        const method = schema?.['x-sdk-method']
        if (typeof method === 'string') {
          const resource = sdk[camel((schema!.tags as string[])[0]!)]
          assert.ok(resource !== undefined && typeof resource[method] === 'function', `the SDK has ${String(schema!.operationId)} as a method`)
        }
      }
    })
  }
})

describe('permissions of brands that existed before a module was added', () => {
  let database: TestDatabase
  before(async () => {
    database = await createTestDatabase({ empty: true })
  })
  after(() => database.drop())

  it('are granted by the migrations: a brand made by the first release ends with what the modules declare', async () => {
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 1 }) }) })
    try {
      const names = Object.keys(migrations)
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
      assert.equal((await migrator.migrateTo(names[0]!)).error, undefined)
      // The brand and roles exactly as the first release seeded them.
      const { rows } = await sql<{ id: number }>`insert into brands (name) values ('old') returning id`.execute(db)
      const brandId = rows[0]!.id
      const firstRelease: Record<string, string[]> = {
        Administrator: ['users:read', 'users:write', 'customers:read', 'customers:write', 'admin:read', 'admin:write'],
        'Customer Manager': ['customers:read', 'customers:write', 'admin:read'],
        'Read Only': ['users:read', 'customers:read', 'admin:read'],
      }
      for (const [name, permissions] of Object.entries(firstRelease)) {
        await sql`insert into roles (brand_id, name, permissions) values (${brandId}, ${name}, ${permissions})`.execute(db)
      }
      assert.equal((await migrator.migrateToLatest()).error, undefined)
      const roles = await sql<{ name: string; permissions: string[] }>`select name, permissions from roles where brand_id = ${brandId}`.execute(db)
      const actual = Object.fromEntries(roles.rows.map((role) => [role.name, [...role.permissions].sort()]))
      const expected = Object.fromEntries(seededRoles().map((role) => [role.name, role.permissions]))
      assert.deepEqual(actual, expected)
    } finally {
      await db.destroy()
    }
  })
})
