import { randomUUID } from 'node:crypto'
import { createServer, STATUS_CODES, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request as the fault server saw it. */
export interface SeenRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  body: string
}

/** What the fault server does with one request. */
export type Reply =
  | { status: number; headers?: Record<string, string>; json?: unknown; body?: string }
  | { reset: true } // destroys the socket: the client sees a connection reset
  | { hang: true } // never answers: the client's timeout has to act

/** Chooses the reply to each request; `index` counts the requests this script has seen. */
export type Script = (request: SeenRequest, index: number) => Reply | Promise<Reply>

export interface FaultServer {
  url: string
  /** Every request received, in order. */
  requests: SeenRequest[]
  /** The requests to a path other than the login. */
  apiRequests(): SeenRequest[]
  /** The login requests. */
  logins(): SeenRequest[]
  close(): Promise<void>
}

/**
 * A real HTTP server on a free loopback port that answers a scripted sequence: errors, resets,
 * silences. No mocking library: the SDK talks to it over real sockets with the platform's fetch.
 */
export async function startFaultServer(script: Script): Promise<FaultServer> {
  const requests: SeenRequest[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://fault.invalid')
      const seen = { method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString() }
      requests.push(seen)
      const reply = await script(seen, requests.length - 1)
      if ('reset' in reply) return req.socket.destroy()
      if ('hang' in reply) return
      const body = reply.json === undefined ? (reply.body ?? '') : JSON.stringify(reply.json)
      const type = reply.json === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }
      res.writeHead(reply.status, { ...type, ...reply.headers })
      res.end(req.method === 'HEAD' ? undefined : body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    apiRequests: () => requests.filter((r) => r.path !== '/v1/authenticate'),
    logins: () => requests.filter((r) => r.path === '/v1/authenticate'),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections() // hung requests included
        server.close(() => resolve())
      }),
  }
}

/** The nth request gets the nth reply; the last reply repeats. */
export function sequence(...replies: Reply[]): Script {
  return (_request, index) => replies[Math.min(index, replies.length - 1)]!
}

/** Logins go to `login`, everything else to `api`, each script counting its own requests. */
export function routes(scripts: { login?: Script; api: Script }): Script {
  let logins = 0
  let others = 0
  const login = scripts.login ?? (() => loginReply(`token-${logins}`))
  return (request) => (request.path === '/v1/authenticate' ? login(request, logins++) : scripts.api(request, others++))
}

/** The contract's error body (docs/errors.md), with its `X-Request-Id`. */
export function errorReply(status: number, code: string, options: { message?: string; headers?: Record<string, string>; errors?: unknown[] } = {}): Reply {
  const requestId = randomUUID()
  return {
    status,
    headers: { 'x-request-id': requestId, ...options.headers },
    json: {
      status,
      error: STATUS_CODES[status] ?? 'Error',
      message: options.message ?? `${code} happened`,
      timestamp: new Date().toISOString(),
      path: '/v1/somewhere',
      requestId,
      code,
      ...(options.errors === undefined ? {} : { errors: options.errors }),
    },
  }
}

/** A successful login with `token`, valid for `lifetimeMs` (default 15 minutes). */
export function loginReply(token: string, lifetimeMs = 900_000): Reply {
  return { status: 200, json: { token, username: 'admin', expiresAt: new Date(Date.now() + lifetimeMs).toISOString() } }
}

/** A 200 with a JSON body. */
export function ok(json: unknown, headers?: Record<string, string>): Reply {
  return { status: 200, json, headers: { 'x-request-id': randomUUID(), ...headers } }
}

/** The bearer token a request carried. */
export function bearerOf(request: SeenRequest): string | undefined {
  return /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1]
}
