import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

describe('400 Bad Request', () => {
  let server: TestServer
  let token: string
  before(async () => {
    server = await startTestServer()
    token = await server.login()
  })
  after(() => server.close())

  it('answers malformed JSON with malformed_json', async () => {
    const response = await server.request('POST', '/v1/authenticate', {
      body: '{"brand": "acme", ',
      headers: { 'content-type': 'application/json' },
    })
    assertError(response, 400, 'malformed_json', '/v1/authenticate')
  })

  it('answers an empty JSON body with malformed_json', async () => {
    const response = await server.request('POST', '/v1/authenticate', { body: '', headers: { 'content-type': 'application/json' } })
    assertError(response, 400, 'malformed_json')
  })

  it('rejects a prototype-poisoning body', async () => {
    const response = await server.request('POST', '/v1/authenticate', {
      body: '{"brand":"acme","username":"a","password":"b","__proto__":{"admin":true}}',
      headers: { 'content-type': 'application/json' },
    })
    assertError(response, 400, 'malformed_json')
  })

  it('lists every invalid field at once, in the guide’s message style', async () => {
    const response = await server.request('POST', '/v1/authenticate', { json: { brand: '', username: 42 } })
    assertError(response, 400, 'validation_failed')
    assertFieldErrors(response, ['brand:too_short', 'username:invalid_type', 'password:required'])
    assert.match(response.body.message, /^Validation failed for 3 fields: /)
    assert.match(response.body.message, /'brand' must not be empty/)
  })

  it('names a single invalid field exactly as the guide does', async () => {
    const response = await server.request('POST', '/v1/authenticate', { json: { brand: '', username: 'a', password: 'b' } })
    assertError(response, 400, 'validation_failed')
    assert.equal(response.body.message, "Validation failed for field 'brand': must not be empty")
  })

  it('rejects unknown body fields instead of ignoring them', async () => {
    const response = await server.request('POST', '/v1/authenticate', {
      json: { brand: 'acme', username: 'admin', password: 'x', rememberMe: true },
    })
    assertError(response, 400, 'validation_failed')
    assertFieldErrors(response, ['rememberMe:unknown_field'])
  })

  it('requires page and pageSize on lists', async () => {
    const response = await server.request('GET', '/v1/user-roles', { token })
    assertError(response, 400, 'invalid_query', '/v1/user-roles')
    assertFieldErrors(response, ['page:required', 'pageSize:required'])
  })

  it('bounds pageSize to 1..1000 and page to at least 1', async () => {
    const response = await server.request('GET', '/v1/user-roles?page=0&pageSize=1001', { token })
    assertError(response, 400, 'invalid_query')
    assertFieldErrors(response, ['page:out_of_range', 'pageSize:out_of_range'])
  })

  it('rejects non-numeric paging', async () => {
    const response = await server.request('GET', '/v1/user-roles?page=one&pageSize=10', { token })
    assertError(response, 400, 'invalid_query')
    assertFieldErrors(response, ['page:invalid_type'])
  })

  it('rejects unknown query parameters', async () => {
    const response = await server.request('GET', '/v1/user-roles?page=1&pageSize=10&colour=red', { token })
    assertError(response, 400, 'invalid_query')
    assertFieldErrors(response, ['colour:unknown_parameter'])
  })

  it('rejects unknown names in sort and fields, naming them', async () => {
    const response = await server.request('GET', '/v1/user-roles?page=1&pageSize=10&sort=colour&fields=id,size', { token })
    assertError(response, 400, 'invalid_query')
    assertFieldErrors(response, ['sort:unknown_field', 'fields:unknown_field'])
    assert.match(response.body.message, /'colour'/)
    assert.match(response.body.message, /'size'/)
  })

  it('names a field error once, however often the request repeats it', async () => {
    const response = await server.request('GET', '/v1/user-roles?page=1&pageSize=10&sort=nope,nope,name,nope&fields=id,gone,gone', { token })
    assertError(response, 400, 'invalid_query')
    assert.deepEqual(response.body.errors.map((e: { field: string; message: string }) => `${e.field}: ${e.message}`), ["sort: 'nope' is not a sortable field", "fields: 'gone' is not a field"])
    assert.equal(response.body.message, "Validation failed for 2 query parameters: 'sort' 'nope' is not a sortable field; 'fields' 'gone' is not a field")
  })

  it('rejects bad filter syntax', async () => {
    const response = await server.request('GET', '/v1/user-roles?page=1&pageSize=10&name=like:', { token })
    assertError(response, 400, 'invalid_query')
    assertFieldErrors(response, ['name:invalid_filter'])
  })

  it('rejects a non-numeric or out-of-range id in the path', async () => {
    for (const id of ['abc', '0', '1.5', '99999999999999999999']) {
      const response = await server.request('GET', `/v1/user-roles/${id}`, { token })
      assertError(response, 400, 'invalid_path_parameter')
      assertFieldErrors(response, response.body.errors.map((e: { code: string }) => `userRoleId:${e.code}`))
    }
  })

  it('answers a malformed URL with the error body', async () => {
    const response = await server.request('GET', '/v1/user-roles/%E0%A4%A', { token })
    assertError(response, 400, 'malformed_request')
  })
})
