import { Type } from 'typebox'
import { field } from '../../resources/fields.ts'
import { idField, timestampField } from '../../resources/common-fields.ts'
import { idListField } from '../../resources/id-lists.ts'
import { describeResource } from '../../resources/resource.ts'
import { Id, Text } from '../../resources/schemas.ts'

const templateId = (description: string) => Type.Integer({ ...Id, description })

/**
 * An invoice document profile's fields (Admin API, tag `invoice-document-profiles`: "the
 * configuration used to generate invoices for Customers", which "determine the invoice and summary
 * layouts for billing", "used on creation of Sites only"): one choice of the invoice template, the
 * summary template and its components, and the electronic summaries, that a new site copies.
 */
export const invoiceDocumentProfileFields = {
  id: idField(),
  name: field(Text(100, { description: 'Profile name, unique within the brand', examples: ['Business, itemised'] }), { column: 'name', filter: 'string', sortable: true }),
  description: field(Text(255, { description: 'What the profile is for' }), { column: 'description', optional: true }),
  invoiceTemplateId: field(templateId('The invoice template of the invoices'), { column: 'invoice_template_id' }),
  invoiceSummaryTemplateId: field(templateId('The invoice summary template, when a summary is sent'), { column: 'invoice_summary_template_id', optional: true }),
  invoiceSummaryTemplateComponentIds: idListField('invoice_summary_template_component_ids', 'The components the summary shows'),
  electronicSummaryTemplateIds: idListField('electronic_summary_template_ids', 'The electronic summaries sent beside the invoice'),
  contractOwnerIds: idListField('contract_owner_ids', 'The contract owners whose new sites may use the profile; empty: every contract owner'),
  createdDate: timestampField('created_date', 'sort'),
  updatedDate: timestampField('updated_date', 'sort'),
}

export const invoiceDocumentProfileResource = describeResource(invoiceDocumentProfileFields, { noun: 'Invoice document profile' })
