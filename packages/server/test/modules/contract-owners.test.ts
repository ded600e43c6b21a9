import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createUser } from '../helpers/accounts.ts'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import { ADMIN, startTestServer, type TestServer } from '../helpers/server.ts'
import { JSON_PATCH, MERGE_PATCH } from '../helpers/requests.ts'


describe('/v1/contract-owners', () => {
  let server: TestServer
  let token: string
  before(async () => {
    server = await startTestServer()
    token = await server.login()
  })
  after(() => server.close())

  it('creates one: 201, Location, ETag and the resource with its id', async () => {
    const body = contractOwnerBody({ bankIban: 'GB29NWBK60161331926819' })
    const response = await server.request('POST', '/v1/contract-owners', { token, json: body })
    assert.equal(response.status, 201, response.text)
    assert.equal(response.headers.get('location'), `/v1/contract-owners/${response.body.id}`)
    assert.equal(response.headers.get('etag'), '"1"')
    assert.deepEqual({ ...response.body, id: 0, createdDate: '', updatedDate: '' }, { ...body, id: 0, createdDate: '', updatedDate: '' })
    const fetched = await server.request('GET', response.headers.get('location')!, { token })
    assert.deepEqual(fetched.body, response.body)
    assert.equal(fetched.headers.get('etag'), '"1"')
  })

  it('reports every invalid field of a create at once', async () => {
    const response = await server.request('POST', '/v1/contract-owners', {
      token,
      json: { ...contractOwnerBody(), name: '', availableFrom: 'tomorrow', address: { town: 'Leeds', country: 'gb' }, colour: 'red' },
    })
    assertError(response, 400, 'validation_failed')
    assertFieldErrors(response, ['name:too_short', 'availableFrom:invalid_format', 'address.address1:required', 'address.postcode:required', 'address.country:invalid_format', 'colour:unknown_field'])
  })

  it('refuses an end before the start', async () => {
    const response = await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody({ availableTo: '2023-12-31' }) })
    assertError(response, 400, 'validation_failed')
    assertFieldErrors(response, ['availableTo:invalid_value'])
  })

  it('answers a duplicate name with 409 naming the field', async () => {
    const body = contractOwnerBody()
    assert.equal((await server.request('POST', '/v1/contract-owners', { token, json: body })).status, 201)
    const duplicate = await server.request('POST', '/v1/contract-owners', { token, json: body })
    assertError(duplicate, 409, 'already_exists')
    assertFieldErrors(duplicate, ['name:already_exists'])
  })

  it('lists with filters, sort and fields', async () => {
    const body = contractOwnerBody({ name: `Zeta ${Date.now()}` })
    await server.request('POST', '/v1/contract-owners', { token, json: body })
    const response = await server.request('GET', `/v1/contract-owners?page=1&pageSize=5&name=${encodeURIComponent(body.name)}&fields=name,availableFrom`, { token })
    assert.equal(response.status, 200)
    assert.deepEqual(response.body, [{ name: body.name, availableFrom: '2024-01-01' }])
    const sorted = await server.request('GET', '/v1/contract-owners?page=1&pageSize=100&sort=name:desc', { token })
    const names = sorted.body.map((o: { name: string }) => o.name)
    assert.deepEqual(names, [...names].sort().reverse())
  })

  describe('PATCH', () => {
    let id: number
    before(async () => {
      id = (await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody() })).body.id
    })

    it('applies a JSON Patch, bumps the ETag and returns the resource', async () => {
      const response = await server.request('PATCH', `/v1/contract-owners/${id}`, {
        token,
        headers: { ...JSON_PATCH, 'if-match': '"1"' },
        body: JSON.stringify([{ op: 'replace', path: '/taxRegistrationNumber', value: 'GB000' }, { op: 'add', path: '/bankSortCode', value: '12-34-56' }]),
      })
      assert.equal(response.status, 200, response.text)
      assert.equal(response.body.taxRegistrationNumber, 'GB000')
      assert.equal(response.body.bankSortCode, '12-34-56')
      assert.equal(response.headers.get('etag'), '"2"')
      assert.ok(response.body.updatedDate > response.body.createdDate)
    })

    it('applies a merge patch; null removes an optional field', async () => {
      const response = await server.request('PATCH', `/v1/contract-owners/${id}`, { token, headers: MERGE_PATCH, body: JSON.stringify({ bankSortCode: null, address: { town: 'York' } }) })
      assert.equal(response.status, 200, response.text)
      assert.equal(response.body.bankSortCode, undefined)
      assert.equal(response.body.address.town, 'York')
      assert.equal(response.body.address.address1, '1 High Street')
    })

    it('writes nothing for a patch that changes nothing: the ETag stays', async () => {
      const before = await server.request('GET', `/v1/contract-owners/${id}`, { token })
      for (const [headers, body] of [[MERGE_PATCH, '{}'], [JSON_PATCH, '[]'], [MERGE_PATCH, JSON.stringify({ name: before.body.name })]] as const) {
        const response = await server.request('PATCH', `/v1/contract-owners/${id}`, { token, headers: { ...headers, 'if-match': before.headers.get('etag')! }, body })
        assert.equal(response.status, 200, response.text)
        assert.equal(response.headers.get('etag'), before.headers.get('etag'))
        assert.deepEqual(response.body, before.body)
      }
    })

    it('answers a stale If-Match with 412 and changes nothing', async () => {
      const response = await server.request('PATCH', `/v1/contract-owners/${id}`, { token, headers: { ...MERGE_PATCH, 'if-match': '"1"' }, body: '{"name":"Stale"}' })
      assertError(response, 412, 'precondition_failed')
      assert.notEqual((await server.request('GET', `/v1/contract-owners/${id}`, { token })).body.name, 'Stale')
    })

    it('answers a failed test operation with 409', async () => {
      const response = await server.request('PATCH', `/v1/contract-owners/${id}`, { token, headers: JSON_PATCH, body: JSON.stringify([{ op: 'test', path: '/name', value: 'not the name' }, { op: 'replace', path: '/name', value: 'x' }]) })
      assertError(response, 409, 'patch_test_failed')
    })

    it('validates the patched document like a create, and refuses read-only fields', async () => {
      const invalid = await server.request('PATCH', `/v1/contract-owners/${id}`, { token, headers: MERGE_PATCH, body: JSON.stringify({ name: '', siBccEmailAddress: null, colour: 'red' }) })
      assertError(invalid, 400, 'validation_failed')
      assertFieldErrors(invalid, ['name:too_short', 'siBccEmailAddress:required', 'colour:unknown_field'])
      const readOnly = await server.request('PATCH', `/v1/contract-owners/${id}`, { token, headers: JSON_PATCH, body: JSON.stringify([{ op: 'replace', path: '/id', value: 1 }, { op: 'replace', path: '/createdDate', value: '2020-01-01T00:00:00.000Z' }]) })
      assertError(readOnly, 400, 'validation_failed')
      assertFieldErrors(readOnly, ['id:read_only', 'createdDate:read_only'])
    })

    it('takes only the two patch media types', async () => {
      const response = await server.request('PATCH', `/v1/contract-owners/${id}`, { token, json: { name: 'x' } })
      assertError(response, 415, 'unsupported_media_type')
      assert.match(response.body.message, /json-patch\+json/)
    })

    it('answers a bad patch document with 400 invalid_patch', async () => {
      const response = await server.request('PATCH', `/v1/contract-owners/${id}`, { token, headers: JSON_PATCH, body: JSON.stringify([{ op: 'remove', path: '/nothing/here' }]) })
      assertError(response, 400, 'invalid_patch')
      const wrongShape = await server.request('PATCH', `/v1/contract-owners/${id}`, { token, headers: JSON_PATCH, body: '{"name":"x"}' })
      assertError(wrongShape, 400, 'invalid_patch')
    })

    it('answers an unknown id with 404', async () => {
      assertError(await server.request('PATCH', '/v1/contract-owners/987654', { token, headers: MERGE_PATCH, body: '{}' }), 404, 'not_found')
    })
  })

  it('lets only administrators write, and restricted users see only their own', async () => {
    const brand = await server.db.system.selectFrom('brands').select('id').where('name', '=', ADMIN.brand).executeTakeFirstOrThrow()
    const mine = (await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody() })).body.id
    await createUser(server.db.system, { brandId: brand.id, username: 'reader', password: 'reader-password', roles: ['Read Only'] })
    await createUser(server.db.system, { brandId: brand.id, username: 'scoped', password: 'scoped-password', roles: ['Administrator'], contractOwnerId: mine })
    const reader = await server.login({ brand: ADMIN.brand, username: 'reader', password: 'reader-password' })
    const scoped = await server.login({ brand: ADMIN.brand, username: 'scoped', password: 'scoped-password' })

    assertError(await server.request('POST', '/v1/contract-owners', { token: reader, json: contractOwnerBody() }), 403, 'insufficient_permission')
    const listed = await server.request('GET', '/v1/contract-owners?page=1&pageSize=100', { token: scoped })
    assert.deepEqual(listed.body.map((o: { id: number }) => o.id), [mine])
    const other = (await server.request('GET', '/v1/contract-owners?page=1&pageSize=100', { token })).body.find((o: { id: number }) => o.id !== mine)
    assertError(await server.request('GET', `/v1/contract-owners/${other.id}`, { token: scoped }), 404, 'not_found')
    assertError(await server.request('POST', '/v1/contract-owners', { token: scoped, json: contractOwnerBody() }), 403, 'insufficient_permission')
  })
})
