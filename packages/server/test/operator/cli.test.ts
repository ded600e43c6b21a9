import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, describe, it } from 'node:test'
import { assertError } from '../helpers/assertions.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const BIN = path.join(root, 'bin/elevate-api.mjs')

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the real `elevate-api` binary with `env` as its whole environment (besides PATH). */
function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })))
}

/** A failure the operator can fix: exit code, one line on stderr, no stack trace. */
function assertOneLine(run: Run, code: number, pattern: RegExp): void {
  assert.equal(run.code, code, `exit code (stderr: ${run.stderr})`)
  assert.equal(run.stderr.trimEnd().split('\n').length, 1, `one line: ${run.stderr}`)
  assert.match(run.stderr, pattern)
  assert.doesNotMatch(run.stderr, /\n\s+at /)
}

const password = (run: Run) => /password: (\S+)/.exec(run.stdout)?.[1]

describe('the elevate-api command', { timeout: 300_000 }, () => {
  let database: TestDatabase
  let server: TestServer
  let env: Record<string, string>
  before(async () => {
    // Build dist/ once here, so the runs below neither rebuild nor race to.
    const built = spawnSync(process.execPath, [path.join(root, 'scripts/build-if-stale.mjs')], { stdio: 'inherit' })
    assert.equal(built.status, 0, 'the build')
    database = await createTestDatabase()
    env = { DATABASE_URL: database.url }
    server = await startTestServer({}, database)
  })
  after(async () => {
    await server.close()
    await database.drop()
  })

  it('explains itself: --help for the whole and for each command; an unknown command is exit 2', async () => {
    const help = await cli(['--help'])
    assert.equal(help.code, 0)
    for (const name of ['start', 'migrate', 'create-brand', 'create-user', 'reset-password', 'seed-demo', 'keys']) {
      assert.match(help.stdout, new RegExp(`^  ${name} `, 'm'))
      const one = await cli([name, '--help'])
      assert.equal(one.code, 0, `${name} --help`)
      assert.match(one.stdout, new RegExp(`^Usage: elevate-api ${name}`))
    }
    assertOneLine(await cli(['launch']), 2, /unknown command 'launch'/)
    assertOneLine(await cli(['create-user', '--brand', 'x', '--colour', 'red'], env), 2, /Unknown option '--colour'/)
  })

  it('migrate brings an empty database up to date, then finds nothing to do', async () => {
    const empty = await createTestDatabase({ empty: true })
    try {
      const first = await cli(['migrate'], { DATABASE_URL: empty.url })
      assert.equal(first.code, 0, first.stderr)
      assert.match(first.stdout, /^Applied \d+ migrations:/)
      const again = await cli(['migrate'], { DATABASE_URL: empty.url })
      assert.equal(again.stdout, 'The schema is up to date.\n')
    } finally {
      await empty.drop()
    }
  })

  it('create-brand makes a second brand whose administrator can log in; the same name again is refused', async () => {
    const made = await cli(['create-brand', 'globex'], env)
    assert.equal(made.code, 0, made.stderr)
    assert.match(made.stdout, /shown only this once/)
    const token = await server.login({ brand: 'globex', username: 'admin', password: password(made)! })
    assert.equal((await server.request('GET', '/v1/user-roles?page=1&pageSize=10', { token })).body.length, 3, 'the seeded roles')
    assertOneLine(await cli(['create-brand', 'globex'], env), 2, /a brand named 'globex' already exists/)
    assertOneLine(await cli(['create-brand'], env), 2, /the brand name is required/)
  })

  it('create-user adds a user with a role that applies; bad input is one line and exit 2', async () => {
    const made = await cli(['create-user', '--brand', 'acme', '--username', 'reader', '--role', 'Read Only', '--password', 'reader-password-1'], env)
    assert.equal(made.code, 0, made.stderr)
    assert.doesNotMatch(made.stdout, /shown only this once/, 'a given password is not called generated')
    const token = await server.login({ brand: 'acme', username: 'reader', password: 'reader-password-1' })
    assert.equal((await server.request('GET', '/v1/contract-owners?page=1&pageSize=5', { token })).status, 200)
    assertError(await server.request('POST', '/v1/contract-owners', { token, json: {} }), 403, 'insufficient_permission')

    assertOneLine(await cli(['create-user', '--brand', 'acme', '--username', 'reader'], env), 2, /already has a user 'reader'/)
    assertOneLine(await cli(['create-user', '--brand', 'acme', '--username', 'x', '--role', 'Wizard'], env), 2, /no role 'Wizard'/)
    assertOneLine(await cli(['create-user', '--brand', 'nowhere', '--username', 'x'], env), 2, /no brand named 'nowhere'/)
    assertOneLine(await cli(['create-user', '--brand', 'acme'], env), 2, /--username is required/)
    assertOneLine(await cli(['create-user', '--brand', 'acme', '--username', 'y', '--password', 'short'], env), 2, /--password must be 12 to 100/)
    assertOneLine(await cli(['create-user', '--brand', 'acme', '--username', 'y', '--password', 'password1234'], env), 2, /--password is too common/)
    // What it stores stays a user the API can change and disable: the API's field rules apply.
    assertOneLine(await cli(['create-user', '--brand', 'acme', '--username', 'z', '--email', 'not-an-email'], env), 2, /would not be valid: email/)
    assertOneLine(await cli(['create-user', '--brand', 'acme', '--username', 'a\u0001b'], env), 2, /would not be valid: username/)
  })

  it('reset-password gives a new password; the old one no longer logs in', async () => {
    await cli(['create-user', '--brand', 'acme', '--username', 'forgetful', '--password', 'first-password-1'], env)
    const reset = await cli(['reset-password', '--brand', 'acme', '--username', 'forgetful'], env)
    assert.equal(reset.code, 0, reset.stderr)
    assert.match(reset.stdout, /shown only this once/)
    const old = await server.request('POST', '/v1/authenticate', { json: { brand: 'acme', username: 'forgetful', password: 'first-password-1' } })
    assertError(old, 401, 'invalid_credentials')
    assert.ok(await server.login({ brand: 'acme', username: 'forgetful', password: password(reset)! }))
    assertOneLine(await cli(['reset-password', '--brand', 'acme', '--username', 'ghost'], env), 2, /has no user 'ghost'/)
  })

  it('seed-demo fills a brand through the API: owners, cycles, customers with sites, users by role and scope', async () => {
    const seeded = await cli(['seed-demo', '--brand', 'demo', '--customers', '12', '--password', 'demo-password-12'], env)
    assert.equal(seeded.code, 0, seeded.stderr)
    assert.match(seeded.stdout, /3 contract owners, 6 billing cycles, 12 customers with \d+ sites, a catalogue of \d+ records/)
    const admin = await server.login({ brand: 'demo', username: 'demo.admin', password: 'demo-password-12' })
    assert.equal((await server.request('GET', '/v1/customers?page=1&pageSize=100', { token: admin })).body.length, 12)
    const cycles = (await server.request('GET', '/v1/billing-cycles?page=1&pageSize=100', { token: admin })).body as Array<{ name: string }>
    assert.equal(cycles.filter((cycle) => cycle.name === 'Quarterly').length, 3, 'two cycles per owner, besides the brand’s seeded one')
    const cards = (await server.request('GET', '/v2/rental-rate-cards?page=1&pageSize=10', { token: admin })).body as Array<{ name: string; contractOwnerIds: number[]; rentalRates: unknown[] }>
    assert.deepEqual(cards.map((card) => [card.name, card.contractOwnerIds.length, card.rentalRates.length]), [['Business monthly rental', 3, 3]])
    assert.equal((await server.request('GET', '/v2/usage-rate-cards?page=1&pageSize=10&name=UK%20calls%20standard', { token: admin })).body.length, 1)
    const scoped = await server.login({ brand: 'demo', username: 'demo.northwind', password: 'demo-password-12' })
    assert.equal((await server.request('GET', '/v1/customers?page=1&pageSize=100', { token: scoped })).body.length, 4, 'a contract owner’s share')
    assertOneLine(await cli(['seed-demo', '--brand', 'demo', '--customers', '1'], env), 2, /already has the demo data/)
    assertOneLine(await cli(['seed-demo', '--customers', 'many'], env), 2, /--customers must be a whole number/)
  })

  it('says in one line what is wrong with the configuration, without a stack trace', async () => {
    assertOneLine(await cli(['migrate'], { DATABASE_URL: 'mysql://db/x' }), 1, /DATABASE_URL must be a postgres/)
    assertOneLine(await cli(['migrate'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/x' }), 1, /cannot connect to PostgreSQL at 127\.0\.0\.1:1 .*DATABASE_URL/)
    const missing = new URL(database.url)
    missing.pathname = '/no_such_database_here'
    assertOneLine(await cli(['migrate'], { DATABASE_URL: missing.toString() }), 1, /database in DATABASE_URL does not exist/)

    const taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    const port = (taken.address() as { port: number }).port
    try {
      assertOneLine(await cli(['start', '--port', String(port)], env), 1, new RegExp(`port ${port} .*already in use.*PORT`))
    } finally {
      taken.close()
    }
    assertOneLine(await cli(['start', '--port', 'eighty'], env), 1, /PORT must be a whole number/)
  })
})
