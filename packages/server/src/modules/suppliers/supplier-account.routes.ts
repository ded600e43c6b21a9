import type { FastifyInstance } from 'fastify'
import { idParams } from '../../http/routes/crud-routes.ts'
import { getRoute, patchRoute } from '../../http/routes/item-routes.ts'
import { existsRoute, listRoute } from '../../http/routes/list-routes.ts'
import { createRoute } from '../../http/routes/write-routes.ts'
import { supplierAccountResource } from './supplier-account.fields.ts'
import type { supplierAccountUseCases } from './supplier-account.service.ts'

const collection = '/v1/suppliers/:supplierId/supplier-accounts'
const items = '/v1/supplier-accounts'
const item = `${items}/:supplierAccountId`
const parent = idParams('supplierId')
const params = idParams('supplierAccountId')
const read = { tag: 'supplier-accounts', sdkType: 'SupplierAccount', permission: 'admin:read' } as const
const write = { ...read, permission: 'admin:write' } as const

/** Supplier accounts: listed and created under their supplier, then by their own id. */
export function supplierAccountRoutes(app: FastifyInstance, accounts: ReturnType<typeof supplierAccountUseCases>): void {
  const { list, schema, createBody, document } = supplierAccountResource
  listRoute(app, { ...read, path: collection, params: parent, operationId: 'getSupplierAccounts', summary: 'List a supplier’s accounts', list, item: schema, head: false, handler: accounts.list })
  existsRoute(app, { ...read, path: collection, params: parent, operationId: 'checkSupplierAccount', summary: 'Check whether any of the supplier’s accounts matches the filters (200 or 404)', list, handler: accounts.exists })
  createRoute(app, { ...write, path: collection, params: parent, itemsPath: items, operationId: 'createSupplierAccount', summary: 'Create an account with a supplier', body: createBody, response: schema, handler: accounts.create })
  getRoute(app, { ...read, path: item, params, operationId: 'getSupplierAccount', summary: 'Get a supplier account', response: schema, handler: (actor, { supplierAccountId }) => accounts.get(actor, supplierAccountId) })
  patchRoute(app, {
    ...write,
    path: item,
    params,
    operationId: 'updateSupplierAccount',
    summary: 'Update a supplier account (JSON Patch or merge patch)',
    response: schema,
    document,
    handler: (actor, { supplierAccountId }, patch) => accounts.update(actor, supplierAccountId, patch),
  })
}
