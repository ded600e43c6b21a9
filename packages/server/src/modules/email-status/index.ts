import { defineModule } from '../module.ts'
import { emailStatusRoutes } from './email-status.routes.ts'
import { emailStatusUseCases } from './email-status.service.ts'

/** The Notifications API: the status of the emails the server sent (invoice emails). */
export const emailStatusModule = defineModule({
  name: 'email-status',
  docs: 'notifications.md',
  permissions: [{ permission: 'notifications:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] }],
  register: (app, { db }) => emailStatusRoutes(app, emailStatusUseCases(db)),
})

/** For other modules (invoices): records sent emails in the list, in the sender's transaction. */
export { insertEmailRecords as recordEmails, type EmailRecord } from './email-status.service.ts'
