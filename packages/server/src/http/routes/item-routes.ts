import type { SwaggerTransform } from '@fastify/swagger'
import type { FastifyInstance } from 'fastify'
import { Type, type Static, type TObject, type TSchema } from 'typebox'
import type { Actor } from '../../auth/actor.ts'
import { PATCH_MEDIA_TYPES, type PatchFormat, type PatchRequest } from '../../resources/patch.ts'
import type { Versioned } from '../../resources/versioned.ts'
import { ifMatchVersions, patchRequestOf, sendVersioned } from '../resources.ts'
import { errorResponses, PatchBody, withHeaders } from '../schemas.ts'
import { describe, type Operation } from './operation.ts'
import { jsonPatchDocument, mergePatchDocument } from './patch-documents.ts'

export interface GetRouteOptions<P extends TObject, R extends TSchema, H extends TObject = TObject<{}>> extends Operation {
  params: P
  response: R
  /** Request headers the operation takes (the Pricing API's `summary`), validated and typed. */
  headers?: H
  /** Whether the resource has versions, answered as its ETag (default true). */
  etag?: boolean
  handler(actor: Actor, params: Static<P>, headers: Static<H>): Promise<Versioned<Static<R>>>
}

/** One item (GET by id): 200 with its ETag when it has a version, 404 when it is not visible. */
export function getRoute<P extends TObject, R extends TSchema, H extends TObject = TObject<{}>>(app: FastifyInstance, route: GetRouteOptions<P, R, H>): void {
  app.get(
    route.path,
    {
      config: { auth: 'bearer', permission: route.permission },
      schema: {
        ...describe(route, 'get'),
        params: route.params,
        ...(route.headers === undefined ? {} : { headers: route.headers }),
        response: { 200: withHeaders(route.response, route.etag === false ? [] : ['ETag']), ...errorResponses([404]) },
      },
    },
    async (request, reply) => sendVersioned(reply, await route.handler(request.actor, request.params as Static<P>, request.headers as Static<H>)),
  )
}

export interface PatchRouteOptions<P extends TObject, R extends TSchema, H extends TObject = TObject<{}>> extends Operation {
  params: P
  /** Request headers the operation takes (the Pricing API's `summary`), validated and typed. */
  headers?: H
  response: R
  /** The writable document a patch changes: documents the merge-patch shape. */
  document: TObject
  /** The formats the operation takes (default both; the published rates take JSON Patch only). */
  formats?: readonly PatchFormat[]
  handler(actor: Actor, params: Static<P>, patch: PatchRequest, headers: Static<H>): Promise<Versioned<Static<R>>>
}

/**
 * An update (PATCH by id) with JSON Patch (RFC 6902) or merge patch (RFC 7396), chosen by the
 * Content-Type; `If-Match` makes it conditional (412). The body is checked by the patch step,
 * which names a broken patch precisely (invalid_patch); the document shows each format's shape.
 */
export function patchRoute<P extends TObject, R extends TSchema, H extends TObject = TObject<{}>>(app: FastifyInstance, route: PatchRouteOptions<P, R, H>): void {
  const formats = route.formats ?? ['json-patch', 'merge-patch']
  const consumes = Object.keys(PATCH_MEDIA_TYPES).filter((type) => formats.includes(PATCH_MEDIA_TYPES[type]!))
  app.patch(
    route.path,
    {
      config: { auth: 'bearer', permission: route.permission, consumes, swaggerTransform: documentPatchBody(route.document, consumes) },
      schema: {
        ...describe(route, 'update'),
        consumes,
        params: route.params,
        ...(route.headers === undefined ? {} : { headers: route.headers }),
        body: PatchBody,
        response: { 200: withHeaders(route.response, ['ETag']), ...errorResponses([404, 409, 412]) },
      },
    },
    async (request, reply) => sendVersioned(reply, await route.handler(request.actor, request.params as Static<P>, patchRequestOf(request), request.headers as Static<H>)),
  )
}

/** OpenAPI only: each patch media type with its own schema and example. */
function documentPatchBody(document: TObject, consumes: readonly string[]): SwaggerTransform {
  const shapes: Record<string, object> = {
    'application/json-patch+json': jsonPatchDocument(document),
    'application/merge-patch+json': mergePatchDocument(document),
  }
  const content = Object.fromEntries(consumes.map((type) => [type, { schema: shapes[type] }]))
  return ({ schema, url }) => ({ url, schema: { ...schema, body: { content } } as typeof schema })
}

export interface PutRouteOptions<P extends TObject, B extends TSchema, R extends TSchema> extends Operation {
  /** The SDK method's name (`setThreshold`). */
  sdkMethod: string
  params: P
  body: B
  response: R
  handler(actor: Actor, params: Static<P>, body: Static<B>): Promise<Static<R>>
}

/**
 * A replace (PUT by id): the body is the whole of what the client sets; 200 with the item. Sending
 * it twice leaves what once does, so it needs no Idempotency-Key.
 */
export function putRoute<P extends TObject, B extends TSchema, R extends TSchema>(app: FastifyInstance, route: PutRouteOptions<P, B, R>): void {
  const response: Record<number, TSchema> = { 200: route.response, ...errorResponses([404]) }
  app.put(
    route.path,
    {
      config: { auth: 'bearer', permission: route.permission },
      schema: { ...describe(route, route.sdkMethod), params: route.params, body: route.body, response },
    },
    async (request, reply) => reply.code(200).send(await route.handler(request.actor, request.params as Static<P>, request.body as Static<B>)),
  )
}

export interface DeleteRouteOptions<P extends TObject> extends Operation {
  params: P
  /** `ifMatch`: the versions the client's If-Match names; undefined without one (or `*`). */
  handler(actor: Actor, params: Static<P>, ifMatch: readonly number[] | undefined): Promise<void>
}

/**
 * A delete (DELETE by id): 204 with no body; 404 when there is nothing to delete (a second DELETE);
 * conditional like a PATCH: 412 when If-Match does not name the current version.
 */
export function deleteRoute<P extends TObject>(app: FastifyInstance, route: DeleteRouteOptions<P>): void {
  app.delete(
    route.path,
    {
      config: { auth: 'bearer', permission: route.permission },
      schema: { ...describe(route, 'delete'), params: route.params, response: { 204: Type.Null({ description: 'Deleted' }), ...errorResponses([404, 409, 412]) } },
    },
    async (request, reply) => {
      await route.handler(request.actor, request.params as Static<P>, ifMatchVersions(request.headers['if-match']))
      return reply.code(204).send()
    },
  )
}
