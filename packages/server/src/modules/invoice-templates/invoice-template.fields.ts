import { field } from '../../resources/fields.ts'
import { idField, timestampField } from '../../resources/common-fields.ts'
import { idListField } from '../../resources/id-lists.ts'
import { describeResource } from '../../resources/resource.ts'
import { Text } from '../../resources/schemas.ts'

/**
 * An invoice template's fields (Admin API, tag `invoice-templates`: "document templates used to
 * define the invoice structure and look and feel"). Sites name theirs (`invoiceTemplateId`), and
 * invoice document profiles and marketing information point at them. The layout itself is kept by
 * the document renderer, not by this API.
 */
export const invoiceTemplateFields = {
  id: idField(),
  name: field(Text(100, { description: 'Template name, unique within the brand', examples: ['Standard business invoice'] }), { column: 'name', filter: 'string', sortable: true }),
  description: field(Text(255, { description: 'What the template is for' }), { column: 'description', optional: true }),
  contractOwnerIds: idListField('contract_owner_ids', 'The contract owners whose sites may use the template; empty: every contract owner'),
  createdDate: timestampField('created_date', 'sort'),
  updatedDate: timestampField('updated_date', 'sort'),
}

export const invoiceTemplateResource = describeResource(invoiceTemplateFields, { noun: 'Invoice template' })
