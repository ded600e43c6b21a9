import { defineModule } from '../module.ts'
import { usageProductCategoryRoutes } from './usage-product-category.routes.ts'
import { usageProductCategoryUseCases } from './usage-product-category.service.ts'

/** Usage product categories (Products API, /v2). */
export const usageProductCategoriesModule = defineModule({
  name: 'usage-product-categories',
  docs: 'products.md',
  permissions: [
    { permission: 'products:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'products:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => usageProductCategoryRoutes(app, usageProductCategoryUseCases(db)),
})

/** For other modules (usage products, product custom fields): whether a usage product category exists, and which of some ids do. */
export { usageProductCategoriesAmong, usageProductCategoryLookup } from './usage-product-category.service.ts'
