import { Type } from 'typebox'
import { field } from '../../resources/fields.ts'
import { idField, timestampField } from '../../resources/common-fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { Email, Text } from '../../resources/schemas.ts'

/** A flag of what a contact is emailed about: off unless asked for. */
const alertFlag = (description: string) => field(Type.Boolean({ description }), { default: false })

/**
 * An admin contact's fields (elevate-api.md §4.2, AdminContact): a contact of the whole brand that
 * tripwire, usage-cap and auto-close notifications can go to. The published page is cut off before
 * the flags' names; ours follow its descriptions (docs/modules/admin-contacts.md).
 */
export const adminContactFields = {
  id: idField(),
  name: field(Text(100, { description: 'Admin contact name', examples: ['Billing Operations'] }), { column: 'name', filter: 'string', sortable: true }),
  telephoneNumber: field(Text(30, { description: 'Contact telephone number' }), { optional: true }),
  email: field(Email),
  receiveFraudAlertsViaEmail: alertFlag('Whether the contact is emailed fraud (tripwire) alerts'),
  receiveUsageCapAlertsViaEmail: alertFlag('Whether the contact is emailed usage-cap alerts'),
  receiveBillRunAutoClosureAlertsViaEmail: alertFlag('Whether the contact is emailed when a bill run is closed automatically'),
  receiveDuplicateCallAlertsViaEmail: alertFlag('Whether the contact is emailed duplicate-call alerts'),
  createdDate: timestampField('created_date', 'sort'),
  updatedDate: timestampField('updated_date', 'sort'),
}

export const adminContactResource = describeResource(adminContactFields, { noun: 'Admin contact' })
