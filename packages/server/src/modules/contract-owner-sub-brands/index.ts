import { defineModule } from '../module.ts'
import { subBrandRoutes } from './sub-brand.routes.ts'
import { seedSubBrand, subBrandUseCases } from './sub-brand.service.ts'

/** Contract-owner sub-brands (Admin API). */
export const subBrandsModule = defineModule({
  name: 'contract-owner-sub-brands',
  docs: 'admin.md',
  permissions: [
    { permission: 'admin:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'admin:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => subBrandRoutes(app, subBrandUseCases(db)),
  seed: seedSubBrand,
})

/** For other modules: a sub-brand's owner, a contract owner's default sub-brand, account numbers. */
export { defaultSubBrand, defaultSubBrandLookup, nextAccountNumber, subBrandOwner, subBrandOwnerLookup } from './sub-brand.service.ts'
