import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { Type, type Static } from 'typebox'
import { AppError, type ErrorCode } from '../errors.ts'
import { requestPath } from './error-body.ts'

/**
 * Sandbox mode (`ELEVATE_SANDBOX=1`, `elevate-api start --sandbox`): a stateful server that fails on
 * request, so integrators can test their retry, refresh and timeout handling. A request asks for a
 * fault with `X-Elevate-Fault` (or Prism's `Prefer: code=…`); `POST /sandbox/faults` scripts the
 * next responses of a path. Every injected error is the contract's (body, `Retry-After`). Outside
 * sandbox mode none of this is registered: the headers do nothing.
 */

/** The statuses a client can ask for, each with the code a real failure of that kind carries. */
const FAULT_CODES: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'token_expired',
  403: 'insufficient_permission',
  404: 'not_found',
  409: 'already_exists',
  429: 'rate_limited',
  500: 'internal_error',
  503: 'database_unavailable',
}
const MAX_LATENCY_MS = 30_000
/** How long a `timeout` fault holds a request that its client does not give up on. */
const HOLD_MS = 300_000

const FaultPattern = `^(${Object.keys(FAULT_CODES).join('|')}|timeout|reset|latency=\\d{1,5}ms)$`
const ScriptBody = Type.Object({
  path: Type.String({ minLength: 1, maxLength: 500, description: 'A request path (/v1/customers/7) or a route pattern (/v1/customers/:customerId)' }),
  method: Type.Optional(Type.String({ pattern: '^[A-Z]{3,10}$', description: 'Only this method (default: any)' })),
  faults: Type.Array(Type.String({ pattern: FaultPattern }), { minItems: 1, maxItems: 100, description: 'The next responses, in order; then normal service' }),
})
type Script = Static<typeof ScriptBody>

export interface SandboxOptions {
  retryAfterSeconds: number
}

/**
 * Installs the fault hooks (before the contract layer, so a fault answers whatever the request
 * holds); call `addRoutes` once the contract layer is installed, so its routes get its checks.
 */
export function registerSandbox(app: FastifyInstance, options: SandboxOptions): { addRoutes(): void } {
  const scripts: Script[] = []
  const held = new Set<FastifyRequest>()

  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config.sandbox === true) return
    const fault = scriptedFault(scripts, request) ?? requestedFault(request)
    if (fault !== undefined) await inject(fault, request, reply, options, held)
  })
  app.addHook('preClose', async () => {
    for (const request of held) request.raw.socket.destroy()
  })

  const config = { auth: 'bearer', idempotent: false, sandbox: true } as const
  const hide = { hide: true }
  return {
    addRoutes() {
      app.post<{ Body: Script }>('/sandbox/faults', { config, schema: { ...hide, body: ScriptBody } }, async (request, reply) => {
        scripts.push({ ...request.body, faults: [...request.body.faults] })
        return reply.code(201).send({ scripted: scripts })
      })
      app.get('/sandbox/faults', { config, schema: hide }, async () => ({ scripted: scripts }))
      app.delete('/sandbox/faults', { config, schema: hide }, async (_request, reply) => {
        scripts.length = 0
        return reply.code(204).send()
      })
    },
  }
}

/** The next scripted fault for this request, taken off its script. */
function scriptedFault(scripts: Script[], request: FastifyRequest): string | undefined {
  const path = requestPath(request)
  const index = scripts.findIndex((s) => (s.path === path || s.path === request.routeOptions.url) && (s.method === undefined || s.method === request.method))
  if (index === -1) return undefined
  const script = scripts[index]!
  const fault = script.faults.shift()
  if (script.faults.length === 0) scripts.splice(index, 1)
  return fault
}

/** `X-Elevate-Fault: 503`, or as Prism: `Prefer: code=503` (other Prefer preferences are ignored). */
function requestedFault(request: FastifyRequest): string | undefined {
  const header = request.headers['x-elevate-fault']
  if (typeof header === 'string') return header.trim()
  const prefer = request.headers.prefer
  return typeof prefer === 'string' ? /(?:^|[,;\s])code=(\d{3})\b/.exec(prefer)?.[1] : undefined
}

async function inject(fault: string, request: FastifyRequest, reply: FastifyReply, options: SandboxOptions, held: Set<FastifyRequest>): Promise<void> {
  const latency = /^latency=(\d+)ms$/.exec(fault)
  if (latency !== null) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(Number(latency[1]), MAX_LATENCY_MS)))
    return
  }
  if (fault === 'reset') {
    reply.hijack()
    request.raw.socket.resetAndDestroy()
    return
  }
  if (fault === 'timeout') {
    // No answer at all: the client's own timeout must fire. The connection is closed only after a
    // long while, or when the client gives up.
    reply.hijack()
    held.add(request)
    const timer = setTimeout(() => request.raw.socket.destroy(), HOLD_MS)
    request.raw.socket.once('close', () => (clearTimeout(timer), held.delete(request)))
    return
  }
  const code = FAULT_CODES[Number(fault)]
  if (code === undefined) {
    throw new AppError('invalid_header', {
      message: `X-Elevate-Fault must be one of ${Object.keys(FAULT_CODES).join(', ')}, timeout, reset or latency=<n>ms (got '${fault}')`,
      errors: [{ field: 'X-Elevate-Fault', code: 'invalid_value', message: 'is not a known fault' }],
    })
  }
  throw new AppError(code, {
    message: `${new AppError(code).message} (injected: sandbox mode)`,
    ...(code === 'rate_limited' || code === 'database_unavailable' ? { retryAfterSeconds: options.retryAfterSeconds } : {}),
    ...(code === 'token_expired' ? { challenge: { error: 'invalid_token', description: 'The token has expired' } } : {}),
  })
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The sandbox's own routes, which faults never hit. */
    sandbox?: boolean
  }
}
