import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { Type, type TObject, type TSchema } from 'typebox'
import type { Permission } from '../auth/permissions.ts'
import type { ResourceService } from '../resources/resource-service.ts'
import { Id } from './schemas.ts'
import { sendPage } from './pages.ts'
import { PATCH_CONSUMES, patchRequestOf, sendCreated, sendExists, sendVersioned } from './resources.ts'
import { errorResponses, PatchBody, withHeaders } from './schemas.ts'

export interface ResourceRoutes {
  /** The collection, e.g. /v1/contract-owners. */
  path: string
  /** The id's path parameter, e.g. contractOwnerId. */
  param: string
  tag: string
  /** Operation ids, as the published API names them. */
  operations: { list: string; get: string; create: string; update: string; exists?: string }
  /** "contract owner", for summaries. */
  noun: string
  permissions: { read: Permission; write: Permission }
  /** `created`: the 201 body when it differs from the resource (a customer with its sites). */
  schemas: { resource: TObject; create: TSchema; created?: TObject; listQuery: TObject; existsQuery?: TObject }
  service: Pick<ResourceService<never, object, never>, 'list' | 'exists' | 'get' | 'update'> & {
    create(actor: FastifyRequest['actor'], body: never): ReturnType<ResourceService<never, object, never>['create']>
  }
}

/**
 * The five operations every Elevate resource has, declared once: list (GET, bare array with Link),
 * exists (HEAD with the list's filters), create (POST → 201), get (GET → ETag) and update (PATCH
 * with JSON Patch or merge patch, If-Match → 412).
 */
export async function registerResourceRoutes(app: FastifyInstance, r: ResourceRoutes): Promise<void> {
  const tags = [r.tag]
  const item = `${r.path}/:${r.param}`
  const params = Type.Object({ [r.param]: Id })
  const idOf = (request: FastifyRequest) => (request.params as Record<string, number>)[r.param]!
  const read = { permission: r.permissions.read }
  const write = { permission: r.permissions.write }

  app.get(r.path, {
    config: read,
    // HEAD answers like GET, unless the resource has its own exists-check (HEAD with filters).
    exposeHeadRoute: r.schemas.existsQuery === undefined,
    schema: { tags, operationId: r.operations.list, summary: `List ${r.noun}s`, querystring: r.schemas.listQuery, response: { 200: withHeaders(Type.Array(Type.Partial(r.schemas.resource)), ['Link']) } },
  }, async (request: FastifyRequest, reply: FastifyReply) => {
    const result = await r.service.list(request.actor, request.query as Record<string, unknown>)
    return sendPage(request, reply, result.page, result)
  })

  if (r.schemas.existsQuery !== undefined && r.operations.exists !== undefined) {
    app.head(r.path, {
      // @fastify/swagger leaves HEAD routes out of the document unless asked.
      config: { ...read, swagger: { exposeHeadRoute: true } },
      schema: { tags, operationId: r.operations.exists, summary: `Check whether any ${r.noun} matches the filters (200 or 404)`, querystring: r.schemas.existsQuery, response: { 200: Type.Null({ description: 'At least one matches' }), ...errorResponses([404]) } },
    }, async (request: FastifyRequest, reply: FastifyReply) =>
      sendExists(reply, await r.service.exists(request.actor, request.query as Record<string, unknown>)),
    )
  }

  app.post(r.path, {
    config: write,
    schema: { tags, operationId: r.operations.create, summary: `Create a ${r.noun}`, body: r.schemas.create, response: { 201: withHeaders(r.schemas.created ?? r.schemas.resource, ['Location', 'ETag']), ...errorResponses([409]) } },
  }, async (request: FastifyRequest, reply: FastifyReply) => sendCreated(reply, r.path, await r.service.create(request.actor, request.body as never)))

  app.get(item, {
    config: read,
    schema: { tags, operationId: r.operations.get, summary: `Get a ${r.noun}`, params, response: { 200: withHeaders(r.schemas.resource, ['ETag']), ...errorResponses([404]) } },
  }, async (request: FastifyRequest, reply: FastifyReply) => sendVersioned(reply, await r.service.get(request.actor, idOf(request))))

  app.patch(item, {
    config: { ...write, consumes: PATCH_CONSUMES },
    schema: { tags, operationId: r.operations.update, summary: `Update a ${r.noun} (JSON Patch or merge patch)`, consumes: PATCH_CONSUMES, params, body: PatchBody, response: { 200: withHeaders(r.schemas.resource, ['ETag']), ...errorResponses([404, 409, 412]) } },
  }, async (request: FastifyRequest, reply: FastifyReply) =>
    sendVersioned(reply, await r.service.update(request.actor, idOf(request), patchRequestOf(request))),
  )
}
