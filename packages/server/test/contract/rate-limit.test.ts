import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createUser } from '../helpers/accounts.ts'
import { assertError } from '../helpers/assertions.ts'
import { ADMIN, startTestServer, type TestServer } from '../helpers/server.ts'

describe('429 Too Many Requests', () => {
  let server: TestServer
  before(async () => {
    server = await startTestServer({ loginMaxFailures: 3, loginFailureWindowSeconds: 600 })
  })
  after(() => server.close())

  it('throttles repeated failed logins with Retry-After, even with the right password', async () => {
    const wrong = { ...ADMIN, password: 'not-the-password' }
    for (let attempt = 0; attempt < 3; attempt++) {
      assertError(await server.request('POST', '/v1/authenticate', { json: wrong }), 401, 'invalid_credentials')
    }
    const throttled = await server.request('POST', '/v1/authenticate', { json: ADMIN })
    assertError(throttled, 429, 'rate_limited', '/v1/authenticate')
    const retryAfter = Number(throttled.headers.get('retry-after'))
    assert.ok(retryAfter > 500 && retryAfter <= 600, `Retry-After ${retryAfter}`)
  })

  it('throttles unknown users the same way (no enumeration), and only that name', async () => {
    const ghost = { brand: ADMIN.brand, username: 'ghost', password: 'whatever-it-is' }
    for (let attempt = 0; attempt < 3; attempt++) await server.request('POST', '/v1/authenticate', { json: ghost })
    assertError(await server.request('POST', '/v1/authenticate', { json: ghost }), 429, 'rate_limited')
    const other = await server.request('POST', '/v1/authenticate', { json: { ...ghost, username: 'someone-else' } })
    assertError(other, 401, 'invalid_credentials')
  })

  it('clears the count on a successful login', async () => {
    const brand = await server.db.system.selectFrom('brands').select('id').where('name', '=', ADMIN.brand).executeTakeFirstOrThrow()
    await createUser(server.db.system, { brandId: brand.id, username: 'forgetful', password: 'forgetful-password', roles: [] })
    const credentials = { brand: ADMIN.brand, username: 'forgetful', password: 'forgetful-password' }
    for (let round = 0; round < 2; round++) {
      for (let attempt = 0; attempt < 2; attempt++) {
        await server.request('POST', '/v1/authenticate', { json: { ...credentials, password: 'oops' } })
      }
      assert.equal((await server.request('POST', '/v1/authenticate', { json: credentials })).status, 200)
    }
  })
})
