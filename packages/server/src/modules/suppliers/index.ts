import { defineModule } from '../module.ts'
import { supplierAccountRoutes } from './supplier-account.routes.ts'
import { supplierAccountUseCases } from './supplier-account.service.ts'
import { supplierRoutes } from './supplier.routes.ts'
import { supplierUseCases } from './supplier.service.ts'

/** Suppliers and their accounts (Admin API). */
export const suppliersModule = defineModule({
  name: 'suppliers',
  docs: 'suppliers.md',
  permissions: [
    { permission: 'admin:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'admin:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => {
    supplierRoutes(app, supplierUseCases(db))
    supplierAccountRoutes(app, supplierAccountUseCases(db))
  },
})

/** For other modules (products): whether a supplier, or a supplier account, exists in the brand. */
export { supplierAccountExists, supplierExists } from './supplier.service.ts'
