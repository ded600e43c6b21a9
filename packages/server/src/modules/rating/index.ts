import { defineModule } from '../module.ts'
import { ratedSellRecordRoutes } from './rated-sell-record.routes.ts'
import { ratedSellRecordUseCases } from './rated-sell-record.service.ts'

/**
 * Rating: what bill runs bill (the rules in docs/billing.md), plugged into the bill runs as their
 * work (app.ts), and the Rental API's rated sell records that show it.
 */
export const ratingModule = defineModule({
  name: 'rating',
  docs: 'rating.md',
  permissions: [{ permission: 'billruns:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] }],
  register: (app, { db }) => ratedSellRecordRoutes(app, ratedSellRecordUseCases(db)),
})

/** For app.ts: the bill runs' steps that rate and invoice. */
export { ratingBillRunWork } from './rating.work.ts'
