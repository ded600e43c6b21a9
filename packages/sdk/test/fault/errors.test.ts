import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ElevateError,
  MethodNotAllowedError,
  NotAcceptableError,
  NotFoundError,
  PayloadTooLargeError,
  PermissionError,
  PreconditionFailedError,
  RateLimitError,
  ServerError,
  UnsupportedMediaTypeError,
} from '../../src/index.ts'
import { faultClient } from '../helpers/clients.ts'
import { errorReply, routes, startFaultServer, type FaultServer } from '../helpers/fault-server.ts'

const CLASSES: Array<[number, string, typeof ApiError]> = [
  [400, 'validation_failed', BadRequestError],
  [401, 'account_disabled', AuthenticationError],
  [403, 'insufficient_permission', PermissionError],
  [404, 'not_found', NotFoundError],
  [405, 'method_not_allowed', MethodNotAllowedError],
  [406, 'not_acceptable', NotAcceptableError],
  [409, 'already_exists', ConflictError],
  [412, 'precondition_failed', PreconditionFailedError],
  [413, 'payload_too_large', PayloadTooLargeError],
  [415, 'unsupported_media_type', UnsupportedMediaTypeError],
  [418, 'teapot', ApiError],
  [429, 'rate_limited', RateLimitError],
  [500, 'internal_error', ServerError],
  [501, 'not_implemented', ServerError],
  [503, 'database_unavailable', ServerError],
]

describe('typed errors by status (tips 1 and 2)', () => {
  let server: FaultServer
  before(async () => {
    // The status to answer is the last path segment: /v1/status/404 → 404.
    server = await startFaultServer(
      routes({
        api: (request) => {
          const status = Number(request.path.split('/').pop())
          const code = CLASSES.find(([s]) => s === status)?.[1] ?? 'x'
          const errors = status === 400 ? [{ field: 'sites[0].postcode', code: 'too_short', message: 'must not be empty' }, { field: 'name', code: 'required', message: 'is required' }] : undefined
          return errorReply(status, code, { errors, headers: status === 405 ? { allow: 'GET, HEAD, OPTIONS' } : {} })
        },
      }),
    )
  })
  after(() => server.close())

  for (const [status, code, ErrorClass] of CLASSES) {
    it(`throws ${ErrorClass.name} for ${status}, carrying the whole error body`, async () => {
      const { client } = faultClient(server, { retry: { maxAttempts: 1 } })
      const error = await client.request({ method: 'GET', path: `/v1/status/${status}` }).catch((e: unknown) => e)
      assert.ok(error instanceof ErrorClass, `got ${String(error)}`)
      assert.equal(error.constructor, ErrorClass)
      assert.ok(error instanceof ApiError && error instanceof ElevateError && error instanceof Error)
      assert.equal(error.name, ErrorClass.name)
      assert.equal(error.status, status)
      assert.equal(error.code, code)
      assert.equal(error.message, `${code} happened`)
      assert.equal(error.method, 'GET')
      assert.equal(error.path, `/v1/status/${status}`)
      assert.equal(error.attempt, 1)
      assert.match(error.requestId ?? '', /^[0-9a-f-]{36}$/)
      assert.equal(error.requestId, error.headers.get('x-request-id'))
      assert.ok(!Number.isNaN(Date.parse(error.timestamp ?? '')))
    })
  }

  it('gives BadRequestError every invalid field, and by field', async () => {
    const { client } = faultClient(server)
    const error = (await client.request({ method: 'GET', path: '/v1/status/400' }).catch((e: unknown) => e)) as BadRequestError
    assert.equal(error.errors.length, 2)
    assert.deepEqual(error.fieldErrors, { 'sites[0].postcode': ['must not be empty'], name: ['is required'] })
  })

  it('gives MethodNotAllowedError the allowed methods', async () => {
    const { client } = faultClient(server)
    const error = (await client.request({ method: 'GET', path: '/v1/status/405' }).catch((e: unknown) => e)) as MethodNotAllowedError
    assert.deepEqual(error.allow, ['GET', 'HEAD', 'OPTIONS'])
  })
})
