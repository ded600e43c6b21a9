import { defineModule } from '../module.ts'
import { electronicSummaryTemplateRoutes } from './electronic-summary-template.routes.ts'
import { electronicSummaryTemplateUseCases } from './electronic-summary-template.service.ts'

/** Electronic summary templates (Admin API). */
export const electronicSummaryTemplatesModule = defineModule({
  name: 'electronic-summary-templates',
  docs: 'electronic-summary-templates.md',
  permissions: [
    { permission: 'admin:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'admin:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => electronicSummaryTemplateRoutes(app, electronicSummaryTemplateUseCases(db)),
})

/** For other modules (document profiles, sites): which of some ids are the brand's electronic summary templates. */
export { electronicSummaryTemplatesAmong } from './electronic-summary-template.service.ts'
