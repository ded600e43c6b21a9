import type { Database } from '../../db/database.ts'
import { rentalProductInventoryHolderLookup } from '../rental-product-inventories/index.ts'
import { usageProductInventoryHolderLookup } from '../usage-product-inventories/index.ts'
import type { DocumentOf } from '../../resources/fields.ts'
import { inclusiveUsagePlanLookup } from '../inclusive-usage-plans/index.ts'
import { sellRentalRateCardCategoryLookup } from '../rental-rate-cards/index.ts'
import { sellUsageRateCardProductLookup } from '../usage-rate-cards/index.ts'
import type { inclusiveUsagePlanAssignmentFields, rentalRateCardAssignmentFields, usageRateCardAssignmentFields } from './assignment.fields.ts'
import { inclusiveUsagePlanAssignments, rentalRateCardAssignments, usageRateCardAssignments } from './assignment.repository.ts'
import { assignmentUseCases } from './assignment.service.ts'

const periodOf = (d: { startDate: string; endDate?: string | undefined }) => d
const notABuyCard = 'does not exist, or is a BUY card (only SELL and TEMPLATE cards price sales)'

/**
 * Rental rate cards at a level: one card per rental product category at a time for one holder
 * (a customer may have a broadband card and a phone-line card, not two broadband cards at once).
 */
export function rentalRateCardAssignmentUseCases(db: Database) {
  return assignmentUseCases(db, rentalRateCardAssignments, {
    table: 'rental_rate_card_assignments',
    noun: 'Rental rate card assignment',
    inventoryField: 'rentalProductInventoryId',
    inventoryColumn: 'rental_product_inventory_id',
    inventoryLookup: rentalProductInventoryHolderLookup,
    holder: (d: DocumentOf<typeof rentalRateCardAssignmentFields>) => ({ assignmentLevel: d.assignmentLevel, customerId: d.customerId, siteId: d.siteId, inventoryId: d.rentalProductInventoryId }),
    period: periodOf,
    lookups: (d) => ({ category: sellRentalRateCardCategoryLookup(d.rentalRateCardId) }),
    resolve(d, answers, references) {
      const category = answers.category as number | undefined
      references.expect(category !== undefined, 'rentalRateCardId', `rental rate card ${d.rentalRateCardId} ${notABuyCard}`)
      return { series: { rental_product_category_id: Number(category ?? 0) }, extra: { rental_product_category_id: category } }
    },
  })
}

/** Usage rate cards at a level: one card per usage product and assignment type at a time for one holder. */
export function usageRateCardAssignmentUseCases(db: Database) {
  return assignmentUseCases(db, usageRateCardAssignments, {
    table: 'usage_rate_card_assignments',
    noun: 'Usage rate card assignment',
    inventoryField: 'usageProductInventoryId',
    inventoryColumn: 'usage_product_inventory_id',
    inventoryLookup: usageProductInventoryHolderLookup,
    holder: (d: DocumentOf<typeof usageRateCardAssignmentFields>) => ({ assignmentLevel: d.assignmentLevel, customerId: d.customerId, siteId: d.siteId, inventoryId: d.usageProductInventoryId }),
    period: periodOf,
    lookups: (d) => ({ product: sellUsageRateCardProductLookup(d.usageRateCardId) }),
    resolve(d, answers, references) {
      const product = answers.product as number | undefined
      references.expect(product !== undefined, 'usageRateCardId', `usage rate card ${d.usageRateCardId} ${notABuyCard}`)
      return { series: { usage_product_id: Number(product ?? 0), assignment_type: d.assignmentType ?? 'INVOICE' }, extra: { usage_product_id: product } }
    },
  })
}

/**
 * Inclusive usage plans at a level: plans add up (a site's plan is in addition to its customer's),
 * so only the same plan twice at once for one holder overlaps.
 */
export function inclusiveUsagePlanAssignmentUseCases(db: Database) {
  return assignmentUseCases(db, inclusiveUsagePlanAssignments, {
    table: 'inclusive_usage_plan_assignments',
    noun: 'Inclusive usage plan assignment',
    inventoryField: 'usageProductInventoryId',
    inventoryColumn: 'usage_product_inventory_id',
    inventoryLookup: usageProductInventoryHolderLookup,
    holder: (d: DocumentOf<typeof inclusiveUsagePlanAssignmentFields>) => ({ assignmentLevel: d.assignmentLevel, customerId: d.customerId, siteId: d.siteId, inventoryId: d.usageProductInventoryId }),
    period: periodOf,
    lookups: (d) => ({ plan: inclusiveUsagePlanLookup(d.inclusiveUsagePlanId) }),
    resolve(d, answers, references) {
      references.expect(answers.plan !== undefined, 'inclusiveUsagePlanId', `inclusive usage plan ${d.inclusiveUsagePlanId} does not exist`)
      return { series: { inclusive_usage_plan_id: d.inclusiveUsagePlanId } }
    },
  })
}
