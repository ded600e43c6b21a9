import { Type, type TSchema } from 'typebox'
import { isoText, timestampField } from '../../resources/common-fields.ts'
import { DecimalNumber, decimalNumber } from '../../resources/decimal.ts'
import { field, type FieldOptions } from '../../resources/fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { CurrencyCode, DateString, DateTimeString, Id, StringEnum } from '../../resources/schemas.ts'

export const BILL_RUN_TYPES = ['NORMAL', 'ADHOC'] as const
export const INVOICE_STATUSES = ['DRAFT', 'FINAL'] as const
/** Published with the invoice payment events (Invoices API 1.21). */
export const PAYMENT_STATUSES = ['NA', 'PAID', 'UNPAID', 'PENDING', 'REFUNDED', 'PART_REFUNDED', 'REFUND_PENDING', 'WRITTEN_OFF', 'DISPUTED', 'PARTIALLY_PAID'] as const
/** Published with refunds (Payment and Refund API). */
export const THIRD_PARTY_REFUND_STATUSES = ['CREATED', 'PENDING_SUBMISSION', 'SUBMITTED', 'PAID', 'CANCELLED', 'BOUNCED', 'FUNDS_RETURNED', 'MANUALLY_REFUNDED', 'REFUND_SETTLED'] as const

/** Money in major units, two decimal places (rounded at the line: docs/modules/invoices.md). */
export const AMOUNT = { precision: 15, scale: 2 }
export const QUANTITY = { precision: 15, scale: 4 }
export const UNIT_PRICE = { precision: 15, scale: 4 }
export const TAX_RATE = { precision: 7, scale: 4, minimum: '0', maximum: '100' }

/** Every field of an invoice is the server's: bill runs write invoices, the API reads them. */
const readOnly = <S extends TSchema, const O extends FieldOptions>(schema: S, options: O) => field(schema, { ...options, access: 'read-only' as const })
const id = (description: string) => Type.Integer({ ...Id, description })
const money = (description: string, column: string) =>
  readOnly(DecimalNumber(AMOUNT, { description, examples: [10.5] }), { column, read: decimalNumber, sortable: true })

/** A line as its invoice answers it (read in the invoice's own query). */
export const InvoiceLine = Type.Object(
  {
    id: Id,
    siteId: id('The site the charge is for (the invoice may be received by another site)'),
    description: Type.String({ description: 'What is charged', examples: ['Line rental'] }),
    quantity: DecimalNumber(QUANTITY, { description: 'Quantity', examples: [1] }),
    unitPriceInMajorCurrency: DecimalNumber(UNIT_PRICE, { description: 'Price of one unit, before tax', examples: [20] }),
    amountInMajorCurrency: DecimalNumber(AMOUNT, { description: 'Net amount of the line: quantity × unit price, rounded half up to the minor unit', examples: [20] }),
    taxBandId: Type.Optional(id('The tax band the tax rate comes from')),
    taxRate: DecimalNumber(TAX_RATE, { description: 'Tax rate, percent', examples: [20] }),
    taxAmountInMajorCurrency: DecimalNumber(AMOUNT, { description: 'Tax of the line: amount × rate / 100, rounded half up to the minor unit', examples: [4] }),
    periodStartDate: Type.Optional(DateString),
    periodEndDate: Type.Optional(DateString),
  },
  { additionalProperties: false },
)

/**
 * An invoice's fields (Invoices API 1.21, tag `invoices`). The published page lists the filters
 * of `getInvoices` (each field below that has one); its answer schema was cut off, so the names of
 * the amounts follow the API's `…InMajorCurrency` convention, and `invoiceStatus` and the lines
 * are ours (docs/modules/invoices.md).
 */
