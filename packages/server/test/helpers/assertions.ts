import assert from 'node:assert/strict'
import { STATUS_CODES } from 'node:http'
import type { TestResponse } from './http.ts'

/**
 * Asserts a response is the contract's error: the status, a JSON body with every field of
 * docs/errors.md, `requestId` equal to the X-Request-Id header, and the expected code.
 */
export function assertError(response: TestResponse, status: number, code: string, path?: string): void {
  assert.equal(response.status, status, `expected ${status} ${code}, got ${response.status}: ${response.text}`)
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/)
  const body = response.body
  assert.equal(body.status, status)
  assert.equal(body.error, STATUS_CODES[status])
  assert.equal(body.code, code)
  assert.equal(typeof body.message, 'string')
  assert.ok(body.message.length > 0)
  assert.match(body.timestamp, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  assert.equal(body.requestId, response.headers.get('x-request-id'))
  if (path !== undefined) assert.equal(body.path, path)
  const allowed = new Set(['status', 'error', 'message', 'timestamp', 'path', 'requestId', 'code', 'errors'])
  for (const key of Object.keys(body)) assert.ok(allowed.has(key), `unexpected field ${key} in the error body`)
}

/** Asserts the field errors of a 400, as `field:code` strings, in any order. */
export function assertFieldErrors(response: TestResponse, expected: string[]): void {
  const actual = (response.body.errors as Array<{ field: string; code: string; message: string }>).map((e) => {
    assert.equal(typeof e.message, 'string')
    return `${e.field}:${e.code}`
  })
  assert.deepEqual([...actual].sort(), [...expected].sort())
}
