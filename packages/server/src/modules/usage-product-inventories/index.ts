import { defineModule } from '../module.ts'
import { usageProductInventoryRoutes } from './usage-product-inventory.routes.ts'
import { usageProductInventoryUseCases } from './usage-product-inventory.service.ts'

/** Usage product inventories and their product references (Product Inventory API, /v2). */
export const usageProductInventoriesModule = defineModule({
  name: 'usage-product-inventories',
  docs: 'product-inventory.md',
  permissions: [
    { permission: 'inventory:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'inventory:write', roles: ['Administrator', 'Customer Manager'] },
  ],
  register: (app, { db }) => usageProductInventoryRoutes(app, usageProductInventoryUseCases(db)),
})

/** For other modules (mediation, billing): whether a UPI exists (`lookUp`). */
export { usageProductInventoryHolderLookup, usageProductInventoryLookup } from './usage-product-inventory.service.ts'
