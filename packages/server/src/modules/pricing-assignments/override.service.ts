import type { Database } from '../../db/database.ts'
import { rentalProductInventoryHolderLookup } from '../rental-product-inventories/index.ts'
import { usageProductInventoryHolderLookup } from '../usage-product-inventories/index.ts'
import type { DocumentOf } from '../../resources/fields.ts'
import { chargeGroupLookup } from '../charge-groups/index.ts'
import { rentalProductLookup } from '../rental-products/index.ts'
import { rentalRateRuleErrors } from '../rental-rates/index.ts'
import { supplierLookup } from '../suppliers/index.ts'
import { usageProductLookup } from '../usage-products/index.ts'
import { buyRentalRateOverrides, rentalRateOverrides, usageRateOverrides } from './assignment.repository.ts'
import { assignmentUseCases, type InventoryHolder } from './assignment.service.ts'
import type { ReferenceErrors } from '../../resources/references.ts'
import type { buyRentalRateOverrideFields, rentalRateOverrideFields, usageRateOverrideFields } from './override.fields.ts'

/** At INVENTORY level the override prices the item's own product: another product is 400. */
function expectHeldProduct(answers: Record<string, unknown>, productId: number, field: string, references: ReferenceErrors): void {
  const inventory = answers.inventory as InventoryHolder | undefined
  if (inventory !== undefined && inventory.productId !== productId) references.add(field, `must be the product of the inventory item (${inventory.productId})`)
}

const periodOf = (d: { startDate: string; endDate?: string | undefined }) => d

/** The rental price rules without the date order (the assignment checks that once). */
const priceRuleErrors = (d: Parameters<typeof rentalRateRuleErrors>[0]) => rentalRateRuleErrors({ ...d, endDate: undefined })

/**
 * Sell rental overrides: one price per product and price type at a time for one holder (a
 * product may have a RENTAL and a ONEOFF override at once), with the rental rates' rules.
 */
export function rentalRateOverrideUseCases(db: Database) {
  return assignmentUseCases(db, rentalRateOverrides, {
    table: 'rental_rate_overrides',
    noun: 'Rental rate override',
    inventoryField: 'rentalProductInventoryId',
    inventoryColumn: 'rental_product_inventory_id',
    inventoryLookup: rentalProductInventoryHolderLookup,
    holder: (d: DocumentOf<typeof rentalRateOverrideFields>) => ({ assignmentLevel: d.assignmentLevel, customerId: d.customerId, siteId: d.siteId, inventoryId: d.rentalProductInventoryId }),
    period: periodOf,
    ruleErrors: priceRuleErrors,
    lookups: (d) => ({ product: rentalProductLookup(d.rentalProductId) }),
    resolve(d, answers, references) {
      references.expect(answers.product !== undefined, 'rentalProductId', `rental product ${d.rentalProductId} does not exist`)
      expectHeldProduct(answers, d.rentalProductId, 'rentalProductId', references)
      return { series: { rental_product_id: d.rentalProductId, rental_rate_price_type: d.rentalRatePriceType } }
    },
  })
}

/** Buy rental overrides: published for one rental product inventory item, one price per price type at a time. */
export function buyRentalRateOverrideUseCases(db: Database) {
  return assignmentUseCases(db, buyRentalRateOverrides, {
    table: 'buy_rental_rate_overrides',
    noun: 'Buy rental rate override',
    inventoryField: 'rentalProductInventoryId',
    inventoryColumn: 'rental_product_inventory_id',
    inventoryLookup: rentalProductInventoryHolderLookup,
    holder: (d: DocumentOf<typeof buyRentalRateOverrideFields>) => ({ assignmentLevel: 'INVENTORY', inventoryId: d.rentalProductInventoryId }),
    period: periodOf,
    ruleErrors: priceRuleErrors,
    lookups: () => ({}),
    resolve: (d) => ({ series: { rental_rate_price_type: d.rentalRatePriceType }, extra: { assignment_level: 'INVENTORY' } }),
  })
}

/** Usage overrides: one set of prices per usage product and charge group at a time for one holder. */
export function usageRateOverrideUseCases(db: Database) {
  return assignmentUseCases(db, usageRateOverrides, {
    table: 'usage_rate_overrides',
    noun: 'Usage rate override',
    inventoryField: 'usageProductInventoryId',
    inventoryColumn: 'usage_product_inventory_id',
    inventoryLookup: usageProductInventoryHolderLookup,
    holder: (d: DocumentOf<typeof usageRateOverrideFields>) => ({ assignmentLevel: d.assignmentLevel, customerId: d.customerId, siteId: d.siteId, inventoryId: d.usageProductInventoryId }),
    period: periodOf,
    lookups: (d) => ({
      product: usageProductLookup(d.usageProductId),
      chargeGroup: chargeGroupLookup(d.chargeGroupId),
      ...(d.supplierId === undefined ? {} : { supplier: supplierLookup(d.supplierId) }),
    }),
    resolve(d, answers, references) {
      references.expect(answers.product !== undefined, 'usageProductId', `usage product ${d.usageProductId} does not exist`)
      expectHeldProduct(answers, d.usageProductId, 'usageProductId', references)
      references.expect(answers.chargeGroup !== undefined, 'chargeGroupId', `charge group ${d.chargeGroupId} does not exist`)
      if (d.supplierId !== undefined) references.expect(answers.supplier !== undefined, 'supplierId', `supplier ${d.supplierId} does not exist`)
      return { series: { usage_product_id: d.usageProductId, charge_group_id: d.chargeGroupId } }
    },
  })
}
