import type { FastifyInstance } from 'fastify'
import { crudRoutes, idParams } from '../../http/routes/crud-routes.ts'
import { patchRoute } from '../../http/routes/item-routes.ts'
import { usageProductInventoryResource, usageProductReferenceResource } from './usage-product-inventory.fields.ts'
import type { usageProductInventoryUseCases } from './usage-product-inventory.service.ts'

/**
 * Usage product inventories (Product Inventory API, /v2): list, exists-check, create, get and
 * update (JSON Patch only, as published), and the update of one product reference. No delete is
 * published: a UPI is ended with an endDate.
 */
export function usageProductInventoryRoutes(app: FastifyInstance, useCases: ReturnType<typeof usageProductInventoryUseCases>): void {
  crudRoutes(app, {
    path: '/v2/usage-product-inventories',
    param: 'usageProductInventoryId',
    tag: 'usage-product-inventories',
    sdkType: 'UsageProductInventory',
    resource: usageProductInventoryResource,
    permissions: { read: 'inventory:read', write: 'inventory:write' },
    operations: {
      list: 'getUsageProductInventories',
      exists: 'checkUsageProductInventory',
      get: 'getUsageProductInventory',
      create: 'createUsageProductInventory',
      update: 'updateUsageProductInventory',
    },
    patchFormats: ['json-patch'],
    useCases,
  })
  patchRoute(app, {
    path: '/v2/usage-product-references/:productReferenceId',
    operationId: 'updateUsageProductReference',
    summary: 'Update a UPI product reference (JSON Patch), under the rules of its usage product inventory',
    tag: 'usage-product-references',
    sdkType: 'UsageProductReference',
    permission: 'inventory:write',
    params: idParams('productReferenceId'),
    formats: ['json-patch'],
    response: usageProductReferenceResource.schema,
    document: usageProductReferenceResource.document,
    handler: (actor, params, patch) => useCases.updateReference(actor, params.productReferenceId, patch),
  })
}
