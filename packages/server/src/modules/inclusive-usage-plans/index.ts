import { defineModule } from '../module.ts'
import { inclusiveUsagePlanRoutes } from './inclusive-usage-plan.routes.ts'
import { inclusiveUsagePlanUseCases } from './inclusive-usage-plan.service.ts'

/** Inclusive usage plans (Pricing API, /v2). */
export const inclusiveUsagePlansModule = defineModule({
  name: 'inclusive-usage-plans',
  docs: 'pricing.md',
  permissions: [
    { permission: 'pricing:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'pricing:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => inclusiveUsagePlanRoutes(app, inclusiveUsagePlanUseCases(db)),
})

/** For the inclusive usage plan assignments: whether a plan exists, in one `lookUp` with other references. */
export { inclusiveUsagePlanLookup } from './inclusive-usage-plan.service.ts'
