import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { rentalProductResource } from './rental-product.fields.ts'
import type { rentalProductUseCases } from './rental-product.service.ts'

/** Rental products (Products API, /v2): no delete, as published; PATCH takes JSON Patch only. */
export function rentalProductRoutes(app: FastifyInstance, useCases: ReturnType<typeof rentalProductUseCases>): void {
  crudRoutes(app, {
    path: '/v2/rental-products',
    param: 'rentalProductId',
    tag: 'rental-products',
    sdkType: 'RentalProduct',
    resource: rentalProductResource,
    permissions: { read: 'products:read', write: 'products:write' },
    operations: { list: 'getRentalProducts', exists: 'checkRentalProduct', get: 'getRentalProduct', create: 'createRentalProduct', update: 'updateRentalProduct' },
    patchFormats: ['json-patch'],
    useCases,
  })
}
