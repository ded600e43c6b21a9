import { defineModule } from '../module.ts'
import { pricingAssignmentRoutes } from './assignment.routes.ts'
import { inclusiveUsagePlanAssignmentUseCases, rentalRateCardAssignmentUseCases, usageRateCardAssignmentUseCases } from './card-assignment.service.ts'
import { buyRentalRateOverrideUseCases, rentalRateOverrideUseCases, usageRateOverrideUseCases } from './override.service.ts'

/** The Pricing Assignment API (/v1): rate cards, inclusive usage plans and rate overrides at customer, site and inventory level. */
export const pricingAssignmentsModule = defineModule({
  name: 'pricing-assignments',
  docs: 'pricing-assignment.md',
  permissions: [
    { permission: 'pricing:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'pricing:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) =>
    pricingAssignmentRoutes(app, {
      rentalRateCardAssignments: rentalRateCardAssignmentUseCases(db),
      usageRateCardAssignments: usageRateCardAssignmentUseCases(db),
      inclusiveUsagePlanAssignments: inclusiveUsagePlanAssignmentUseCases(db),
      rentalRateOverrides: rentalRateOverrideUseCases(db),
      buyRentalRateOverrides: buyRentalRateOverrideUseCases(db),
      usageRateOverrides: usageRateOverrideUseCases(db),
    }),
})

/**
 * For billing: which price applies to a product held by an inventory item on a date (pure), and
 * the candidates of a whole bill run loaded in one query.
 */
export { applicablePrice, applicableOverride, rateCardPrice, covers, holds, LEVEL_RANK } from './precedence.ts'
export type { AppliedPrice, CardAssignmentCandidate, ChargeTerms, OverrideCandidate, PriceCandidates, PricedItem, RateCandidate } from './precedence.ts'
export { loadRentalPriceCandidates, type HeldItem } from './precedence.service.ts'
export { ASSIGNMENT_LEVELS, type AssignmentLevel } from './levels.ts'
