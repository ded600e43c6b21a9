import { defineModule } from '../module.ts'
import { invoiceTemplateRoutes } from './invoice-template.routes.ts'
import { invoiceTemplateUseCases } from './invoice-template.service.ts'

/** Invoice templates (Admin API). */
export const invoiceTemplatesModule = defineModule({
  name: 'invoice-templates',
  docs: 'invoice-templates.md',
  permissions: [
    { permission: 'admin:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'admin:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => invoiceTemplateRoutes(app, invoiceTemplateUseCases(db)),
})

/** For other modules (document profiles, sites): which of some ids are the brand's invoice templates. */
export { invoiceTemplatesAmong } from './invoice-template.service.ts'
