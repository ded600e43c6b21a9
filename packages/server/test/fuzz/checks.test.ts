import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { check, type SeenResponse } from './checks.ts'
import type { Operation } from './document.ts'
import type { FuzzRequest } from './requests.ts'

// The fuzzer's checks catch what they claim to: each broken response below is reported.
const ERROR = { type: 'object', required: ['status', 'code'], properties: { status: { type: 'integer' }, code: { type: 'string' } } }
const op: Operation = {
  method: 'GET',
  path: '/v1/things/{thingId}',
  operationId: 'getThing',
  needsToken: true,
  parameters: [],
  requestBody: undefined,
  responses: {
    '200': { content: { 'application/json': { schema: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } } } } },
    '401': { content: { 'application/json': { schema: ERROR } } },
    '404': { content: { 'application/json': { schema: ERROR } } },
    '500': { content: { 'application/json': { schema: ERROR } } },
  },
}
const request: FuzzRequest = { method: 'GET', path: '/v1/things/1', query: {}, headers: {}, body: undefined, contentType: undefined, token: 'valid', mutation: undefined }
const json = (status: number, body: unknown, headers: Record<string, string> = {}): SeenResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'r1', ...headers },
  body,
  text: JSON.stringify(body),
})
const errorBody = (status: number, extra: object = {}) => ({ status, error: status === 404 ? 'Not Found' : 'Internal Server Error', message: 'm', timestamp: 't', path: '/v1/things/1', requestId: 'r1', code: 'c', ...extra })
const checks = (response: SeenResponse, req: FuzzRequest = request) => check(op, req, response).map((f) => f.check)

describe('the fuzzer’s checks', () => {
  it('pass a documented, well-formed answer', () => {
    assert.deepEqual(checks(json(200, { id: 1 })), [])
    assert.deepEqual(checks(json(404, errorBody(404))), [])
  })
  it('report a 5xx, an undocumented status, a missing X-Request-Id', () => {
    assert.ok(checks(json(500, errorBody(500))).includes('server error'))
    assert.ok(checks(json(418, {})).includes('undocumented status'))
    assert.ok(checks({ ...json(200, { id: 1 }), headers: { 'content-type': 'application/json' } }).includes('no X-Request-Id'))
  })
  it('report a body off its schema, an undocumented content type, an error body off the contract', () => {
    assert.deepEqual(checks(json(200, { id: 'one' })), ['body does not match its schema'])
    assert.deepEqual(checks({ ...json(200, { id: 1 }), headers: { 'content-type': 'text/html', 'x-request-id': 'r1' } }), ['undocumented content type'])
    assert.deepEqual(checks(json(404, errorBody(404, { requestId: 'other' }))), ['not the contract error body'])
  })
  it('report a protected operation answered without a token, and a valid request refused', () => {
    assert.ok(checks(json(200, { id: 1 }), { ...request, token: 'none', mutation: 'token none' }).includes('protected without a token'))
    const refused = { ...op, responses: { ...op.responses, '400': op.responses['404']! } }
    assert.deepEqual(check(refused, request, json(400, { ...errorBody(404), status: 400, error: 'Bad Request', code: 'invalid_query' })).map((f) => f.check), ['valid request refused'])
  })
})
