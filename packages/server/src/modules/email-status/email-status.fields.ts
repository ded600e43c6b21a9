import { Type } from 'typebox'
import { isoText } from '../../resources/common-fields.ts'
import { field } from '../../resources/fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { DateTimeString, Id, StringEnum } from '../../resources/schemas.ts'

export const NOTIFICATION_STATUSES = ['SENT', 'DELIVERED', 'BOUNCED', 'COMPLAINT', 'ERROR', 'ACKNOWLEDGED', 'RETRY'] as const
export const BOUNCE_TYPES = ['PERMANENT', 'TRANSIENT'] as const
const BILL_RUN_TYPES = ['NORMAL', 'ADHOC'] as const


/**
 * An email notification's status (Notifications API 1.0, `getEmailNotificationsStatus`): every
 * field as published, all the server's. The published answer sample is cut off after
 * `billRunType`; `billRunId` follows from the filter of that name.
 */
export const emailStatusFields = {
  id: field(Type.Integer({ ...Id, description: 'Email notification status identifier' }), { column: 'id', access: 'read-only', sortable: true }),
  recipientEmail: field(Type.String({ description: 'Recipient email address' }), { column: 'recipient_email', access: 'read-only', sortable: true }),
  createdDateTime: field(DateTimeString, { column: 'created_date_time', access: 'read-only', read: isoText, sortable: true }),
  updatedDateTime: field(DateTimeString, { column: 'updated_date_time', access: 'read-only', read: isoText, filter: 'datetime', sortable: true }),
  status: field(StringEnum(NOTIFICATION_STATUSES, { description: 'Status of email notification' }), { column: 'status', access: 'read-only', filter: 'enum', sortable: true }),
  message: field(Type.String({ description: 'Status message including any reason for email bounce or complaint' }), { column: 'message', access: 'read-only', optional: true }),
  bounceType: field(StringEnum(BOUNCE_TYPES, { description: 'Bounce type' }), { column: 'bounce_type', access: 'read-only', filter: 'enum', optional: true }),
  billRunType: field(StringEnum(BILL_RUN_TYPES, { description: 'Bill run type' }), { column: 'bill_run_type', access: 'read-only', filter: 'enum', optional: true }),
  billRunId: field(Type.Integer({ ...Id, description: 'Bill run identifier' }), { column: 'bill_run_id', access: 'read-only', filter: 'id', optional: true }),
}

export const emailStatusResource = describeResource(emailStatusFields, {
  noun: 'Email notification status',
  versioned: false,
  // Published as required: "email notifications created before or after this timestamp".
  filters: { createdDateTime: { column: 'created_date_time', filter: 'datetime', required: true, sortable: true } },
})
