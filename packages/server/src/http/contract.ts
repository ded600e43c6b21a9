import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify'
import { Type, type TSchema } from 'typebox'
import type { Actor } from '../auth/actor.ts'
import { AppError } from '../errors.ts'
import type { IdempotencyStore } from '../idempotency/idempotency-store.ts'
import { sendError, requestPath } from './error-body.ts'
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_PARAMETER, idempotencyLogFields, installIdempotency } from './idempotency.ts'
import { installJsonParser } from './json-body.ts'
import { MethodTable } from './methods.ts'
import { chainTransforms, documentHeaders } from './openapi.ts'
import { acceptsJson, acceptsOneOf, isAcceptedContentType } from './negotiation.ts'
import { toProblem } from './problems.ts'
import type { RouteGuard } from './route-config.ts'
import { forgetRequest, trackRequest } from './transport.ts'
import { ErrorBodySchema, errorResponses, withHeaders, type ResponseHeader } from './schemas.ts'
import { compileValidator } from '../validation.ts'

/**
 * The contract layer: the one place that knows status codes, headers and error bodies
 * (docs/errors.md). A route only declares its schemas and `config` (auth, permission, consumes);
 * everything in this file then applies to it, in the contract's order of checks:
 * route and method (404, 405) → token (401) → media types (415, 406) → permission (403) →
 * validation (400) → Idempotency-Key (400, 409, or a replay; creates only) → the handler.
 */
export interface ContractOptions {
  /** Resolves the `Authorization` header to an actor, or throws a 401 AppError. */
  authenticate(authorization: string | undefined): Promise<Actor>
  /** Names infrastructure failures (database down → 503); undefined means unexpected. */
  classifyError(error: unknown): AppError | undefined
  /** Where creates sent with an Idempotency-Key are claimed and their outcomes kept. */
  idempotency: IdempotencyStore
}

/** Statuses any route can answer with, whatever it does. */
const COMMON_ERROR_STATUSES = [400, 405, 406, 429, 500, 503]
const NOT_FOUND_MESSAGE = 'No resource exists at this path'
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH'])
const NO_QUERY_PARAMETERS = Type.Object({}, { additionalProperties: false })
/** Media types that carry JSON: plain documents and the two PATCH formats (RFC 6902, RFC 7396). */
const JSON_PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json']

/** Wires the contract into the root instance. Call `finish` after every module is registered. */
export function installContract(app: FastifyInstance, options: ContractOptions): { finish(): void } {
  const methods = new MethodTable()

  app.setValidatorCompiler(({ schema, httpPart }) => compileValidator(schema as object, httpPart))
  app.addSchema(ErrorBodySchema)
  app.decorateRequest('actor', null as unknown as Actor)
  installJsonParser(app, ['application/json', ...JSON_PATCH_TYPES])
  installIdempotency(app, options.idempotency)

  app.addHook('onRoute', (route) => {
    if (route.config?.synthetic === true) return
    methods.record(route.url, Array.isArray(route.method) ? route.method : [route.method])
    applyRouteDefaults(route)
  })

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
    trackRequest(request, reply)
    // Before the body is read: an unknown path is 404 whatever the body (a QUERY without one).
    if (request.is404) throw new AppError('route_not_found', { message: NOT_FOUND_MESSAGE })
    const guard = request.routeOptions.config.guard
    if (guard !== undefined) await checkRequest(request, guard, options)
  })

  app.addHook('onResponse', async (request, reply) => {
    forgetRequest(request)
    const actor = request.actor as Actor | null
    request.log.info(
      {
        method: request.method,
        path: requestPath(request),
        route: request.routeOptions.url,
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 100) / 100,
        brandId: actor?.brandId,
        userId: actor?.userId,
        ...idempotencyLogFields(request),
      },
      'request completed',
    )
  })

  app.setErrorHandler((error, request, reply) => answerError(error, request, reply, options))
  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, 404, 'route_not_found', NOT_FOUND_MESSAGE),
  )

  return { finish: () => methods.addRoutes(app) }
}

/** Answers any error with the contract's body; the one error path of the whole server. */
export function answerError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  options: Pick<ContractOptions, 'classifyError'>,
): FastifyReply {
  const problem = toProblem(error, options.classifyError)
  if (problem.unexpected) request.log.error({ err: error }, 'unexpected error')
  else if (problem.status >= 500) request.log.warn({ code: problem.code, cause: String(error) }, problem.message)
  if (problem.headers !== undefined) reply.headers(problem.headers)
  reply.header('x-request-id', request.id)
  return sendError(request, reply, problem.status, problem.code, problem.message, problem.errors)
}

