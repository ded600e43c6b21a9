import { defineModule } from '../module.ts'
import { invoiceSummaryTemplateComponentRoutes } from './invoice-summary-template-component.routes.ts'
import { invoiceSummaryTemplateComponentUseCases } from './invoice-summary-template-component.service.ts'
import { invoiceSummaryTemplateRoutes } from './invoice-summary-template.routes.ts'
import { invoiceSummaryTemplateUseCases } from './invoice-summary-template.service.ts'

/** Invoice summary templates and the components summaries show (Admin API). */
export const invoiceSummaryTemplatesModule = defineModule({
  name: 'invoice-summary-templates',
  docs: 'invoice-summary-templates.md',
  permissions: [
    { permission: 'admin:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'admin:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => {
    invoiceSummaryTemplateRoutes(app, invoiceSummaryTemplateUseCases(db))
    invoiceSummaryTemplateComponentRoutes(app, invoiceSummaryTemplateComponentUseCases(db))
  },
})

/** For other modules (document profiles, sites): which of some ids are the brand's summary templates, or components. */
export { invoiceSummaryTemplatesAmong } from './invoice-summary-template.service.ts'
export { invoiceSummaryTemplateComponentsAmong } from './invoice-summary-template-component.service.ts'
