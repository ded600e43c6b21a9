import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { usageProductCategoryResource } from './usage-product-category.fields.ts'
import type { usageProductCategoryUseCases } from './usage-product-category.service.ts'

/** Usage product categories (Products API, /v2, not published: modelled on the rental ones). PATCH takes JSON Patch only. */
export function usageProductCategoryRoutes(app: FastifyInstance, useCases: ReturnType<typeof usageProductCategoryUseCases>): void {
  crudRoutes(app, {
    path: '/v2/usage-product-categories',
    param: 'usageProductCategoryId',
    tag: 'usage-product-categories',
    sdkType: 'UsageProductCategory',
    resource: usageProductCategoryResource,
    permissions: { read: 'products:read', write: 'products:write' },
    operations: {
      list: 'getUsageProductCategories',
      exists: 'checkUsageProductCategory',
      get: 'getUsageProductCategory',
      create: 'createUsageProductCategory',
      update: 'updateUsageProductCategory',
      delete: 'deleteUsageProductCategory',
    },
    patchFormats: ['json-patch'],
    useCases,
  })
}
