/**
 * `npm run openapi`: writes the OpenAPI document (openapi.json, committed) from the route schemas.
 * `npm run openapi -- --check` fails instead when the committed document is out of date (CI).
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pino from 'pino'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { Database } from '../src/db/database.ts'

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'openapi.json')
const logger = pino({ level: 'silent' })
// Building the app reads no data: the pools connect on first query, and none is made here.
const db = new Database({ url: 'postgres://127.0.0.1:1/none', poolSize: 1, logger })
const app = await buildApp(loadConfig({}), db, logger)
await app.ready()
const document = `${JSON.stringify(app.swagger(), null, 2)}\n`
await app.close()
await db.close()

if (process.argv.includes('--check')) {
  const committed = await readFile(target, 'utf8').catch(() => '')
  if (committed !== document) {
    process.stderr.write('openapi.json is out of date: run `npm run openapi` and commit the result\n')
    process.exit(1)
  }
  process.stdout.write('openapi.json is up to date\n')
} else {
  await writeFile(target, document)
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`)
}
