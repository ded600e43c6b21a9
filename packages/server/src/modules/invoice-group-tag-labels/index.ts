import { defineModule } from '../module.ts'
import { invoiceGroupTagLabelRoutes } from './invoice-group-tag-label.routes.ts'
import { invoiceGroupTagLabelUseCases } from './invoice-group-tag-label.service.ts'

/** Invoice group tag labels (Admin API 1.46). */
export const invoiceGroupTagLabelsModule = defineModule({
  name: 'invoice-group-tag-labels',
  docs: 'invoice-group-tag-labels.md',
  permissions: [
    { permission: 'admin:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'admin:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => invoiceGroupTagLabelRoutes(app, invoiceGroupTagLabelUseCases(db)),
})

/** For other modules (adhoc inventories): whether a label exists (`lookUp`). */
export { invoiceGroupTagLabelLookup } from './invoice-group-tag-label.service.ts'
