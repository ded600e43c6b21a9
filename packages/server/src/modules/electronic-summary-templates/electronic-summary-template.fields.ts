import { field } from '../../resources/fields.ts'
import { idField, timestampField } from '../../resources/common-fields.ts'
import { idListField } from '../../resources/id-lists.ts'
import { describeResource } from '../../resources/resource.ts'
import { Text } from '../../resources/schemas.ts'

/**
 * An electronic summary template's fields (Admin API, tag `electronic-summary-templates`): the
 * layout of a summary sent as a data file beside the invoice (for the customer's own systems). A
 * site names any number of them (`siteInvoiceDetails.electronicSummaryTemplateIds`), as invoice
 * document profiles do. The file layout itself is kept by the document renderer.
 */
export const electronicSummaryTemplateFields = {
  id: idField(),
  name: field(Text(100, { description: 'Template name, unique within the brand', examples: ['Call detail CSV'] }), { column: 'name', filter: 'string', sortable: true }),
  description: field(Text(255, { description: 'What the template is for' }), { column: 'description', optional: true }),
  contractOwnerIds: idListField('contract_owner_ids', 'The contract owners whose sites may use the template; empty: every contract owner'),
  createdDate: timestampField('created_date', 'sort'),
  updatedDate: timestampField('updated_date', 'sort'),
}

export const electronicSummaryTemplateResource = describeResource(electronicSummaryTemplateFields, { noun: 'Electronic summary template' })
