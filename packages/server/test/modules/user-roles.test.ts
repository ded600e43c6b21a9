import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { startTestServer, type TestServer } from '../helpers/server.ts'

describe('GET /v1/user-roles', () => {
  let server: TestServer
  let token: string
  const list = async (query: string) => server.request('GET', `/v1/user-roles?${query}`, { token })
  before(async () => {
    server = await startTestServer()
    token = await server.login()
  })
  after(() => server.close())

  it('lists the seeded roles as a bare array, ordered by id', async () => {
    const response = await list('page=1&pageSize=10')
    assert.equal(response.status, 200)
    assert.deepEqual(response.body.map((r: { name: string }) => r.name), ['Administrator', 'Customer Manager', 'Read Only'])
    assert.deepEqual(Object.keys(response.body[0]), ['id', 'name', 'permissions'])
    assert.equal(response.headers.get('link'), null, 'one page: no links')
  })

  it('pages with RFC 8288 Link headers that keep the other parameters', async () => {
    const first = await list('page=1&pageSize=2&sort=name')
    assert.equal(first.body.length, 2)
    assert.equal(first.headers.get('link'), '</v1/user-roles?page=2&pageSize=2&sort=name>; rel="next"')
    const second = await list('page=2&pageSize=2&sort=name')
    assert.deepEqual(second.body.map((r: { name: string }) => r.name), ['Read Only'])
    assert.equal(second.headers.get('link'), '</v1/user-roles?page=1&pageSize=2&sort=name>; rel="prev"')
    assert.deepEqual(await list('page=3&pageSize=2').then((r) => r.body), [])
  })

  it('sorts descending with :desc', async () => {
    const response = await list('page=1&pageSize=10&sort=name:desc')
    assert.deepEqual(response.body.map((r: { name: string }) => r.name), ['Read Only', 'Customer Manager', 'Administrator'])
  })

  it('filters by name: equality, in: and case-insensitive like:', async () => {
    const names = async (filter: string) => (await list(`page=1&pageSize=10&name=${encodeURIComponent(filter)}`)).body.map((r: { name: string }) => r.name)
    assert.deepEqual(await names('Read Only'), ['Read Only'])
    assert.deepEqual(await names('read only'), [], 'equality is exact')
    assert.deepEqual(await names('in:Read Only,Administrator'), ['Administrator', 'Read Only'])
    assert.deepEqual(await names('like:MANAGER'), ['Customer Manager'])
    assert.deepEqual(await names('like:%TOR'), ['Administrator'], 'with % the value is the pattern')
    assert.deepEqual(await names('like:read%'), ['Read Only'])
    assert.deepEqual(await names('like:_'), [], 'without % an underscore is literal')
  })

  it('returns only the requested fields', async () => {
    const response = await list('page=1&pageSize=1&fields=name')
    assert.deepEqual(response.body, [{ name: 'Administrator' }])
  })

  it('gets one role by id', async () => {
    const [first] = (await list('page=1&pageSize=1')).body
    const response = await server.request('GET', `/v1/user-roles/${first.id}`, { token })
    assert.equal(response.status, 200)
    assert.deepEqual(response.body, first)
  })
})
