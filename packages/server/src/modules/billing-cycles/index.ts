import { defineModule } from '../module.ts'
import { billingCycleRoutes } from './billing-cycle.routes.ts'
import { billingCycleUseCases, seedBillingCycle } from './billing-cycle.service.ts'

/** Billing cycles (Admin API). */
export const billingCyclesModule = defineModule({
  name: 'billing-cycles',
  docs: 'admin.md',
  permissions: [
    { permission: 'admin:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'admin:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => billingCycleRoutes(app, billingCycleUseCases(db)),
  seed: seedBillingCycle,
})

/** For other modules: a billing cycle's contract owner, or undefined when it does not exist. */
export { billingCycleOwner, billingCycleOwnerLookup } from './billing-cycle.service.ts'
