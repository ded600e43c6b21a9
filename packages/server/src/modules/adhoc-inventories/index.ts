import { defineModule } from '../module.ts'
import { adhocInventoryRoutes } from './adhoc-inventory.routes.ts'
import { adhocInventoryUseCases } from './adhoc-inventory.service.ts'

/** Adhoc inventories (Product Inventory API, /v2): one-off charges, discounts and refunds on sites. */
export const adhocInventoriesModule = defineModule({
  name: 'adhoc-inventories',
  docs: 'product-inventory.md',
  permissions: [
    { permission: 'inventory:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'inventory:write', roles: ['Administrator', 'Customer Manager'] },
  ],
  register: (app, { db }) => adhocInventoryRoutes(app, adhocInventoryUseCases(db)),
})

/**
 * For billing: whether an adhoc inventory exists (`lookUp`), the unbilled ones of some sites
 * (for the next bill run, or billed immediately: an adhoc bill run) in one query, and marking
 * those a run billed (once), and releasing them when the run is reopened.
 */
export { adhocInventoryLookup, markAdhocInventoriesBilled, releaseAdhocInventoriesBilled, unbilledAdhocInventories, type BillableAdhocInventory } from './adhoc-inventory.service.ts'
