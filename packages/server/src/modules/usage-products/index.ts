import { defineModule } from '../module.ts'
import { usageProductRoutes } from './usage-product.routes.ts'
import { usageProductUseCases } from './usage-product.service.ts'

/** Usage products (Products API, /v2). */
export const usageProductsModule = defineModule({
  name: 'usage-products',
  docs: 'products.md',
  permissions: [
    { permission: 'products:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'products:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => usageProductRoutes(app, usageProductUseCases(db)),
})

/** For other modules (rental products, usage rates, inventory): whether a usage product exists, and its terms (availability, reference formats). */
export { usageProductLookup, usageProductTermsLookup, type UsageProductTerms } from './usage-product.service.ts'
