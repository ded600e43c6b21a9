import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { productCustomFieldResource } from './product-custom-field.fields.ts'
import type { productCustomFieldUseCases } from './product-custom-field.service.ts'

/** Product custom fields (Products API, /v2): the list as published; the rest for administrators. PATCH takes JSON Patch only. */
export function productCustomFieldRoutes(app: FastifyInstance, useCases: ReturnType<typeof productCustomFieldUseCases>): void {
  crudRoutes(app, {
    path: '/v2/product-custom-fields',
    param: 'productCustomFieldId',
    tag: 'product-custom-fields',
    sdkType: 'ProductCustomField',
    resource: productCustomFieldResource,
    permissions: { read: 'products:read', write: 'products:write' },
    operations: {
      list: 'getProductCustomFields',
      exists: 'checkProductCustomField',
      get: 'getProductCustomField',
      create: 'createProductCustomField',
      update: 'updateProductCustomField',
      delete: 'deleteProductCustomField',
    },
    patchFormats: ['json-patch'],
    useCases,
  })
}
