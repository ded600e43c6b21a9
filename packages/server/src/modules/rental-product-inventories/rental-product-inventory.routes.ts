import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { createRoute } from '../../http/routes/write-routes.ts'
import { StringEnum } from '../../resources/schemas.ts'
import { rentalProductInventoryResource } from './rental-product-inventory.fields.ts'
import type { rentalProductInventoryUseCases } from './rental-product-inventory.service.ts'

const PATH = '/v2/rental-product-inventories'
const base = { tag: 'rental-product-inventories', sdkType: 'RentalProductInventory' } as const

/** The published header of the create: "true" skips the RPIs generated for the product's children. */
const CreateHeaders = Type.Object({
  disable_adding_linked_rentals: Type.Optional(
    StringEnum(['true', 'false'] as const, { description: 'true: do not add the rental product inventories of the child products marked generateWhenParentCreated' }),
  ),
})

/**
 * Rental product inventories (Product Inventory API, /v2): list, exists-check, create, get, update
 * (JSON Patch only, as published: a merge patch is 415) and delete.
 */
export function rentalProductInventoryRoutes(app: FastifyInstance, useCases: ReturnType<typeof rentalProductInventoryUseCases>): void {
  const resource = rentalProductInventoryResource
  crudRoutes(app, {
    ...base,
    path: PATH,
    param: 'rentalProductInventoryId',
    resource,
    permissions: { read: 'inventory:read', write: 'inventory:write' },
    operations: {
      list: 'getRentalProductInventories',
      exists: 'checkRentalProductInventory',
      get: 'getRentalProductInventory',
      update: 'updateRentalProductInventory',
      delete: 'deleteRentalProductInventory',
    },
    patchFormats: ['json-patch'],
    useCases,
  })
  createRoute(app, {
    ...base,
    permission: 'inventory:write',
    path: PATH,
    operationId: 'createRentalProductInventory',
    summary: 'Create a rental product inventory, with those of its child products marked generateWhenParentCreated',
    body: resource.createBody,
    response: resource.schema,
    headers: CreateHeaders,
    handler: (actor, body, _params, headers) => useCases.create(actor, body, { addLinkedRentals: headers.disable_adding_linked_rentals !== 'true' }),
  })
}
