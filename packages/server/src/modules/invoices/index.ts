import { defineModule } from '../module.ts'
import { invoiceRoutes } from './invoice.routes.ts'
import { invoiceUseCases } from './invoice.service.ts'

/** The Invoices API: invoices written by bill runs, read with their lines and PDFs, emailed again. */
export const invoicesModule = defineModule({
  name: 'invoices',
  docs: 'invoices.md',
  permissions: [
    { permission: 'invoices:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'invoices:write', roles: ['Administrator', 'Customer Manager'] },
  ],
  register: (app, { db }) => invoiceRoutes(app, invoiceUseCases(db)),
})

/** For bill runs: write a bill run's invoices as drafts (replacing its drafts), and make them final. */
export { finaliseInvoices, lineAmounts, replaceDraftInvoices, type BillRunRef, type DecimalInput, type InvoiceInput, type InvoiceLineInput } from './invoice.writer.ts'

/** For payments: the published enums and the money digits invoices are written with. */
export { AMOUNT, BILL_RUN_TYPES, PAYMENT_STATUSES, THIRD_PARTY_REFUND_STATUSES } from './invoice.fields.ts'
