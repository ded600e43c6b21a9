import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { assertError } from '../helpers/assertions.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts'
import { ADMIN, startTestServer, type TestServer } from '../helpers/server.ts'

const LOGIN = '/v1/authenticate'

/**
 * Failed logins are counted per brand and username and per client address in PostgreSQL, so two
 * instances share the counts; the window is moved back in the table instead of waiting it out.
 */
describe('brute force: failed logins per name and per address, across instances', () => {
  let database: TestDatabase
  let a: TestServer
  let b: TestServer
  const settings = { loginMaxFailures: 3, loginMaxFailuresPerAddress: 6, loginFailureWindowSeconds: 600 }
  const endWindows = () => sql`update login_failures set window_started = now() - interval '1 hour'`.execute(a.db.system)

  before(async () => {
    database = await createTestDatabase()
    a = await startTestServer(settings, database)
    b = await startTestServer(settings, database)
  })
  after(async () => {
    await b.close()
    await a.close()
    await database.drop()
  })

  it('a name reaches its limit on one instance and is refused on the other with Retry-After; access recovers after the window', async () => {
    const wrong = { ...ADMIN, password: 'certainly not it' }
    for (const server of [a, b, a]) assertError(await server.request('POST', LOGIN, { json: wrong }), 401, 'invalid_credentials')
    const refused = await b.request('POST', LOGIN, { json: ADMIN })
    assertError(refused, 429, 'rate_limited', LOGIN)
    const retryAfter = Number(refused.headers.get('retry-after'))
    assert.ok(retryAfter > 500 && retryAfter <= 600, `Retry-After ${retryAfter}`)
    await endWindows()
    assert.equal((await b.request('POST', LOGIN, { json: ADMIN })).status, 200)
  })

  it('an address reaches its limit whatever names it tries; a success does not reset it', async () => {
    await endWindows()
    for (let i = 0; i < 5; i++) {
      assertError(await [a, b][i % 2]!.request('POST', LOGIN, { json: { ...ADMIN, username: `guess-${i}`, password: 'guessing away' } }), 401, 'invalid_credentials')
    }
    assert.equal((await a.request('POST', LOGIN, { json: ADMIN })).status, 200, 'five failures: still allowed')
    assertError(await b.request('POST', LOGIN, { json: { ...ADMIN, username: 'guess-5', password: 'guessing away' } }), 401, 'invalid_credentials')
    const refused = await a.request('POST', LOGIN, { json: ADMIN })
    assertError(refused, 429, 'rate_limited')
    assert.ok(Number(refused.headers.get('retry-after')) > 0)
    await endWindows()
    assert.equal((await a.request('POST', LOGIN, { json: ADMIN })).status, 200)
  })

  it('a success resets the name’s count', async () => {
    await endWindows()
    const wrong = { ...ADMIN, password: 'certainly not it' }
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 2; i++) assertError(await a.request('POST', LOGIN, { json: wrong }), 401, 'invalid_credentials')
      assert.equal((await b.request('POST', LOGIN, { json: ADMIN })).status, 200)
    }
  })
})
