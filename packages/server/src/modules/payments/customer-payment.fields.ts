import { Type } from 'typebox'
import { idField, timestampField } from '../../resources/common-fields.ts'
import { DecimalNumber, decimalFieldOptions } from '../../resources/decimal.ts'
import { describeResource } from '../../resources/resource.ts'
import { DateString, StringEnum } from '../../resources/schemas.ts'
import { AMOUNT, BILL_RUN_TYPES, THIRD_PARTY_REFUND_STATUSES } from '../invoices/index.ts'
import { createdBy, createOnly, id, money, PAYMENT_METHODS, PositiveAmount, readOnly, text } from './payment.fields.ts'

/** Signed money, to the penny: ledger rows answer refunds and debits negative. */
const SignedAmount = (description: string) => DecimalNumber({ ...AMOUNT, minimum: '-9999999999999.99', maximum: '9999999999999.99' }, { description, examples: [10.5] })

export const CUSTOMER_PAYMENT_TYPES = ['CUSTOMER', 'INVOICE', 'ADJUSTMENT'] as const
export const TXN_TYPES = ['PAYMENT', 'REFUND', 'ADJUSTMENT'] as const

/**
 * A customer payment (Payment and Refund API 1.37, `customer-payments`): one movement of the
 * customer's money — a payment to the balance (CUSTOMER) or to one invoice (INVOICE), a refund, a
 * manual adjustment — with the balance it left. Listed with the published snake_case `customer_id`.
 */
export const customerPaymentFields = {
  id: idField(),
  customerId: createOnly(id('Customer identifier'), { column: 'customer_id', sortable: true }),
  amountInMajorCurrency: createOnly(SignedAmount('Amount in major currency, more than 0 when posted; negative for a refund or a debit adjustment'), decimalFieldOptions('amount')),
  resultingCustomerBalance: money('The customer balance after it (negative: a debt)', 'resulting_customer_balance'),
  description: createOnly(text('Payment description'), { column: 'description', optional: true }),
  reference: createOnly(text('Payment reference (a cheque number)'), { column: 'reference', optional: true }),
  type: createOnly(StringEnum(PAYMENT_METHODS, { description: 'Payment method' }), { column: 'payment_method', optional: true }),
  paymentDate: createOnly(DateString, { column: 'payment_date', sortable: true, defaulted: true }),
  customerPaymentType: readOnly(StringEnum(CUSTOMER_PAYMENT_TYPES, { description: 'To the balance (CUSTOMER), to one invoice (INVOICE), or a manual adjustment' }), {
    column: 'customer_payment_type',
    filter: 'string',
    sortable: true,
  }),
  txnType: readOnly(StringEnum(TXN_TYPES, { description: 'Transaction type' }), { column: 'txn_type', filter: 'string', sortable: true }),
  createdBy: createdBy(),
  createdDate: timestampField('created_date', 'sort'),
}
export const customerPaymentResource = describeResource(customerPaymentFields, {
  noun: 'Customer payment',
  versioned: false,
  filters: {
    customer_id: { column: 'customer_id', filter: 'id', required: true },
    // Published as text filters; what they do decides their syntax (docs/modules/payments.md).
    filter: { column: 'description', orColumns: ['reference'], filter: 'string' },
    excludeDebits: { column: 'amount', filter: 'boolean', when: { operator: '>=', value: 0 } },
    excludeCredits: { column: 'amount', filter: 'boolean', when: { operator: '<', value: 0 } },
  },
})

/**
 * A refund of an invoice or adhoc invoice payment (`refunds`). Exactly one of the two payment ids
 * is sent; the invoice, customer and bill run type are the payment's.
 */