async function checkRequest(request: FastifyRequest, guard: RouteGuard, options: ContractOptions): Promise<void> {
  if (guard.auth === 'bearer') request.actor = await options.authenticate(request.headers.authorization)
  if (
    guard.consumes !== undefined &&
    BODY_METHODS.has(request.method) &&
    !isAcceptedContentType(request.headers['content-type'], guard.consumes)
  ) {
    throw new AppError('unsupported_media_type', {
      message: `Content-Type must be ${guard.consumes.join(' or ')} (UTF-8)`,
    })
  }
  if (guard.produces === undefined ? !acceptsJson(request.headers.accept) : !acceptsOneOf(request.headers.accept, guard.produces)) {
    throw new AppError('not_acceptable', guard.produces === undefined ? {} : { message: `This resource can only answer with ${guard.produces.join(' or ')}` })
  }
  if (guard.permission !== undefined && !request.actor.permissions.has(guard.permission)) {
    throw new AppError('insufficient_permission', {
      message: `Your roles do not allow this operation (it needs the ${guard.permission} permission)`,
    })
  }
}

const VERSIONED_PATH = /^\/v\d+\//

/** Settles a route's guard and completes its schema, so a new route gets the contract for free. */
function applyRouteDefaults(route: RouteOptions): void {
  // A copy: modules may hand several routes one config object, and what is settled here is per route.
  const config = (route.config = { ...route.config })
  const schema = (route.schema ??= {})
  // Every versioned path (/v1, the Pricing and Products APIs' /v2) needs a token, and so does any
  // route that names a permission: a permission check without an actor would be a 500.
  const auth = config.auth ?? (VERSIONED_PATH.test(route.url) || config.permission !== undefined ? 'bearer' : 'public')
  const consumes = schema.body === undefined ? undefined : (config.consumes ?? ['application/json'])
  // Every create takes an Idempotency-Key: a POST by an authenticated user (not the login).
  const idempotent = config.idempotent ?? ([route.method].flat().includes('POST') && auth === 'bearer')
  config.guard = { auth, permission: config.permission, consumes, idempotent, produces: config.produces }
  documentRoute(route, auth, idempotent)
  schema.querystring ??= NO_QUERY_PARAMETERS
  closeObjects(schema.querystring as TSchema)
  if (schema.body !== undefined) closeObjects(schema.body as TSchema)
  const responses: Record<string, unknown> = {
    ...errorResponses([
      ...COMMON_ERROR_STATUSES,
      ...(auth === 'bearer' ? [401, 403] : []),
      ...(consumes === undefined ? [] : [413, 415]),
      ...(idempotent ? [409] : []),
    ]),
    ...(schema.response as Record<string, unknown> | undefined),
  }
  schema.response = Object.fromEntries(
    Object.entries(responses).map(([status, response]) => [status, withHeaders(response, headersOf(Number(status), idempotent))]),
  )
}

/** OpenAPI only: what the contract layer adds to every route of its kind. */
function documentRoute(route: RouteOptions, auth: 'bearer' | 'public', idempotent: boolean): void {
  const schema = route.schema!
  // The document's default is bearerAuth; a public route must say it needs nothing.
  if (auth === 'public') schema.security ??= []
  const headers: Record<string, object> = {}
  if (idempotent) headers[IDEMPOTENCY_KEY_HEADER] = IDEMPOTENCY_KEY_PARAMETER
  if ([route.method].flat().some((method) => method === 'PATCH' || method === 'DELETE')) headers['If-Match'] = IF_MATCH_PARAMETER
  if (Object.keys(headers).length > 0) route.config!.swaggerTransform = chainTransforms(route.config!.swaggerTransform, documentHeaders(headers))
}

const IF_MATCH_PARAMETER = {
  type: 'string',
  description:
    'Makes the update or delete conditional (RFC 9110 §13.1.1): the ETag last read ("3"), several separated by commas, or *. ' +
    '412 precondition_failed when none matches the current version; without it the write is unconditional.',
  examples: ['"3"'],
}

/** The headers the contract layer itself adds to a response of this status. */
function headersOf(status: number, idempotent: boolean): ResponseHeader[] {
  const headers: ResponseHeader[] = ['X-Request-Id']
  if (status === 401) headers.push('WWW-Authenticate')
  if (status === 405) headers.push('Allow')
  if (status === 429 || status === 503 || (status === 409 && idempotent)) headers.push('Retry-After')
  // What an idempotent create stores and replays: its outcome, not the checks made before it.
  if (idempotent && (status < 300 || [400, 404, 409].includes(status))) headers.push('Idempotent-Replayed')
  return headers
}

/** Unknown fields are errors (400), never silently ignored: close every object schema. */
function closeObjects(schema: TSchema | undefined): void {
  if (schema === null || typeof schema !== 'object') return
  const node = schema as Record<string, unknown>
  if (node.type === 'object' && node.properties !== undefined && node.additionalProperties === undefined) {
    node.additionalProperties = false
  }
  for (const key of ['properties', 'patternProperties']) {
    const children = node[key] as Record<string, TSchema> | undefined
    if (children !== undefined) for (const child of Object.values(children)) closeObjects(child)
  }
  for (const key of ['items', 'not']) closeObjects(node[key] as TSchema | undefined)
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const branches = node[key] as TSchema[] | undefined
    if (branches !== undefined) for (const branch of branches) closeObjects(branch)
  }
}
