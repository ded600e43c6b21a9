import { defineModule } from '../module.ts'
import { emailTemplateRoutes } from './email-template.routes.ts'
import { emailTemplateUseCases } from './email-template.service.ts'

/** Email templates (Admin API). */
export const emailTemplatesModule = defineModule({
  name: 'email-templates',
  docs: 'email-templates.md',
  permissions: [
    { permission: 'admin:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'admin:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => emailTemplateRoutes(app, emailTemplateUseCases(db)),
})
