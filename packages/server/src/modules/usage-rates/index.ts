import { defineModule } from '../module.ts'
import { usageRateRoutes } from './usage-rate.routes.ts'
import { usageRateUseCases } from './usage-rate.service.ts'

/** Usage rates (Pricing API, /v2): the rates of the usage rate cards. */
export const usageRatesModule = defineModule({
  name: 'usage-rates',
  docs: 'pricing.md',
  permissions: [
    { permission: 'pricing:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'pricing:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => usageRateRoutes(app, usageRateUseCases(db)),
})

/** For the usage rate cards, which answer their rates and take new ones. */
export { usageRateResource } from './usage-rate.fields.ts'
export { addUsageRates, usageRateRows, validateNewUsageRates, type NewUsageRate } from './usage-rate.service.ts'
