import type { FastifyInstance } from 'fastify'
import { Type, type Static, type TObject } from 'typebox'
import type { Actor } from '../../auth/actor.ts'
import type { Condition } from '../../lists/filters.ts'
import { existsQuerySchema, listQuerySchema, parseConditions, parseListQuery, type ListQuery, type ListRequest, type ListSpec } from '../../lists/list-query.ts'
import type { Page } from '../../resources/table.ts'
import { isStoredPage, pageSerializer, storedPage } from '../page-serializer.ts'
import { sendPage } from '../pages.ts'
import { sendExists } from '../resources.ts'
import { errorResponses, withHeaders } from '../schemas.ts'
import { describe, nestedSchema, type NestedCollection, type Operation } from './operation.ts'

export interface ListRouteOptions<I extends TObject, P extends TObject = TObject<{}>, H extends TObject = TObject<{}>> extends Operation, NestedCollection<P> {
  list: ListSpec
  /** Request headers the operation takes (the Pricing API's `summary`), validated and typed. */
  headers?: H
  /** The item schema; with `fields=` an item carries only the fields asked for. */
  item: I
  /**
   * Whether the list answers HEAD itself (default): as an exists-check (elevate-api.md §1.4), made
   * from the list's own handler; false when the path has its own, published exists-check.
   */
  head?: boolean
  handler(actor: Actor, list: ListRequest, params: Static<P>, headers: Static<H>): Promise<Page<Partial<Static<I>>>>
}

/**
 * A list (GET collection): the published conventions (required paging, sort, fields, typed
 * filters) read into a `ListRequest` here, so the use case gets parsed input; the page is answered
 * as a bare array with its RFC 8288 `Link` header.
 */
export function listRoute<I extends TObject, P extends TObject = TObject<{}>, H extends TObject = TObject<{}>>(app: FastifyInstance, route: ListRouteOptions<I, P, H>): void {
  const parent = nestedSchema(route.params)
  if (route.head ?? true) {
    // Not an SDK method or a published operation: no operationId or x-sdk-method of its own.
    const schema = { tags: [route.tag], summary: `${route.summary}: whether any matches (200 or 404)`, ...parent.schema, ...(route.headers === undefined ? {} : { headers: route.headers }) }
    listExistsRoute(app, route, schema)
  }
  // Child rows PostgreSQL wrote as JSON are sent as written (`JsonText`), not parsed and serialised again.
  const childRows = pageSerializer(route.item)
  app.get(
    route.path,
    {
      config: { auth: 'bearer', permission: route.permission },
      // Never a HEAD mirroring the paged GET (200 for an empty page): the exists-check below.
      exposeHeadRoute: false,
      schema: {
        ...describe(route, 'list'),
        ...parent.schema,
        querystring: listQuerySchema(route.list),
        ...(route.headers === undefined ? {} : { headers: route.headers }),
        response: { 200: withHeaders(Type.Array(Type.Partial(route.item)), ['Link']), ...errorResponses(parent.errors) },
      },
    },
    async (request, reply) => {
      const page = await route.handler(request.actor, parseListQuery(request.query as ListQuery, route.list), request.params as Static<P>, request.headers as Static<H>)
      // A custom serialiser leaves the media type to the route (Fastify sets it only for its own).
      if (isStoredPage(page.items)) reply.serializer(storedPage).type('application/json; charset=utf-8')
      else if (childRows?.applies(page.items)) reply.serializer(childRows.serialize).type('application/json; charset=utf-8')
      return sendPage(request, reply, page.page, page)
    },
  )
}

/**
 * The exists-check of a list without a published one (HEAD with the list's filters only): the
 * same answer as every collection HEAD, 200 when anything matches and 404 when nothing does,
 * asked of the list's handler as a one-item page. Left out of the OpenAPI document, as HEAD routes
 * are unless published.
 */
function listExistsRoute<I extends TObject, P extends TObject, H extends TObject>(app: FastifyInstance, route: ListRouteOptions<I, P, H>, schema: Record<string, unknown>): void {
  app.head(
    route.path,
    {
      config: { auth: 'bearer', permission: route.permission },
      schema: { ...schema, querystring: existsQuerySchema(route.list), response: { 200: Type.Null({ description: 'At least one matches' }), ...errorResponses([404]) } },
    },
    async (request, reply) => {
      const conditions = parseConditions(request.query as Partial<ListQuery>, route.list)
      const first: ListRequest = { page: 1, pageSize: 1, sort: [{ column: route.list.tiebreaker, direction: 'asc' }], fields: undefined, conditions }
      const page = await route.handler(request.actor, first, request.params as Static<P>, request.headers as Static<H>)
      return sendExists(reply, page.items.length > 0)
    },
  )
}

export interface ExistsRouteOptions<P extends TObject = TObject<{}>> extends Operation, NestedCollection<P> {
  list: ListSpec
  handler(actor: Actor, conditions: Condition[], params: Static<P>): Promise<boolean>
}

/** An exists-check (HEAD collection with the list's filters): 200 when anything matches, else 404. */
export function existsRoute<P extends TObject = TObject<{}>>(app: FastifyInstance, route: ExistsRouteOptions<P>): void {
  const parent = nestedSchema(route.params)
  app.head(
    route.path,
    {
      // @fastify/swagger leaves HEAD routes out of the document unless asked.
      config: { auth: 'bearer', permission: route.permission, swagger: { exposeHeadRoute: true } },
      schema: {
        ...describe(route, 'exists'),
        ...parent.schema,
        querystring: existsQuerySchema(route.list),
        response: { 200: Type.Null({ description: 'At least one matches' }), ...errorResponses([404]) },
      },
    },
    async (request, reply) => {
      const conditions = parseConditions(request.query as Partial<ListQuery>, route.list)
      return sendExists(reply, await route.handler(request.actor, conditions, request.params as Static<P>))
    },
  )
}
