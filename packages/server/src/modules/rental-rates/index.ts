import { defineModule } from '../module.ts'
import { rentalRateRoutes } from './rental-rate.routes.ts'
import { rentalRateUseCases } from './rental-rate.service.ts'

/** Rental rates (Pricing API, /v2): the rates of the rental rate cards. */
export const rentalRatesModule = defineModule({
  name: 'rental-rates',
  docs: 'pricing.md',
  permissions: [
    { permission: 'pricing:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'pricing:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => rentalRateRoutes(app, rentalRateUseCases(db)),
})

/** For the rental rate cards, which answer their rates and take new ones; the rates' enums and price range for the bolt-on charges and the rental rate overrides. */
export { PERIODS_IN_ADVANCE, RENTAL_PRICE, RENTAL_RATE_FREQUENCIES, RENTAL_RATE_PRICE_TYPES, RENTAL_RATE_TYPES, rentalRateResource } from './rental-rate.fields.ts'
export { rentalRateRows } from './rental-rate.service.ts'
export { addRentalRates, validateNewRates, type NewRentalRate } from './rental-rate.service.ts'

/** For the rental rate overrides (Pricing Assignment API): the published rules of a rental price. */
export { rentalRateRuleErrors } from './rental-rate.service.ts'
