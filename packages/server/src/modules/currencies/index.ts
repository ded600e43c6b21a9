import { defineModule } from '../module.ts'
import { currencyRoutes } from './currency.routes.ts'
import { currencyUseCases, seedCurrencies } from './currency.service.ts'

/** Currencies (Reference Data API): a brand starts with ISO 4217. */
export const currenciesModule = defineModule({
  name: 'currencies',
  docs: 'currencies.md',
  permissions: [
    { permission: 'reference-data:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'reference-data:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => currencyRoutes(app, currencyUseCases(db)),
  seed: seedCurrencies,
})
