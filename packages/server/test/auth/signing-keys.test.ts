import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { after, before, describe, it } from 'node:test'
import { decodeProtectedHeader } from 'jose'
import { assertError } from '../helpers/assertions.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

const run = promisify(execFile)
const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url))
const READ = '/v1/user-roles?page=1&pageSize=1'

/** The rotation procedure of docs/signing-keys.md, with the CLI, on two instances of one database. */
describe('signing keys: rotate, then retire', () => {
  let database: TestDatabase
  let a: TestServer
  let b: TestServer
  const keys = async (...args: string[]) => {
    try {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'keys', ...args], { cwd: SERVER_DIR, env: { ...process.env, DATABASE_URL: database.url } })
      return { code: 0, out: stdout }
    } catch (error) {
      const failed = error as { code: number; stderr: string }
      return { code: failed.code, out: failed.stderr }
    }
  }
  const kidOf = (token: string) => decodeProtectedHeader(token).kid

  before(async () => {
    database = await createTestDatabase()
    a = await startTestServer({}, database)
    b = await startTestServer({}, database)
  })
  after(async () => {
    await b.close()
    await a.close()
    await database.drop()
  })

  it('keeps the previous key’s tokens valid after a rotation, and refuses them on every instance once it is retired', async () => {
    const before = await a.login()
    const oldKid = kidOf(before)
    assert.equal(oldKid, 'primary')
    const rotated = await keys('rotate')
    assert.equal(rotated.code, 0, rotated.out)
    const newKid = /new current key: (\S+)/.exec(rotated.out)![1]
    for (const server of [a, b]) assert.equal((await server.request('GET', READ, { token: before })).status, 200, 'the previous key still verifies')
    const after = await b.login()
    assert.equal(kidOf(after), newKid, 'new tokens are signed with the new key')
    assert.equal((await a.request('GET', READ, { token: after })).status, 200, 'the other instance finds the new key')
    assert.match((await keys('list')).out, new RegExp(`${oldKid}\\tprevious[\\s\\S]*${newKid}\\tcurrent`))

    const current = await keys('retire', newKid!)
    assert.equal(current.code, 1)
    assert.match(current.out, /rotate first/)
    assert.equal((await keys('retire', oldKid)).code, 0)
    for (const server of [a, b]) {
      assertError(await server.request('GET', READ, { token: before }), 401, 'invalid_token')
      assert.equal((await server.request('GET', READ, { token: after })).status, 200)
    }
    assert.equal((await keys('retire', 'no-such-key')).code, 1)
    assert.equal((await keys('explode')).code, 2)
  })
})
