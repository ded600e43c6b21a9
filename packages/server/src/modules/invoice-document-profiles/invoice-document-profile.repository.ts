import { resourceTable } from '../../resources/table.ts'
import { invoiceDocumentProfileResource } from './invoice-document-profile.fields.ts'
import './invoice-document-profile.table.ts'

export const invoiceDocumentProfiles = resourceTable('invoice_document_profiles', invoiceDocumentProfileResource, {
  unique: { invoice_document_profiles_name_key: 'name' },
  references: {
    invoice_document_profiles_invoice_template_fkey: 'invoiceTemplateId',
    invoice_document_profiles_invoice_summary_template_fkey: 'invoiceSummaryTemplateId',
  },
})
