import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { rentalProductCategoryResource } from './rental-product-category.fields.ts'
import type { rentalProductCategoryUseCases } from './rental-product-category.service.ts'

/** Rental product categories (Products API, /v2): PATCH takes JSON Patch only, as published. */
export function rentalProductCategoryRoutes(app: FastifyInstance, useCases: ReturnType<typeof rentalProductCategoryUseCases>): void {
  crudRoutes(app, {
    path: '/v2/rental-product-categories',
    param: 'rentalProductCategoryId',
    tag: 'rental-product-categories',
    sdkType: 'RentalProductCategory',
    resource: rentalProductCategoryResource,
    permissions: { read: 'products:read', write: 'products:write' },
    operations: {
      list: 'getRentalProductCategories',
      exists: 'checkRentalProductCategory',
      get: 'getRentalProductCategory',
      create: 'createRentalCategory',
      update: 'updateRentalProductCategory',
      delete: 'deleteRentalProductCategory',
    },
    patchFormats: ['json-patch'],
    useCases,
  })
}
