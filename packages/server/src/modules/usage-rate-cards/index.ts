import { defineModule } from '../module.ts'
import { usageRateCardRoutes } from './usage-rate-card.routes.ts'
import { usageRateCardUseCases } from './usage-rate-card.service.ts'

/** Usage rate cards (Pricing API, /v2). */
export const usageRateCardsModule = defineModule({
  name: 'usage-rate-cards',
  docs: 'pricing.md',
  permissions: [
    { permission: 'pricing:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'pricing:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => usageRateCardRoutes(app, usageRateCardUseCases(db)),
})

/** For the usage rate card assignments: the usage product of a card that prices sales. */
export { sellUsageRateCardProductLookup } from './usage-rate-card.service.ts'
