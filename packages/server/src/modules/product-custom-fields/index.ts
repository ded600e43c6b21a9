import { defineModule } from '../module.ts'
import { productCustomFieldRoutes } from './product-custom-field.routes.ts'
import { productCustomFieldUseCases } from './product-custom-field.service.ts'

/** Product custom fields (Products API, /v2). */
export const productCustomFieldsModule = defineModule({
  name: 'product-custom-fields',
  docs: 'products.md',
  permissions: [
    { permission: 'products:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'products:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => productCustomFieldRoutes(app, productCustomFieldUseCases(db)),
})
