import assert from 'node:assert/strict'
import { afterEach, describe, it } from 'node:test'
import { ApiError, NetworkError, ServerError, TimeoutError } from '../../src/index.ts'
import { attemptLines, faultClient, finalLines } from '../helpers/clients.ts'
import { ok, routes, sequence, startFaultServer, type FaultServer, type Reply } from '../helpers/fault-server.ts'

const ROLE = { id: 1, name: 'Administrator', permissions: ['users:read'] }
const PROXY_PAGE = `<!DOCTYPE html>
<html><head><title>502 Bad Gateway</title><style>body { color: red }</style></head>
<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.27.0</center></body></html>`

describe('failures below HTTP, and bodies that are not the API’s', () => {
  let server: FaultServer
  afterEach(() => server.close())

  async function serve(...replies: Reply[]) {
    server = await startFaultServer(routes({ api: sequence(...replies) }))
  }

  it('retries a connection reset and resolves', async () => {
    await serve({ reset: true }, ok(ROLE))
    const { client, lines } = faultClient(server)
    assert.deepEqual(await client.userRoles.get(1), ROLE)
    assert.equal(server.apiRequests().length, 2)
    assert.equal(attemptLines(lines)[0]?.fields.errorClass, 'NetworkError')
  })

  it('gives up on a connection reset every time with a NetworkError that keeps the cause', async () => {
    await serve({ reset: true })
    const { client, lines } = faultClient(server)
    const error = await client.userRoles.get(1).catch((e: unknown) => e)
    assert.ok(error instanceof NetworkError)
    assert.ok(!(error instanceof TimeoutError))
    assert.equal(error.attempt, 3)
    assert.equal(error.path, '/v1/user-roles/1')
    assert.ok(error.cause !== undefined)
    assert.match(error.message, /GET \/v1\/user-roles\/1 failed: fetch failed/)
    assert.equal(server.apiRequests().length, 3)
    assert.equal(finalLines(lines)[0]?.level, 'error')
  })

  it('times out an attempt that gets no answer, retries it, then throws TimeoutError', async () => {
    await serve({ hang: true })
    // The login is an attempt too: long enough that a busy machine does not time it out.
    const { client } = faultClient(server, { timeoutMs: 400 })
    const error = await client.userRoles.get(1).catch((e: unknown) => e)
    assert.ok(error instanceof TimeoutError)
    assert.equal(error.timeoutMs, 400)
    assert.equal(error.attempt, 3)
    assert.equal(server.apiRequests().length, 3)
  })

  // Every attempt hangs: an attempt that had to succeed within 100 ms failed on a busy machine.
  it('takes a per-call timeout over the client’s', { timeout: 60_000 }, async () => {
    await serve({ hang: true })
    const { client } = faultClient(server, { timeoutMs: 600_000 })
    const error = await client.userRoles.get(1, { timeoutMs: 100 }).catch((e: unknown) => e)
    assert.ok(error instanceof TimeoutError)
    assert.equal(error.timeoutMs, 100)
    assert.equal(error.attempt, 3)
    assert.equal(server.apiRequests().length, 3)
  })

  it('stops at once when the caller aborts, without retrying', async () => {
    await serve({ hang: true })
    const { client, lines } = faultClient(server, { timeoutMs: 60_000 })
    const controller = new AbortController()
    const call = client.userRoles.get(1, { signal: controller.signal })
    await waitFor(() => server.apiRequests().length === 1)
    controller.abort()
    await assert.rejects(call, { name: 'AbortError' })
    assert.equal(server.apiRequests().length, 1)
    assert.equal(lines.length, 0)
  })

  it('stops waiting between attempts when the caller aborts', async () => {
    await serve({ status: 503, body: '' })
    const controller = new AbortController()
    const { client } = faultClient(server, {
      retry: { sleep: async () => controller.abort(new Error('shutting down')) },
    })
    await assert.rejects(client.userRoles.get(1, { signal: controller.signal }), /shutting down/)
  })

  it('turns a proxy’s HTML 502 into a ServerError that says what it was', async () => {
    await serve({ status: 502, headers: { 'content-type': 'text/html' }, body: PROXY_PAGE })
    const { client } = faultClient(server)
    const error = await client.userRoles.list({ page: 1, pageSize: 10 }).catch((e: unknown) => e)
    assert.ok(error instanceof ServerError)
    assert.equal(error.status, 502)
    assert.equal(error.error, 'Bad Gateway')
    assert.equal(error.code, undefined)
    assert.equal(error.message, '502 Bad Gateway for GET /v1/user-roles: 502 Bad Gateway')
    assert.match(error.rawBody ?? '', /nginx/)
    assert.equal(server.apiRequests().length, 3) // a 502 is retried like any gateway failure
  })

  it('reads plain text and empty error bodies, and JSON that is not the API’s', async () => {
    await serve(
      { status: 500, headers: { 'content-type': 'text/plain' }, body: 'upstream exploded' },
      { status: 500, body: '' },
      { status: 500, json: ['not', 'an', 'error body'], headers: { 'x-request-id': 'req-3' } },
    )
    const { client, lines } = faultClient(server)
    const error = await client.userRoles.get(1).catch((e: unknown) => e)
    assert.ok(error instanceof ServerError)
    assert.equal(error.requestId, 'req-3')
    assert.equal(error.message, '500 Internal Server Error for GET /v1/user-roles/1: ["not","an","error body"]')
    assert.deepEqual(
      attemptLines(lines).map((line) => line.fields.errorMessage),
      [
        '500 Internal Server Error for GET /v1/user-roles/1: upstream exploded',
        '500 Internal Server Error for GET /v1/user-roles/1',
        error.message,
      ],
    )
  })

  it('never hands back a 2xx body that is not JSON as data', async () => {
    await serve({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html>Sign in to the Wi-Fi</html>' })
    const { client } = faultClient(server)
    const error = await client.userRoles.get(1).catch((e: unknown) => e)
    assert.ok(error instanceof ApiError)
    assert.equal(error.status, 200)
    assert.match(error.message, /not JSON/)
  })
})

/** Polls a condition the server side sets (a request arrived); never a fixed sleep. */
async function waitFor(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
