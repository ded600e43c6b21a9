import type { FastifyInstance } from 'fastify'
import { Type, type TInteger, type TObject } from 'typebox'
import type { Permission } from '../../auth/permissions.ts'
import type { CrudUseCases } from '../../resources/crud.ts'
import type { FieldMap } from '../../resources/fields.ts'
import type { PatchFormat } from '../../resources/patch.ts'
import type { ResourceDescription } from '../../resources/resource.ts'
import { Id } from '../../resources/schemas.ts'
import { existsRoute, listRoute } from './list-routes.ts'
import { deleteRoute, getRoute, patchRoute } from './item-routes.ts'
import { createRoute } from './write-routes.ts'

/** The path parameters of an item: its id under the published name (`customerId`). */
export function idParams<K extends string>(name: K): TObject<{ [P in K]: TInteger }> {
  return Type.Object({ [name]: Id } as { [P in K]: TInteger })
}

export interface CrudRouteOptions<M extends FieldMap> {
  /** The collection, e.g. /v1/billing-cycles. */
  path: string
  /** The id's path parameter, e.g. billingCycleId. */
  param: string
  tag: string
  /** The SDK's item type name, e.g. BillingCycle. */
  sdkType: string
  resource: ResourceDescription<M>
  permissions: { read: Permission; write: Permission }
  /** Operation ids as published; an operation left out is not offered (or, for the list, declared by the module itself: a list with headers). */
  operations: { list?: string; get: string; exists?: string; create?: string; update?: string; delete?: string }
  useCases: Pick<CrudUseCases<M>, 'list' | 'get'> & Partial<CrudUseCases<M>>
  /** The PATCH formats taken (default both): `['json-patch']` where the published page takes JSON Patch only (415 for the other). */
  patchFormats?: readonly PatchFormat[]
}

/** Sugar: the published operations of a plain resource, declared with the route helpers. */
export function crudRoutes<M extends FieldMap>(app: FastifyInstance, r: CrudRouteOptions<M>): void {
  const noun = r.resource.noun.toLowerCase()
  const item = `${r.path}/:${r.param}`
  const params = idParams(r.param)
  const base = { tag: r.tag, sdkType: r.sdkType }
  const read = { ...base, permission: r.permissions.read }
  const write = { ...base, permission: r.permissions.write }
  const { operations: op, useCases: uc } = r
  const idOf = (p: Record<string, number>) => p[r.param]!

  if (op.list !== undefined) {
    listRoute(app, { ...read, path: r.path, operationId: op.list, summary: `List ${noun}s`, list: r.resource.list, item: r.resource.schema, head: op.exists === undefined, handler: uc.list })
  }
  if (op.exists !== undefined && uc.exists !== undefined) {
    existsRoute(app, { ...read, path: r.path, operationId: op.exists, summary: `Check whether any ${noun} matches the filters (200 or 404)`, list: r.resource.list, handler: uc.exists })
  }
  if (op.create !== undefined && uc.create !== undefined) {
    createRoute(app, { ...write, path: r.path, operationId: op.create, summary: `Create a ${noun}`, body: r.resource.createBody, response: r.resource.schema, handler: uc.create })
  }
  getRoute(app, { ...read, path: item, operationId: op.get, summary: `Get a ${noun}`, params, response: r.resource.schema, etag: r.resource.versioned, handler: (actor, p) => uc.get(actor, idOf(p)) })
  if (op.update !== undefined && uc.update !== undefined) {
    const update = uc.update
    const formats = r.patchFormats ?? ['json-patch', 'merge-patch']
    const how = formats.length === 2 ? 'JSON Patch or merge patch' : formats[0] === 'json-patch' ? 'JSON Patch' : 'merge patch'
    patchRoute(app, { ...write, path: item, operationId: op.update, summary: `Update a ${noun} (${how})`, params, formats, response: r.resource.schema, document: r.resource.document, handler: (actor, p, patch) => update(actor, idOf(p), patch) })
  }
  if (op.delete !== undefined && uc.remove !== undefined) {
    const remove = uc.remove
    deleteRoute(app, { ...write, path: item, operationId: op.delete, summary: `Delete a ${noun}`, params, handler: (actor, p, ifMatch) => remove(actor, idOf(p), ifMatch) })
  }
}
