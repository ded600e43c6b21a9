import type { FastifyInstance } from 'fastify'
import { Type, type Static, type TObject } from 'typebox'
import type { Actor } from '../../auth/actor.ts'
import type { Condition } from '../../lists/filters.ts'
import { existsQuerySchema, listQuerySchema, parseConditions, parseListQuery, type ListQuery, type ListRequest, type ListSpec } from '../../lists/list-query.ts'
import type { Page } from '../../resources/table.ts'
import { sendPage } from '../pages.ts'
import { sendExists } from '../resources.ts'
import { errorResponses, withHeaders } from '../schemas.ts'
import { describe, type Operation } from './operation.ts'

export interface ListRouteOptions<I extends TObject> extends Operation {
  list: ListSpec
  /** The item schema; with `fields=` an item carries only the fields asked for. */
  item: I
  /** Whether HEAD answers like GET (default); false when the path has its own exists-check. */
  head?: boolean
  handler(actor: Actor, list: ListRequest): Promise<Page<Partial<Static<I>>>>
}

/**
 * A list (GET collection): the published conventions (required paging, sort, fields, typed
 * filters) read into a `ListRequest` here, so the use case gets parsed input; the page is answered
 * as a bare array with its RFC 8288 `Link` header.
 */
export function listRoute<I extends TObject>(app: FastifyInstance, route: ListRouteOptions<I>): void {
  app.get(
    route.path,
    {
      config: { permission: route.permission },
      exposeHeadRoute: route.head ?? true,
      schema: {
        ...describe(route, 'list'),
        querystring: listQuerySchema(route.list),
        response: { 200: withHeaders(Type.Array(Type.Partial(route.item)), ['Link']) },
      },
    },
    async (request, reply) => {
      const page = await route.handler(request.actor, parseListQuery(request.query as ListQuery, route.list))
      return sendPage(request, reply, page.page, page)
    },
  )
}

export interface ExistsRouteOptions extends Operation {
  list: ListSpec
  handler(actor: Actor, conditions: Condition[]): Promise<boolean>
}

/** An exists-check (HEAD collection with the list's filters): 200 when anything matches, else 404. */
export function existsRoute(app: FastifyInstance, route: ExistsRouteOptions): void {
  app.head(
    route.path,
    {
      // @fastify/swagger leaves HEAD routes out of the document unless asked.
      config: { permission: route.permission, swagger: { exposeHeadRoute: true } },
      schema: {
        ...describe(route, 'exists'),
        querystring: existsQuerySchema(route.list),
        response: { 200: Type.Null({ description: 'At least one matches' }), ...errorResponses([404]) },
      },
    },
    async (request, reply) => sendExists(reply, await route.handler(request.actor, parseConditions(request.query as Partial<ListQuery>, route.list))),
  )
}
