import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import pg from 'pg'
import { createBrand, createUser } from '../helpers/accounts.ts'
import { PostgresIdempotencyStore } from '../../src/idempotency/postgres-store.ts'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import type { TestResponse } from '../helpers/http.ts'
import { ADMIN, startTestServer, type TestServer } from '../helpers/server.ts'

const PATH = '/v1/contract-owners'

/** POST /v1/contract-owners with an Idempotency-Key. */
function create(server: TestServer, token: string, key: string, body: unknown): Promise<TestResponse> {
  return server.request('POST', PATH, { token, json: body, headers: { 'idempotency-key': key } })
}

async function contractOwnersNamed(server: TestServer, name: string): Promise<number> {
  const row = await server.db.system
    .selectFrom('contract_owners')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('name', '=', name)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

function keyRow(server: TestServer, key: string) {
  return server.db.system.selectFrom('idempotency_keys').selectAll().where('idempotency_key', '=', key).executeTakeFirst()
}

/**
 * Holds the contract_owners table locked (reads allowed, writes wait) from its own connection, so a
 * create that has claimed its key stays in flight until `release`.
 */
async function lockContractOwners(server: TestServer): Promise<{ release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: server.config.databaseUrl })
  await client.connect()
  await client.query('begin')
  await client.query('lock table contract_owners in exclusive mode')
  return {
    async release() {
      await client.query('commit')
      await client.end()
    },
  }
}

/**
 * Waits until a claim for `key` is in the table: the first request has passed its claim. Polls the
 * database (an event, not a time): a busy machine only makes it take longer; the test's timeout
 * catches a claim that never comes.
 */
async function claimed(server: TestServer, key: string): Promise<void> {
  while ((await keyRow(server, key)) === undefined) await new Promise((resolve) => setImmediate(resolve))
}

