import { defineModule } from '../module.ts'
import { adminContactRoutes } from './admin-contact.routes.ts'
import { adminContactUseCases } from './admin-contact.service.ts'

/** Admin contacts (Admin API). */
export const adminContactsModule = defineModule({
  name: 'admin-contacts',
  docs: 'admin-contacts.md',
  permissions: [
    { permission: 'admin:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'admin:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => adminContactRoutes(app, adminContactUseCases(db)),
})
