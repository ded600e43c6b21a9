import type { FastifyInstance } from 'fastify'
import { Type, type Static, type TObject, type TSchema } from 'typebox'
import type { Actor } from '../../auth/actor.ts'
import { assertValid } from '../../errors.ts'
import type { Versioned } from '../../resources/versioned.ts'
import { bodyValidator } from '../../validation.ts'
import { sendCreated } from '../resources.ts'
import { errorResponses, withHeaders, type ResponseHeader } from '../schemas.ts'
import { describe, nestedSchema, type NestedCollection, type Operation } from './operation.ts'

export interface CreateRouteOptions<B extends TSchema, R extends TObject, P extends TObject = TObject<{}>, H extends TObject = TObject<{}>> extends Operation, NestedCollection<P> {
  body: B
  response: R
  /** Where created items live when it is not `path` (a nested create's items are at /v1/children/{id}). */
  itemsPath?: string
  /** Request headers the operation takes (the inventory's `disable_adding_linked_rentals`), validated and typed. */
  headers?: H
  handler(actor: Actor, body: Static<B>, params: Static<P>, headers: Static<H>): Promise<Versioned<Static<R>>>
}

/**
 * A create (POST collection): 201 with `Location` and `ETag` (RFC 9110 §15.3.2). The contract
 * layer makes it take an `Idempotency-Key`; 409 is documented for what already exists.
 */
export function createRoute<B extends TSchema, R extends TObject, P extends TObject = TObject<{}>, H extends TObject = TObject<{}>>(
  app: FastifyInstance,
  route: CreateRouteOptions<B, R, P, H>,
): void {
  const parent = nestedSchema(route.params)
  app.post(
    route.path,
    {
      config: { auth: 'bearer', permission: route.permission },
      schema: {
        ...describe(route, 'create'),
        ...parent.schema,
        body: route.body,
        ...(route.headers === undefined ? {} : { headers: route.headers }),
        response: { 201: withHeaders(route.response, ['Location', 'ETag']), ...errorResponses([409, ...parent.errors]) },
      },
    },
    async (request, reply) => {
      const created = await route.handler(request.actor, request.body as Static<B>, request.params as Static<P>, request.headers as Static<H>)
      return sendCreated(reply, route.itemsPath ?? route.path, created)
    },
  )
}

const noBodyErrors = bodyValidator(Type.Object({}, { additionalProperties: false }))

/**
 * For an operation that takes no body: a body with anything in it is 400 `validation_failed`
 * naming each field sent (the contract's unknown body fields), so a client that thinks it chose
 * something (a secret of its own) learns it did not; no body, or `{}`, is none.
 */
export function refuseBody(body: unknown): void {
  if (body !== undefined) assertValid(noBodyErrors(body))
}

export interface ActionRouteOptions<P extends TObject, B extends TSchema, R extends TSchema, Q extends TObject = TObject<{}>> extends Operation {
  /** The SDK method's name (`rotateSecret`). */
  sdkMethod: string
  params: P
  /** Query parameters the action takes (adjustBillRunSchedule's `periods`), validated and typed. */
  query?: Q
  /** Absent: the action takes no body (a body with anything in it is 400, `refuseBody`). */
  body?: B
  /** Absent: 204 with no body. */
  response?: { status: 200 | 201 | 202; schema: R; headers?: readonly ResponseHeader[] }
  /** Statuses the action answers besides the common ones (404, 409, …). */
  errors?: readonly number[]
  handler(actor: Actor, input: { params: Static<P>; body: Static<B>; query: Static<Q> }): Promise<Static<R> | undefined>
}

/** An action on a resource that is not a field change (rotate a secret, trigger a refund): a POST. */
export function actionRoute<P extends TObject, B extends TSchema, R extends TSchema, Q extends TObject = TObject<{}>>(app: FastifyInstance, route: ActionRouteOptions<P, B, R, Q>): void {
  const success = route.response === undefined ? { 204: Type.Null({ description: 'Done' }) } : { [route.response.status]: withHeaders(route.response.schema, route.response.headers ?? []) }
  app.post(
    route.path,
    {
      config: { auth: 'bearer', permission: route.permission },
      schema: {
        ...describe(route, route.sdkMethod),
        params: route.params,
        ...(route.query === undefined ? {} : { querystring: route.query }),
        ...(route.body === undefined ? {} : { body: route.body }),
        response: { ...success, ...errorResponses(route.errors ?? []) } },
    },
    async (request, reply) => {
      if (route.body === undefined) refuseBody(request.body)
      const result = await route.handler(request.actor, { params: request.params as Static<P>, body: request.body as Static<B>, query: request.query as Static<Q> })
      if (route.response === undefined) return reply.code(204).send()
      return reply.code(route.response.status).send(result)
    },
  )
}
