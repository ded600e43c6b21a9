import { defineModule } from '../module.ts'
import { rentalRateCardRoutes } from './rental-rate-card.routes.ts'
import { rentalRateCardUseCases } from './rental-rate-card.service.ts'

/** Rental rate cards (Pricing API, /v2). */
export const rentalRateCardsModule = defineModule({
  name: 'rental-rate-cards',
  docs: 'pricing.md',
  permissions: [
    { permission: 'pricing:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'pricing:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => rentalRateCardRoutes(app, rentalRateCardUseCases(db)),
})

/** For the usage rate cards: a card's owners bill in one currency; the published contractOwnerId filter on an owner list. */
export { contractOwnerConditions, currencyErrors } from './rental-rate-card.service.ts'

/** For the rental rate card assignments: the category of a card that prices sales. */
export { sellRentalRateCardCategoryLookup } from './rental-rate-card.service.ts'
