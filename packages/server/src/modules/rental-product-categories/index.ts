import { defineModule } from '../module.ts'
import { rentalProductCategoryRoutes } from './rental-product-category.routes.ts'
import { rentalProductCategoryUseCases } from './rental-product-category.service.ts'

/** Rental product categories (Products API, /v2). */
export const rentalProductCategoriesModule = defineModule({
  name: 'rental-product-categories',
  docs: 'products.md',
  permissions: [
    { permission: 'products:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'products:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => rentalProductCategoryRoutes(app, rentalProductCategoryUseCases(db)),
})

/**
 * For other modules (rental products, rate cards): whether a category is maintained by SI (undefined:
 * no such category), which of some ids are categories, and the 409 a change under an SI category gets.
 */
export { rentalProductCategoriesAmong, rentalProductCategoryLookup, siMaintainedError } from './rental-product-category.service.ts'
