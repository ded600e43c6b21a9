import { field } from '../../resources/fields.ts'
import { idField, timestampField } from '../../resources/common-fields.ts'
import { idListField } from '../../resources/id-lists.ts'
import { describeResource } from '../../resources/resource.ts'
import { Text } from '../../resources/schemas.ts'

/**
 * An invoice summary template component's fields (Admin API, tag
 * `invoice-summary-template-components`, published `{ id, name, contractOwnerIds }`): a section a
 * summary can show, "e.g. Service Charges". Sites choose theirs
 * (`siteInvoiceDetails.invoiceSummaryTemplateComponents`).
 */
export const invoiceSummaryTemplateComponentFields = {
  id: idField(),
  name: field(Text(100, { description: 'Component name, unique within the brand', examples: ['Service Charges'] }), { column: 'name', filter: 'string', sortable: true }),
  contractOwnerIds: idListField('contract_owner_ids', 'The contract owners whose sites may use the component; empty: every contract owner'),
  createdDate: timestampField('created_date', 'sort'),
  updatedDate: timestampField('updated_date', 'sort'),
}

export const invoiceSummaryTemplateComponentResource = describeResource(invoiceSummaryTemplateComponentFields, { noun: 'Invoice summary template component' })
