import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { adhocInventoryResource } from './adhoc-inventory.fields.ts'
import type { adhocInventoryUseCases } from './adhoc-inventory.service.ts'

/** Adhoc inventories (Product Inventory API, /v2): list, exists-check, create, get, update (JSON Patch only); no delete, as published. */
export function adhocInventoryRoutes(app: FastifyInstance, useCases: ReturnType<typeof adhocInventoryUseCases>): void {
  crudRoutes(app, {
    path: '/v2/adhoc-inventories',
    param: 'adhocInventoryId',
    tag: 'adhoc-inventories',
    sdkType: 'AdhocInventory',
    resource: adhocInventoryResource,
    permissions: { read: 'inventory:read', write: 'inventory:write' },
    operations: { list: 'getAdhocInventories', exists: 'checkAdhocInventory', get: 'getAdhocInventory', create: 'createAdhocInventory', update: 'updateAdhocInventory' },
    patchFormats: ['json-patch'],
    useCases,
  })
}
