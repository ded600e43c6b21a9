import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** A database of this test file's own, cloned from the migrated template `npm test` prepared. */
export interface TestDatabase {
  url: string
  drop(): Promise<void>
}

function required(name: string): string {
  const value = process.env[name]
  if (value === undefined || value === '') {
    throw new Error(`${name} is not set: run the tests with \`npm test\`, which prepares the database`)
  }
  return value
}

/** The URL of another database on the test server. */
export function urlFor(database: string): string {
  const url = new URL(required('ELEVATE_TEST_SERVER_URL'))
  url.pathname = `/${database}`
  return url.toString()
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: required('ELEVATE_TEST_SERVER_URL') })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** Creates a migrated database for one test file; `empty` skips the template (a bare database). */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `elevate_test_${required('ELEVATE_TEST_RUN')}_${randomBytes(4).toString('hex')}`
  const template = options.empty === true ? '' : ` template ${pg.escapeIdentifier(required('ELEVATE_TEST_TEMPLATE'))}`
  await onServer((c) => c.query(`create database ${pg.escapeIdentifier(name)}${template}`))
  return {
    url: urlFor(name),
    drop: () => onServer((c) => c.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`)).then(() => undefined),
  }
}