describe('Idempotency-Key on creates', () => {
  let server: TestServer
  let token: string
  let acmeId: number
  before(async () => {
    server = await startTestServer()
    token = await server.login()
    acmeId = (await server.db.system.selectFrom('brands').select('id').where('name', '=', ADMIN.brand).executeTakeFirstOrThrow()).id
  })
  after(() => server.close())

  it('replays the first outcome of the same request: status, body, Location, ETag, one resource', async () => {
    const key = randomUUID()
    const body = contractOwnerBody()
    const first = await create(server, token, key, body)
    assert.equal(first.status, 201, first.text)
    assert.equal(first.headers.get('idempotent-replayed'), null)

    // The same document with its keys in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(body).reverse())
    const second = await create(server, token, key, reordered)
    assert.equal(second.status, 201)
    assert.equal(second.headers.get('idempotent-replayed'), 'true')
    assert.deepEqual(second.body, first.body)
    assert.equal(second.text, first.text, 'the body is replayed byte for byte')
    for (const header of ['location', 'etag', 'content-type']) assert.equal(second.headers.get(header), first.headers.get(header), header)
    assert.notEqual(second.headers.get('x-request-id'), first.headers.get('x-request-id'), 'the replay has its own request id')
    assert.equal(await contractOwnersNamed(server, body.name), 1)

    const row = await keyRow(server, key)
    assert.equal(row?.status, 201)
    assert.equal(row?.request_id, first.headers.get('x-request-id'))
    const logged = server.logs.find((line) => line.requestId === second.headers.get('x-request-id') && line.msg === 'request completed')
    assert.equal(logged?.idempotentReplayOf, first.headers.get('x-request-id'))
  })

  it('answers 400 idempotency_key_reused for the same key with a different body or path', async () => {
    const key = randomUUID()
    assert.equal((await create(server, token, key, contractOwnerBody())).status, 201)
    const other = contractOwnerBody()
    const response = await create(server, token, key, other)
    assertError(response, 400, 'idempotency_key_reused', PATH)
    assert.equal(await contractOwnersNamed(server, other.name), 0)
    const elsewhere = await server.request('POST', '/v1/billing-cycles', {
      token,
      json: { contractOwnerId: 1, name: 'x', startDayOfPeriod: 1, periodUnit: 'MONTHLY', currencyCode: 'GBP', completionType: 'CLOSE_ONLY' },
      headers: { 'idempotency-key': key },
    })
    assertError(elsewhere, 400, 'idempotency_key_reused', '/v1/billing-cycles')
  })

  it('answers 409 idempotency_key_in_progress while the first request still runs, then replays its outcome', async () => {
    const key = randomUUID()
    const body = contractOwnerBody()
    const lock = await lockContractOwners(server)
    let first: Promise<TestResponse>
    try {
      first = create(server, token, key, body)
      await claimed(server, key)
      const duplicate = await create(server, token, key, body)
      assertError(duplicate, 409, 'idempotency_key_in_progress', PATH)
      assert.equal(duplicate.headers.get('retry-after'), '1', 'the client is told when to ask again')
      // A different request with the key is still a misuse of the key, in flight or not.
      assertError(await create(server, token, key, contractOwnerBody()), 400, 'idempotency_key_reused')
    } finally {
      await lock.release()
    }
    const original = await first
    assert.equal(original.status, 201, original.text)
    const replay = await create(server, token, key, body)
    assert.equal(replay.headers.get('idempotent-replayed'), 'true')
    assert.equal(replay.body.id, original.body.id)
    assert.equal(await contractOwnersNamed(server, body.name), 1)
  })

  it('answers an unfinished claim with 409 (a claim row made directly in the database)', async () => {
    const key = randomUUID()
    const body = contractOwnerBody()
    const first = await create(server, token, key, body)
    assert.equal(first.status, 201)
    await server.db.system
      .updateTable('idempotency_keys')
      .set({ status: null, response_headers: null, response_body: null, completed_date: null })
      .where('idempotency_key', '=', key)
      .execute()
    assertError(await create(server, token, key, body), 409, 'idempotency_key_in_progress')
  })

  it('creates exactly one resource from many concurrent requests with one key', async () => {
    const key = randomUUID()
    const body = contractOwnerBody()
    const responses = await Promise.all(Array.from({ length: 8 }, () => create(server, token, key, body)))
    const originals = responses.filter((r) => r.status === 201 && r.headers.get('idempotent-replayed') === null)
    assert.equal(originals.length, 1, responses.map((r) => `${r.status} ${r.headers.get('idempotent-replayed')}`).join(', '))
    for (const response of responses) {
      if (response.status === 201) assert.equal(response.body.id, originals[0]!.body.id)
      else assertError(response, 409, 'idempotency_key_in_progress')
    }
    assert.equal(await contractOwnersNamed(server, body.name), 1)
  })

  it('keeps keys per user and per brand', async () => {
    const key = randomUUID()
    const body = contractOwnerBody()
    const first = await create(server, token, key, body)
    assert.equal(first.status, 201)

    const password = 'second-admin-password'
    await createUser(server.db.system, { brandId: acmeId, username: 'second-admin', password, roles: ['Administrator'] })
    const colleague = await server.login({ brand: ADMIN.brand, username: 'second-admin', password })
    const theirs = await create(server, colleague, key, contractOwnerBody())
    assert.equal(theirs.status, 201, theirs.text)
    assert.equal(theirs.headers.get('idempotent-replayed'), null)
    assert.notEqual(theirs.body.id, first.body.id)

    const globexId = await createBrand(server.db.system, 'globex-idempotency')
    await createUser(server.db.system, { brandId: globexId, username: 'admin', password: 'globex-admin-password', roles: ['Administrator'] })
    const globex = await server.login({ brand: 'globex-idempotency', username: 'admin', password: 'globex-admin-password' })
    const other = await create(server, globex, key, body)
    assert.equal(other.status, 201, other.text)
    assert.equal(other.headers.get('idempotent-replayed'), null)
    assert.notEqual(other.body.id, first.body.id)
  })

  it('stores and replays a 4xx of the operation', async () => {
    const body = contractOwnerBody()
    assert.equal((await create(server, token, randomUUID(), body)).status, 201)
    const key = randomUUID()
    const conflict = await create(server, token, key, body)
    assertError(conflict, 409, 'already_exists', PATH)
    assert.equal((await keyRow(server, key))?.status, 409)

    const replay = await create(server, token, key, body)
    assertError(replay, 409, 'already_exists', PATH)
    assert.equal(replay.headers.get('idempotent-replayed'), 'true')
    assert.notEqual(replay.body.requestId, conflict.body.requestId, 'requestId is the replay’s own, as X-Request-Id')
    assert.deepEqual({ ...replay.body, requestId: undefined }, { ...conflict.body, requestId: undefined })
  })

  it('does not store a 5xx: the key is released and a retry runs again', async () => {
    const key = randomUUID()
    const body = contractOwnerBody()
    await sql`alter table contract_owners rename to contract_owners_gone`.execute(server.db.system)
    try {
      assertError(await create(server, token, key, body), 500, 'internal_error', PATH)
      assert.equal(await keyRow(server, key), undefined, 'the claim is released')
    } finally {
      await sql`alter table contract_owners_gone rename to contract_owners`.execute(server.db.system)
    }
    const retry = await create(server, token, key, body)
    assert.equal(retry.status, 201, retry.text)
    assert.equal(retry.headers.get('idempotent-replayed'), null)
  })

  it('treats a key older than the TTL, or a claim abandoned for over a minute, as unused', async () => {
    const key = randomUUID()
    assert.equal((await create(server, token, key, contractOwnerBody())).status, 201)
    await server.db.system
      .updateTable('idempotency_keys')
      .set({ created_date: sql`now() - make_interval(secs => ${server.config.idempotencyTtlSeconds + 1})` })
      .where('idempotency_key', '=', key)
      .execute()
    const again = await create(server, token, key, contractOwnerBody())
    assert.equal(again.status, 201, again.text)
    assert.equal(again.headers.get('idempotent-replayed'), null)

    const abandoned = randomUUID()
    assert.equal((await create(server, token, abandoned, contractOwnerBody())).status, 201)
    await server.db.system
      .updateTable('idempotency_keys')
      .set({ status: null, created_date: sql`now() - make_interval(secs => ${server.config.idempotencyClaimTimeoutSeconds + 1})` })
      .where('idempotency_key', '=', abandoned)
      .execute()
    const takenOver = await create(server, token, abandoned, contractOwnerBody())
    assert.equal(takenOver.status, 201, takenOver.text)
    assert.equal(takenOver.headers.get('idempotent-replayed'), null)
  })

  it('gives a key whose request died back after the claim timeout, by the injected clock', async () => {
    const adminId = (await server.db.system.selectFrom('users').select('id').where('username', '=', ADMIN.username).executeTakeFirstOrThrow()).id
    let now = new Date()
    const store = new PostgresIdempotencyStore(server.db.system, { ttlSeconds: 86_400, claimTimeoutSeconds: 120, clock: () => now })
    const scope = { brandId: acmeId, userId: adminId, key: randomUUID() }
    const fingerprint = Buffer.from('the same request')
    // The first request claims the key, then its process dies: nobody completes or releases it.
    assert.equal((await store.claim(scope, fingerprint, 'crashed')).kind, 'claimed')
    now = new Date(now.getTime() + 119_000)
    assert.equal((await store.claim(scope, fingerprint, 'retry-1')).kind, 'in_progress', 'within the timeout: still in progress')
    now = new Date(now.getTime() + 2_000)
    const retry = await store.claim(scope, fingerprint, 'retry-2')
    assert.equal(retry.kind, 'claimed', 'past the timeout: the retry takes the key over')
    assert.equal((await keyRow(server, scope.key))!.request_id, 'retry-2')
  })

  it('deletes a brand’s expired keys on a later claim, without a timer', async () => {
    const expired = randomUUID()
    assert.equal((await create(server, token, expired, contractOwnerBody())).status, 201)
    await server.db.system
      .updateTable('idempotency_keys')
      .set({ created_date: sql`now() - interval '2 days'` })
      .where('idempotency_key', '=', expired)
      .execute()
    const adminId = (await keyRow(server, expired))!.user_id
    const store = new PostgresIdempotencyStore(server.db.system, { ttlSeconds: 86_400 })
    const outcome = await store.claim({ brandId: acmeId, userId: adminId, key: randomUUID() }, Buffer.from('x'), 'test')
    assert.equal(outcome.kind, 'claimed')
    assert.equal(await keyRow(server, expired), undefined)
  })

  it('validates the key after authentication, and only when the request itself is valid', async () => {
    const noToken = await server.request('POST', PATH, { json: contractOwnerBody(), headers: { 'idempotency-key': '' } })
    assertError(noToken, 401, 'authentication_required')

    for (const [key, code] of [['', 'too_short'], ['k'.repeat(256), 'too_long'], ['tab\there', 'invalid_format'], ['caf\u00e9', 'invalid_format']] as const) {
      const response = await create(server, token, key, contractOwnerBody())
      assertError(response, 400, 'invalid_header', PATH)
      assertFieldErrors(response, [`Idempotency-Key:${code}`])
      assert.match(response.body.message, /header 'Idempotency-Key'/)
    }
    assert.equal((await create(server, token, 'k'.repeat(255), contractOwnerBody())).status, 201)

    // A body the schema rejects does not use the key: the corrected request may use it.
    const key = randomUUID()
    assertError(await create(server, token, key, { ...contractOwnerBody(), name: '' }), 400, 'validation_failed')
    assert.equal(await keyRow(server, key), undefined)
    assert.equal((await create(server, token, key, contractOwnerBody())).status, 201)
  })

  it('ignores the header on the login, and on requests that are not creates', async () => {
    const headers = { 'idempotency-key': 'login-key' }
    const login = await server.request('POST', '/v1/authenticate', { json: ADMIN, headers })
    assert.equal(login.status, 200)
    assert.equal((await server.request('POST', '/v1/authenticate', { json: ADMIN, headers })).headers.get('idempotent-replayed'), null)
    const list = await server.request('GET', `${PATH}?page=1&pageSize=1`, { token, headers: { 'idempotency-key': '' } })
    assert.equal(list.status, 200)
    assert.equal(await keyRow(server, 'login-key'), undefined)
  })
})

