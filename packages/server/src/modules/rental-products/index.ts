import { defineModule } from '../module.ts'
import { rentalProductRoutes } from './rental-product.routes.ts'
import { rentalProductUseCases } from './rental-product.service.ts'

/** Rental products (Products API, /v2). */
export const rentalProductsModule = defineModule({
  name: 'rental-products',
  docs: 'products.md',
  permissions: [
    { permission: 'products:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'products:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => rentalProductRoutes(app, rentalProductUseCases(db)),
})

/**
 * For other modules (rental rates, inventory): whether a rental product exists, which of some ids do,
 * its terms (type, availability, reference rules, inventory defaults) and the children generated with it.
 */
export { generatedChildrenLookup, rentalProductLookup, rentalProductsAmong, rentalProductTermsLookup, type RentalProductTerms } from './rental-product.service.ts'
