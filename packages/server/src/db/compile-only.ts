import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type LogEvent } from 'kysely'

/**
 * A Kysely that compiles for PostgreSQL with no database behind it (every query answers no rows),
 * for tests of the SQL a helper writes; `log` sees each statement run.
 */
export function compileOnly(log?: (event: LogEvent) => void): Kysely<any> {
  return new Kysely<any>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (kysely) => new PostgresIntrospector(kysely),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    ...(log === undefined ? {} : { log }),
  })
}
