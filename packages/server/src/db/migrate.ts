import { Migrator, sql, type Kysely } from 'kysely'
import { migrations } from './migrations/index.ts'

/**
 * Brings the schema to the latest version. Safe to run from several processes at once: Kysely's
 * migrator holds a lock while it works.
 */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // On one connection without the pool's statement_timeout: a migration may rewrite a big table.
  return db.connection().execute(async (connection) => {
    await sql`set statement_timeout = 0`.execute(connection)
    try {
      const migrator = new Migrator({ db: connection, provider: { getMigrations: async () => migrations } })
      const { error, results } = await migrator.migrateToLatest()
      if (error !== undefined) throw error
      return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
    } finally {
      await sql`reset statement_timeout`.execute(connection)
    }
  })
}
