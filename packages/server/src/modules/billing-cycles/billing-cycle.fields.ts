import { Type } from 'typebox'
import { field } from '../../resources/fields.ts'
import { idField, referenceField, timestampField } from '../../resources/common-fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { CurrencyCode, StringEnum } from '../../resources/schemas.ts'

/** A billing cycle's fields (elevate-api.md §4.2, BillingCycle): what is filtered has a column. */
export const billingCycleFields = {
  id: idField(),
  contractOwnerId: referenceField('contract_owner_id', 'create-only'),
  name: field(Type.String({ minLength: 1, maxLength: 100 }), { column: 'name', filter: 'string', sortable: true }),
  startDayOfPeriod: field(Type.Integer({ minimum: 1, maximum: 28, description: 'Monthly: day 1..28. Weekly and daily: 1 = Monday … 7 = Sunday' })),
  wholePeriod: field(Type.Boolean(), { optional: true }),
  lengthOfPeriod: field(Type.Integer({ minimum: 1, maximum: 24, description: 'Periods per bill (absent: 1; 3 with MONTHLY is quarterly)' }), { optional: true }),
  periodUnit: field(StringEnum(['DAILY', 'WEEKLY', 'MONTHLY'] as const)),
  maxDaysBeforeCloseable: field(Type.Integer({ minimum: 0, maximum: 365 }), { optional: true }),
  maxDaysAfterCloseable: field(Type.Integer({ minimum: 0, maximum: 365 }), { optional: true }),
  maxBackDateableUsageInDays: field(Type.Integer({ minimum: 0, maximum: 3650 }), { optional: true }),
  currencyCode: field(CurrencyCode),
  defaultInvoiceDate: field(StringEnum(['TODAY', 'END_OF_BILL_RUN', 'END_OF_BILL_RUN_PLUS_ONE'] as const), { optional: true }),
  completionType: field(StringEnum(['DISABLED', 'CLOSE_ONLY', 'CLOSE_AND_FINALISE'] as const)),
  createdDate: timestampField('created_date', 'none'),
  updatedDate: timestampField('updated_date', 'none'),
}

export const billingCycleResource = describeResource(billingCycleFields, { noun: 'Billing cycle' })
