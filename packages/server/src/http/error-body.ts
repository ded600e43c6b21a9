import type { FastifyReply, FastifyRequest } from 'fastify'
import type { ErrorCode, FieldError } from '../errors.ts'
import { reasonPhrase } from './status.ts'

/** The body of every 4xx and 5xx response (docs/errors.md). */
export interface ErrorBody {
  status: number
  error: string
  message: string
  timestamp: string
  path: string
  requestId: string
  code: ErrorCode
  errors?: FieldError[]
}

/** The request path without its query string, as the error body reports it. */
export function requestPath(request: FastifyRequest): string {
  const url = request.raw.url ?? request.url
  const query = url.indexOf('?')
  return query === -1 ? url : url.slice(0, query)
}

/** Sends the contract's error body; the only place an error response is written. */
export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  message: string,
  errors?: FieldError[],
): FastifyReply {
  const body: ErrorBody = {
    status,
    error: reasonPhrase(status),
    message,
    timestamp: new Date().toISOString(),
    path: requestPath(request),
    requestId: request.id,
    code,
  }
  if (errors !== undefined && errors.length > 0) body.errors = errors
  return reply.code(status).type('application/json; charset=utf-8').send(body)
}
