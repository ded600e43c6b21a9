import { defineModule } from '../module.ts'
import { invoiceDocumentProfileRoutes } from './invoice-document-profile.routes.ts'
import { invoiceDocumentProfileUseCases } from './invoice-document-profile.service.ts'

/** Invoice document profiles (Admin API). */
export const invoiceDocumentProfilesModule = defineModule({
  name: 'invoice-document-profiles',
  docs: 'invoice-document-profiles.md',
  permissions: [
    { permission: 'admin:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'admin:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => invoiceDocumentProfileRoutes(app, invoiceDocumentProfileUseCases(db)),
})