export const invoiceFields = {
  id: readOnly(Id, { column: 'id', filter: 'id', sortable: true }),
  contractOwnerId: readOnly(id('Contract owner identifier'), { column: 'contract_owner_id', filter: 'id', sortable: true }),
  billingCycleId: readOnly(id('Billing cycle identifier (normal bill runs)'), { column: 'billing_cycle_id', filter: 'id', sortable: true, optional: true }),
  billRunId: readOnly(id('Bill run identifier'), { column: 'bill_run_id', filter: 'id', sortable: true }),
  billRunType: readOnly(StringEnum(BILL_RUN_TYPES, { description: 'Bill run type' }), { column: 'bill_run_type', filter: 'enum', sortable: true }),
  billRunStatus: readOnly(Type.String({ description: 'Status of the bill run when it last wrote the invoice', examples: ['FINALIZED'] }), { column: 'bill_run_status', filter: 'string', sortable: true }),
  customerId: readOnly(id('Customer identifier'), { column: 'customer_id', filter: 'id', sortable: true }),
  siteId: readOnly(id('The site that receives the invoice: the customer’s site, or the site its siteIdReceivingInvoice names'), { column: 'site_id', filter: 'id', sortable: true }),
  invoiceStatus: readOnly(StringEnum(INVOICE_STATUSES, { description: 'DRAFT until the bill run finalises it; FINAL invoices have a number and never change' }), { column: 'invoice_status', sortable: true }),
  invoiceNumber: readOnly(Type.String({ description: 'Invoice number, consecutive per contract owner; given when the invoice becomes final', examples: ['1042'] }), {
    column: 'invoice_number',
    filter: 'string',
    sortable: true,
    optional: true,
  }),
  currencyCode: readOnly(CurrencyCode, { column: 'currency_code' }),
  invoiceDate: readOnly(DateString, { column: 'invoice_date', filter: 'date', sortable: true }),
  dueDate: readOnly(DateString, { column: 'due_date', filter: 'date', sortable: true, optional: true }),
  periodStartDate: readOnly(DateString, { column: 'period_start_date', sortable: true, optional: true }),
  periodEndDate: readOnly(DateString, { column: 'period_end_date', sortable: true, optional: true }),
  netAmountInMajorCurrency: money('Total before tax', 'net_amount'),
  taxAmountInMajorCurrency: money('Total tax', 'tax_amount'),
  grossAmountInMajorCurrency: money('Total to pay: net plus tax', 'gross_amount'),
  paymentStatus: readOnly(StringEnum(PAYMENT_STATUSES, { description: 'Invoice payment status' }), { column: 'payment_status', filter: 'string', sortable: true }),
  paymentMethod: readOnly(Type.String({ description: 'Payment method', examples: ['DIRECT_DEBIT'] }), { column: 'payment_method', filter: 'string', optional: true }),
  mandateStatus: readOnly(Type.String({ description: 'Status of the site’s payment mandate' }), { column: 'mandate_status', filter: 'string', optional: true }),
  thirdPartyPaymentStatus: readOnly(Type.String({ description: 'Invoice payment status of the integrated payment provider' }), { column: 'third_party_payment_status', filter: 'string', optional: true }),
  thirdPartyRefundStatus: readOnly(StringEnum(THIRD_PARTY_REFUND_STATUSES, { description: 'Refund status of the integrated payment provider' }), {
    column: 'third_party_refund_status',
    filter: 'string',
    optional: true,
  }),
  paymentStatusUpdatedTime: readOnly(DateTimeString, { column: 'payment_status_updated_time', filter: 'datetime', read: isoText, optional: true }),
  paymentStatusUpdatedDate: readOnly(DateString, { column: 'payment_status_updated_date', filter: 'date', optional: true }),
  refundStatusUpdatedDate: readOnly(DateString, { column: 'refund_status_updated_date', filter: 'date', optional: true }),
  thirdPartyPaymentStatusUpdatedTime: readOnly(DateTimeString, { column: 'third_party_payment_status_updated_time', filter: 'datetime', read: isoText, optional: true }),
  createdDate: timestampField('created_date', 'filter'),
  invoiceLines: readOnly(Type.Array(InvoiceLine, { description: 'The charges, in the order the bill run wrote them' }), { column: 'invoice_lines' }),
}

export const invoiceResource = describeResource(invoiceFields, { noun: 'Invoice', versioned: false })
