import { defineModule } from '../module.ts'
import { customerRoutes } from './customer.routes.ts'
import { customerUseCases } from './customer.service.ts'
import { siteRoutes } from './site.routes.ts'
import { siteUseCases } from './site.service.ts'

/** The Customer and Sites API: customers, created with their first sites, and sites. */
export const customersModule = defineModule({
  name: 'customers',
  docs: 'customers-and-sites.md',
  permissions: [
    { permission: 'customers:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'customers:write', roles: ['Administrator', 'Customer Manager'] },
  ],
  register(app, { db }) {
    customerRoutes(app, customerUseCases(db))
    siteRoutes(app, siteUseCases(db))
  },
})

/** For the pricing assignments: a customer's and a site's contract owner, a site's customer (each in one `lookUp` with other references), and contract-owner scope through a customer. */
export { customerOwnerLookup, customerScopeConditions, siteCustomerLookup, siteOwnerLookup } from './customer.service.ts'

/** For other modules (inventory): a site's contract owner and live dates, and contract-owner scope through a site. */
export { siteScopeConditions, siteTermsLookup, type SiteTerms } from './site.service.ts'
