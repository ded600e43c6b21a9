import { randomUUID } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { ConnectionError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../config.ts'
import type { ErrorCode } from '../errors.ts'
import type { ErrorBody } from './error-body.ts'
import { requestPath } from './error-body.ts'
import { STATUS_BY_KIND, reasonPhrase } from './status.ts'
import { ERROR_CATALOGUE } from '../errors.ts'

/**
 * The HTTP server below Fastify: its timeouts, and the answers Node gives before any route runs
 * (a request that never finishes, headers over 16 KiB, unparseable framing such as Content-Length
 * with Transfer-Encoding). Those answers carry the contract's error body and X-Request-Id too.
 */

/** The request a connection is serving, so a timeout mid-body answers under that request's id. */
interface InFlight {
  id: string
  path: string
  response: ServerResponse
}
const inFlight = new WeakMap<Socket, InFlight>()

/** Called by the contract layer when a request is routed; `forget` when it has been answered. */
export function trackRequest(request: FastifyRequest, reply: FastifyReply): void {
  inFlight.set(request.raw.socket, { id: request.id, path: requestPath(request), response: reply.raw })
}
export function forgetRequest(request: FastifyRequest): void {
  if (inFlight.get(request.raw.socket)?.id === request.id) inFlight.delete(request.raw.socket)
}

/** Options for `Fastify()`: timeouts from the configuration and the contract's client errors. */
export function transportOptions(config: Pick<Config, 'requestTimeoutMs' | 'headersTimeoutMs' | 'keepAliveTimeoutMs'>) {
  const timeouts = {
    requestTimeout: config.requestTimeoutMs,
    headersTimeout: config.headersTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    // Node checks for expired requests on this interval (30 s by default, so a 10 s timeout could
    // fire at 40 s): check often enough that a timeout fires within a quarter of its length.
    connectionsCheckingInterval: Math.max(25, Math.min(1000, Math.floor(config.headersTimeoutMs / 4))),
  }
  return {
    // A path parameter as long as the URL may be (the request line counts against the 16 KiB of
    // headers): the router never refuses one before authentication; validation answers it (400).
    routerOptions: { maxParamLength: 16 * 1024 },
    requestTimeout: config.requestTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    http: timeouts,
    clientErrorHandler: answerClientError,
  }
}

const CLIENT_ERRORS: Record<string, ErrorCode> = {
  ERR_HTTP_REQUEST_TIMEOUT: 'request_timeout',
  HPE_HEADER_OVERFLOW: 'headers_too_large',
}

/** Node's 'clientError': the connection cannot go on, so answer once and close it. */
function answerClientError(this: FastifyInstance, error: ConnectionError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const code = CLIENT_ERRORS[error.code ?? ''] ?? 'malformed_request'
  const current = inFlight.get(socket)
  const requestId = current?.id ?? randomUUID()
  this.log.info({ requestId, code, cause: error.code ?? error.message }, 'client error before a response')
  // As Node itself: never write into a response whose head has already gone out.
  if (!socket.writable || current?.response.headersSent === true) {
    socket.destroy()
    return
  }
  const status = STATUS_BY_KIND[ERROR_CATALOGUE[code].kind]
  const body: ErrorBody = {
    status,
    error: reasonPhrase(status),
    message: code === 'malformed_request' ? 'The request is not valid HTTP/1.1 and could not be read' : ERROR_CATALOGUE[code].message,
    timestamp: new Date().toISOString(),
    path: current?.path ?? pathOf((error as { rawPacket?: unknown }).rawPacket),
    requestId,
    code,
  }
  const json = JSON.stringify(body)
  const head = [
    `HTTP/1.1 ${status} ${body.error}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(json)}`,
    `X-Request-Id: ${requestId}`,
    'Connection: close',
  ]
  socket.end(`${head.join('\r\n')}\r\n\r\n${json}`, () => socket.destroy())
}

/** The path of the request line, when the bytes that failed to parse start with one. */
function pathOf(raw: unknown): string {
  const text = Buffer.isBuffer(raw) ? raw.subarray(0, 2048).toString('latin1') : ''
  const line = /^[A-Z]+ (\/[^\s?#]*)/.exec(text)
  return line?.[1] ?? ''
}

/**
 * Once the server is closing, every answer ends its connection (`Connection: close`): Node closes
 * the connections idle when the close begins, but one still serving a request would otherwise stay
 * open for keep-alive afterwards and hold the stop until its idle timeout.
 */
export function closeConnectionsWhenClosing(app: FastifyInstance): void {
  let closing = false
  app.addHook('preClose', async () => {
    closing = true
  })
  // A callback hook: it runs on every answer, and a promise per answer would buy nothing.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close')
    done(null, payload)
  })
}
