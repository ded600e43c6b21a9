import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError } from '../helpers/assertions.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

describe('404, 405, OPTIONS and HEAD', () => {
  let server: TestServer
  let token: string
  before(async () => {
    server = await startTestServer()
    token = await server.login()
  })
  after(() => server.close())

  it('answers an unknown route with 404, before asking for a token', async () => {
    for (const path of ['/v1/nothing-here', '/v1/user-roles/1/extra', '/']) {
      assertError(await server.request('GET', path), 404, 'route_not_found', path)
    }
  })

  it('answers an unknown id with 404', async () => {
    const response = await server.request('GET', '/v1/user-roles/987654', { token })
    assertError(response, 404, 'not_found', '/v1/user-roles/987654')
  })

  it('answers a wrong method on a known path with 405 and Allow, before asking for a token', async () => {
    for (const method of ['DELETE', 'PUT', 'POST', 'PATCH']) {
      const response = await server.request(method, '/v1/user-roles', { json: method === 'DELETE' ? undefined : {} })
      assertError(response, 405, 'method_not_allowed', '/v1/user-roles')
      assert.equal(response.headers.get('allow'), 'GET, HEAD, OPTIONS')
    }
    const login = await server.request('GET', '/v1/authenticate')
    assertError(login, 405, 'method_not_allowed')
    assert.equal(login.headers.get('allow'), 'OPTIONS, POST')
  })

  it('answers OPTIONS with 204, Allow and no body, without a token', async () => {
    const response = await server.request('OPTIONS', '/v1/user-roles/5')
    assert.equal(response.status, 204)
    assert.equal(response.headers.get('allow'), 'GET, HEAD, OPTIONS')
    assert.equal(response.text, '')
    assert.ok(response.headers.get('x-request-id'))
  })

  it('answers HEAD without a body, whatever the status', async () => {
    const ok = await server.request('HEAD', '/v1/user-roles/1', { token })
    assert.equal(ok.status, 200)
    assert.equal(ok.text, '')
    const missing = await server.request('HEAD', '/v1/user-roles/987654', { token })
    assert.equal(missing.status, 404)
    assert.equal(missing.text, '')
    const unauthenticated = await server.request('HEAD', '/v1/user-roles/1')
    assert.equal(unauthenticated.status, 401)
    assert.equal(unauthenticated.text, '')
    assert.ok(unauthenticated.headers.get('www-authenticate'))
  })

  it('answers HEAD on every list that has GET as an exists-check: filters only, 200 or 404 (elevate-api.md §1.4)', async () => {
    const document = (await server.request('GET', '/openapi.json')).body
    const lists = Object.keys(document.paths).filter((path) => path.startsWith('/v1/') && !path.includes('{') && document.paths[path].get)
    assert.ok(lists.length >= 6)
    for (const path of lists) {
      // Lists with required filters besides paging (events' createdFrom and createdTo, customer payments' customer_id) get them.
      const idLike = (schema: { type?: string; pattern?: string }) => schema.type === 'integer' || schema.pattern?.startsWith('^([1-9][0-9]') === true
      const required = (document.paths[path].get.parameters as Array<{ name: string; in: string; required?: boolean; schema: { type?: string; pattern?: string } }>)
        .filter((p) => p.in === 'query' && p.required === true && !['page', 'pageSize'].includes(p.name))
        .map((p) => `${p.name}=${idLike(p.schema) ? 1 : new Date().toISOString()}`)
      const response = await server.request('HEAD', `${path}?${required.join('&')}`, { token })
      // This server has user roles but no customers or sites: 200 or 404, never the paged GET's 200 for [].
      assert.ok([200, 404].includes(response.status), `HEAD ${path}: ${response.status}`)
      assert.equal(response.text, '')
      const paged = await server.request('HEAD', `${path}?page=1&pageSize=1${required.map((r) => `&${r}`).join('')}`, { token })
      assert.equal(paged.status, 400, `HEAD ${path} with paging: ${paged.status}`)
    }
    assert.equal((await server.request('HEAD', '/v1/user-roles?name=no-such-role', { token })).status, 404)
    assert.equal((await server.request('HEAD', '/v1/user-roles?name=Administrator', { token })).status, 200)
  })

  it('answers an empty list with 200 and [], not 404', async () => {
    const response = await server.request('GET', '/v1/user-roles?page=1&pageSize=10&name=no-such-role', { token })
    assert.equal(response.status, 200)
    assert.deepEqual(response.body, [])
  })
})