describe('Idempotency-Key across two instances on one database', () => {
  let database: TestDatabase
  let a: TestServer
  let b: TestServer
  let token: string
  before(async () => {
    database = await createTestDatabase()
    a = await startTestServer({}, database)
    b = await startTestServer({}, database)
    token = await a.login()
  })
  after(async () => {
    await a.close()
    await b.close()
    await database.drop()
  })

  it('replays on one instance what the other created', async () => {
    const key = randomUUID()
    const body = contractOwnerBody()
    const first = await create(a, token, key, body)
    assert.equal(first.status, 201)
    const replay = await create(b, token, key, body)
    assert.equal(replay.status, 201)
    assert.equal(replay.headers.get('idempotent-replayed'), 'true')
    assert.equal(replay.text, first.text)
    assertError(await create(b, token, key, contractOwnerBody()), 400, 'idempotency_key_reused')
  })

  it('answers 409 on one instance while the other runs the request', async () => {
    const key = randomUUID()
    const body = contractOwnerBody()
    const lock = await lockContractOwners(a)
    let first: Promise<TestResponse>
    try {
      first = create(a, token, key, body)
      await claimed(a, key)
      assertError(await create(b, token, key, body), 409, 'idempotency_key_in_progress')
    } finally {
      await lock.release()
    }
    assert.equal((await first).status, 201)
    assert.equal((await create(b, token, key, body)).headers.get('idempotent-replayed'), 'true')
  })

  it('creates exactly one resource from concurrent requests spread over both instances', async () => {
    const key = randomUUID()
    const body = contractOwnerBody()
    const responses = await Promise.all(Array.from({ length: 8 }, (_, i) => create(i % 2 === 0 ? a : b, token, key, body)))
    const originals = responses.filter((r) => r.status === 201 && r.headers.get('idempotent-replayed') === null)
    assert.equal(originals.length, 1)
    for (const response of responses) if (response.status !== 201) assertError(response, 409, 'idempotency_key_in_progress')
    assert.equal(await contractOwnersNamed(a, body.name), 1)
  })
})
