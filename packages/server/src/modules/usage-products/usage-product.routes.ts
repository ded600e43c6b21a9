import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { usageProductResource } from './usage-product.fields.ts'
import type { usageProductUseCases } from './usage-product.service.ts'

/** Usage products (Products API, /v2): no delete, as published; PATCH takes JSON Patch only. */
export function usageProductRoutes(app: FastifyInstance, useCases: ReturnType<typeof usageProductUseCases>): void {
  crudRoutes(app, {
    path: '/v2/usage-products',
    param: 'usageProductId',
    tag: 'usage-products',
    sdkType: 'UsageProduct',
    resource: usageProductResource,
    permissions: { read: 'products:read', write: 'products:write' },
    operations: { list: 'getUsageProducts', exists: 'checkUsageProduct', get: 'getUsageProduct', create: 'createUsageProduct', update: 'updateUsageProduct' },
    patchFormats: ['json-patch'],
    useCases,
  })
}
