import type { FastifyRequest } from 'fastify'
import type { TObject } from 'typebox'
import type { Actor } from '../../auth/actor.ts'
import type { Permission } from '../../auth/permissions.ts'
import type {} from '../route-config.ts' // declares request.actor

/**
 * What every route helper is told about its operation: its published name and place in the
 * document, and the permission it needs. `sdk` names the method the generated SDK gives it on
 * the tag's resource (`client.customers.list`), and `sdkType` the item type the SDK exports.
 */
export interface Operation {
  path: string
  operationId: string
  summary: string
  description?: string
  tag: string
  permission: Permission
  /** The SDK's name for the item type of this resource (`Customer`). */
  sdkType?: string
  /** The SDK's name for this operation's answer when it is not the item (`CustomerWithSites`). */
  sdkResponseType?: string
}

/** The OpenAPI extensions the SDK generator reads (packages/sdk/scripts/generate.ts). */
export function sdkExtensions(operation: Operation, method: string): Record<string, string> {
  const extensions: Record<string, string> = { 'x-sdk-method': method }
  if (operation.sdkType !== undefined) extensions['x-sdk-type'] = operation.sdkType
  if (operation.sdkResponseType !== undefined) extensions['x-sdk-response-type'] = operation.sdkResponseType
  return extensions
}

/** The parts of an operation's schema every helper writes the same way. */
export function describe(operation: Operation, method: string) {
  return {
    tags: [operation.tag],
    operationId: operation.operationId,
    summary: operation.summary,
    ...(operation.description === undefined ? {} : { description: operation.description }),
    ...sdkExtensions(operation, method),
  }
}

/** The actor of an authenticated request (every route built by these helpers requires a token). */
export function actorOf(request: FastifyRequest): Actor {
  return request.actor
}

/** What a collection nested under a parent (`/v1/parents/:parentId/children`) declares. */
export interface NestedCollection<P extends TObject> {
  /** The parent's id in the path; the use case answers 404 when the parent is not visible. */
  params?: P
}

/** The schema parts of a nested collection: its path parameters, and the 404 of a missing parent. */
export function nestedSchema(params: TObject | undefined): { schema: { params?: TObject }; errors: number[] } {
  return params === undefined ? { schema: {}, errors: [] } : { schema: { params }, errors: [404] }
}
