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

/** For the rental rate cards, which answer their rates and take new ones; the rates' enums and price range for the bolt-on charges. */
export { PERIODS_IN_ADVANCE, RENTAL_PRICE, RENTAL_RATE_FREQUENCIES, RENTAL_RATE_TYPES, rentalRateResource } from './rental-rate.fields.ts'
export { rentalRateRows } from './rental-rate.service.ts'
export { addRentalRates, validateNewRates, type NewRentalRate } from './rental-rate.service.ts'
