import { Type } from 'typebox'
import { idField } from '../../resources/common-fields.ts'
import { DecimalNumber, decimalFieldOptions } from '../../resources/decimal.ts'
import { field } from '../../resources/fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { Id, StringEnum } from '../../resources/schemas.ts'

export const BILL_RUN_STATUSES = ['OPEN', 'CLOSED', 'FINALIZED'] as const
export type BillRunStatus = (typeof BILL_RUN_STATUSES)[number]

export const SUMMARY_STATUSES = [
  'PROPERTIES',
  'STARTING',
  'REPORTING',
  'DRAFT_INVOICES',
  'FULL_INVOICES',
  'DISTRIBUTION',
  'COMBINING_INVOICES',
  'PAYMENT',
  'REACTIVATING_RPIS',
  'ARCHIVING',
  'FINISHED',
] as const
export type SummaryStatus = (typeof SUMMARY_STATUSES)[number]

/** The published name pattern of bill runs: letters, digits, spaces and some punctuation. */
export const BILL_RUN_NAME_PATTERN = "^[a-zA-Z0-9\\p{L}\\s+/\\-._&#=,:@()]*$"

/** Revenue and invoice values in major units: up to 13 digits before the point, 2 after. */
export const BILL_RUN_MONEY = { precision: 15, scale: 2 }

const readOnly = { access: 'read-only' } as const
const count = <const C extends string>(column: C, description: string) => field(Type.Integer({ minimum: 0, description, examples: [1] }), { column, ...readOnly })

/** Fields both kinds of bill run answer alike. */
export const sharedBillRunFields = {
  billRunStatus: field(StringEnum(BILL_RUN_STATUSES, { description: 'Bill run status' }), { column: 'bill_run_status', filter: 'enum', sortable: true }),
  summaryStatus: field(StringEnum(SUMMARY_STATUSES, { description: 'Bill run summary status: the step the bill run is at' }), { column: 'summary_status', sortable: true }),
  summaryStatusPercentage: field(Type.Integer({ minimum: 0, maximum: 100, description: 'Summary status completion percentage: below 100 while the step runs', examples: [100] }), {
    column: 'summary_status_percentage',
    ...readOnly,
  }),
  billingUserAdminId: field(Type.Integer({ ...Id, description: 'Bill user who closed the bill run' }), { column: 'billing_user_admin_id', ...readOnly, optional: true }),
  revenueInMajorCurrency: field(DecimalNumber(BILL_RUN_MONEY, { description: 'Revenue in this bill run now', examples: [1] }), {
    ...decimalFieldOptions('revenue_in_major_currency'),
    ...readOnly,
  }),
}

/**
 * A scheduled bill run's fields (Bill Run API 1.9, `bill-runs`): one period of a billing cycle.
 * The server creates bill runs; a PATCH moves the status and may change the dates on the invoices,
 * the usage cut-off and `paused`. `summaryStatusPercentage` is published for adhoc bill runs only;
 * scheduled ones answer it too, so a client can see a step running (docs/modules/bill-runs.md).
 */
export const billRunFields = {
  id: idField(),
  name: field(Type.String({ minLength: 1, maxLength: 22, pattern: BILL_RUN_NAME_PATTERN, description: 'Bill run name: its period' }), { column: 'name', ...readOnly, sortable: true }),
  sortableName: field(Type.String({ minLength: 1, maxLength: 22, pattern: BILL_RUN_NAME_PATTERN, description: 'Sortable bill run name' }), { column: 'sortable_name', ...readOnly, sortable: true }),
  billingCycleId: field(Type.Integer({ ...Id, description: 'Billing cycle Id' }), { column: 'billing_cycle_id', ...readOnly, filter: 'id', sortable: true }),
  created: field(Type.String({ format: 'date', description: 'Creation date' }), { column: 'created', ...readOnly, sortable: true }),
  periodStartDate: field(Type.String({ format: 'date', description: 'Bill run start date' }), { column: 'period_start_date', ...readOnly, sortable: true }),
  periodEndDate: field(Type.String({ format: 'date', description: 'Bill run end date' }), { column: 'period_end_date', ...readOnly, sortable: true }),
  invoiceDate: field(Type.String({ format: 'date', description: 'The date on the invoices' }), { column: 'invoice_date', sortable: true }),
  includeUsageUntilDate: field(Type.String({ format: 'date', description: 'All the usage charges up to this date will be included as part of the bill run' }), {
    column: 'include_usage_until_date',
    optional: true,
  }),
  billRunStatus: sharedBillRunFields.billRunStatus,
  summaryStatus: sharedBillRunFields.summaryStatus,
  summaryStatusPercentage: sharedBillRunFields.summaryStatusPercentage,
  billingUserAdminId: sharedBillRunFields.billingUserAdminId,
  parallel: field(Type.Boolean({ description: 'Parallel bill run' }), { column: 'parallel', ...readOnly }),
  revenueInMajorCurrency: sharedBillRunFields.revenueInMajorCurrency,
  usageSuspenseCount: count('usage_suspense_count', 'Count of usage suspense records for this bill run now'),
  rentalSuspenseCount: count('rental_suspense_count', 'Count of rental suspense records for this bill run now'),
  maxInvoiceValue: field(DecimalNumber(BILL_RUN_MONEY, { description: 'Highest value invoice in the bill run' }), { ...decimalFieldOptions('max_invoice_value'), ...readOnly, optional: true }),
  maxInvoiceCustomerId: field(Type.Integer({ ...Id, description: 'Customer Id of the highest value invoice' }), { column: 'max_invoice_customer_id', ...readOnly, optional: true }),
  paused: field(Type.Boolean({ description: 'A paused bill run is not closed or finalised automatically' }), { column: 'paused', default: false }),
}

export const billRunResource = describeResource(billRunFields, {
  noun: 'Bill run',
  // Billing cycle groups are not modelled yet: the filter is taken, and matches no bill run.
  filters: { billingCycleGroupName: { column: 'billing_cycle_group_name', filter: 'string' } },
})
