import { defineModule } from '../module.ts'
import { rentalProductInventoryRoutes } from './rental-product-inventory.routes.ts'
import { rentalProductInventoryUseCases } from './rental-product-inventory.service.ts'

/** Rental product inventories (Product Inventory API, /v2): rental products on customers' sites. */
export const rentalProductInventoriesModule = defineModule({
  name: 'rental-product-inventories',
  docs: 'product-inventory.md',
  permissions: [
    { permission: 'inventory:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'inventory:write', roles: ['Administrator', 'Customer Manager'] },
  ],
  register: (app, { db }) => rentalProductInventoryRoutes(app, rentalProductInventoryUseCases(db)),
})

/**
 * For other modules: whether an RPI exists (`lookUp`), and the billable RPIs of some sites for a
 * bill period in one query (what a bill run rates).
 */
export {
  billableRentalProductInventories,
  rentalProductInventoryHolderLookup,
  rentalProductInventoryLookup,
  type BillableRentalProductInventory,
} from './rental-product-inventory.service.ts'
