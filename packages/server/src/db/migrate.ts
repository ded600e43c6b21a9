import { Migrator, type Kysely } from 'kysely'
import { migrations } from './migrations/index.ts'

/**
 * Brings the schema to the latest version. Safe to run from several processes at once: Kysely's
 * migrator holds a lock while it works.
 */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const { error, results } = await migrator.migrateToLatest()
  if (error !== undefined) throw error
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
