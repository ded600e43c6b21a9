import { defineModule } from '../module.ts'
import { taxBandRoutes } from './tax-band.routes.ts'
import { seedTaxBands, taxBandRateUseCases, taxBandUseCases } from './tax-band.service.ts'

/** Tax bands and their rates over time (Reference Data API): a brand starts with a standard band. */
export const taxBandsModule = defineModule({
  name: 'tax-bands',
  docs: 'tax-bands.md',
  permissions: [
    { permission: 'reference-data:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'reference-data:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => taxBandRoutes(app, taxBandUseCases(db), taxBandRateUseCases(db)),
  seed: seedTaxBands,
})