export const refundFields = {
  id: idField(),
  // Computed by the repository from the one payment column, by the invoice's bill run type.
  invoicePaymentId: createOnly(id('The invoice payment refunded (normal invoices)'), { column: 'normal_invoice_payment_id', optional: true }),
  adhocInvoicePaymentId: createOnly(id('The adhoc invoice payment refunded (adhoc invoices)'), { column: 'adhoc_invoice_payment_id', optional: true }),
  invoiceId: readOnly(id('Invoice identifier'), { column: 'invoice_id', filter: 'id', sortable: true }),
  customerId: readOnly(id('Customer identifier'), { column: 'customer_id', filter: 'id', sortable: true }),
  billRunType: readOnly(StringEnum(BILL_RUN_TYPES, { description: 'Bill run type of the invoice' }), { column: 'bill_run_type', filter: 'enum', sortable: true }),
  amountInMajorCurrency: createOnly(PositiveAmount('Amount refunded (absent: all that is left to refund of the payment)'), { ...decimalFieldOptions('amount'), defaulted: true }),
  description: createOnly(text('Refund description'), { column: 'description', optional: true }),
  paymentMethod: createOnly(StringEnum(PAYMENT_METHODS, { description: 'Payment method (absent: the payment’s)' }), { column: 'payment_method', optional: true }),
  thirdPartyRefundStatus: readOnly(StringEnum(THIRD_PARTY_REFUND_STATUSES, { description: 'Third party refund status' }), { column: 'third_party_refund_status', filter: 'string' }),
  createdDate: timestampField('created_date', 'sort'),
}
export const refundResource = describeResource(refundFields, { noun: 'Refund', versioned: false })

/** The published manual adjustment (`POST /v1/customer-balances`): −100000..100000, to the penny. */
export const CustomerBalanceAdjustmentBody = Type.Object(
  {
    customerId: id('Customer identifier'),
    amountInMajorCurrency: DecimalNumber({ ...AMOUNT, minimum: '-100000', maximum: '100000' }, { description: 'Amount in major currency: positive credits the customer, negative debits', examples: [10.5] }),
    description: Type.Optional(Type.String({ maxLength: 255, description: 'Adjustment description' })),
  },
  { additionalProperties: false },
)

/** What the published adjustment answers, with the balance it left and who made it. */
export const CustomerBalanceAdjustment = Type.Object(
  {
    id: id('The customer payment that records it (GET /v1/customer-payments)'),
    customerId: id('Customer identifier'),
    amountInMajorCurrency: DecimalNumber(AMOUNT, { description: 'Amount in major currency', examples: [10.5] }),
    description: Type.Optional(Type.String({ description: 'Adjustment description' })),
    resultingCustomerBalance: DecimalNumber(AMOUNT, { description: 'The customer balance after it', examples: [-20] }),
    createdBy: Type.String({ description: 'Username of the user who made it' }),
    createdDate: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
)

const SUMMARY_TYPES = ['NONE'] as const

/** A customer's outstanding balance (`GET /v1/customer-balances?customer_id=`): negative is a debt, positive credit. */
export const CustomerBalance = Type.Object(
  {
    id: id('Customer identifier (one balance per customer)'),
    customerId: id('Customer identifier'),
    balance: DecimalNumber(AMOUNT, { description: 'Negative: the customer owes it; positive: credit', examples: [-78.8] }),
    totalPayments: DecimalNumber(AMOUNT, { description: 'Total of the customer’s payments', examples: [0] }),
    totalPaymentsSinceLastInvoice: DecimalNumber(AMOUNT, { description: 'Payments dated after its latest final invoice', examples: [0] }),
    paymentMethodSummary: Type.Object({
      paymentMethod: Type.Optional(StringEnum(PAYMENT_METHODS, { description: 'Method of the latest payment' })),
      summaryType: StringEnum(SUMMARY_TYPES),
    }),
    repaymentPlanSummary: Type.Object({
      repaymentPlanAmount: DecimalNumber(AMOUNT, { description: 'No repayment plans are kept: 0' }),
      repaymentPlanRemainingPeriods: Type.Integer({ minimum: 0 }),
      summaryType: StringEnum(SUMMARY_TYPES),
    }),
  },
  { additionalProperties: false },
)

