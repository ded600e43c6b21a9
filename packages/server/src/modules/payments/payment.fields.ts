import { Type, type TSchema } from 'typebox'
import { idField, timestampField } from '../../resources/common-fields.ts'
import { DecimalNumber, decimalFieldOptions, decimalNumber } from '../../resources/decimal.ts'
import { field, type FieldOptions } from '../../resources/fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { DateString, Id, StringEnum } from '../../resources/schemas.ts'
import { AMOUNT, BILL_RUN_TYPES, PAYMENT_STATUSES } from '../invoices/index.ts'

/**
 * Payment methods as published with refunds (Payment and Refund API 1.37); the page's enum was cut
 * off after CREDIT_C…, read as CREDIT_CARD (docs/modules/payments.md).
 */
export const PAYMENT_METHODS = ['CHEQUE', 'DIRECT_DEBIT', 'CANCELLED_DD', 'CANCELLED_CARD', 'CREDIT_CARD'] as const

/** A positive amount of money, in major units, to the penny. */
export const PositiveAmount = (description: string) => DecimalNumber({ ...AMOUNT, minimum: '0.01', maximum: '9999999999999.99' }, { description, examples: [10.5] })

export const readOnly = <S extends TSchema, const O extends FieldOptions>(schema: S, options: O) => field(schema, { ...options, access: 'read-only' as const })
export const createOnly = <S extends TSchema, const O extends FieldOptions>(schema: S, options: O) => field(schema, { ...options, access: 'create-only' as const })
export const id = (description: string) => Type.Integer({ ...Id, description })
/** A `numeric(15, 2)` the server writes, answered as a JSON number. */
export const money = (description: string, column: string) => readOnly(DecimalNumber(AMOUNT, { description, examples: [10.5] }), { column, read: decimalNumber, sortable: true })
export const createdBy = () => readOnly(Type.String({ description: 'Username of the user who recorded it' }), { column: 'created_by' })
export const text = (description: string) => Type.String({ minLength: 1, maxLength: 255, description })

/**
 * An invoice payment event (Invoices API 1.21, `invoice-payment-events`): a change to an invoice's
 * payment status, with the money it moved. `createdBy` and `createdDate` are ours.
 */
export const invoicePaymentEventFields = {
  id: { ...idField(), schema: id('Invoice History identifier') },
  invoiceId: createOnly(id('Invoice identifier'), { column: 'invoice_id', filter: 'id', sortable: true }),
  customerId: readOnly(id('Customer identifier'), { column: 'customer_id', filter: 'id', sortable: true }),
  billRunType: createOnly(StringEnum(BILL_RUN_TYPES, { description: 'Billing run type' }), { column: 'bill_run_type', filter: 'enum', sortable: true }),
  paymentStatus: createOnly(StringEnum(PAYMENT_STATUSES, { description: 'Invoice payment status the event moves the invoice to' }), { column: 'payment_status', sortable: true }),
  notes: createOnly(text('Notes on payment change'), { column: 'notes', optional: true }),
  amountInMajorCurrency: createOnly(DecimalNumber({ ...AMOUNT, minimum: '0', maximum: '9999999999999.99' }, { description: 'Amount paid or written off (absent: all the invoice owes); 0 for an event that moves no money', examples: [10.5] }), {
    ...decimalFieldOptions('amount'),
    defaulted: true,
  }),
  createdBy: createdBy(),
  createdDate: timestampField('created_date', 'sort'),
}
export const invoicePaymentEventResource = describeResource(invoicePaymentEventFields, { noun: 'Invoice payment event', versioned: false })

/**
 * A payment on one invoice (Payment and Refund API 1.37, `invoice-payments` and
 * `adhoc-invoice-payments`: the same shape, normal or adhoc invoices).
 */
export const invoicePaymentFields = {
  id: idField(),
  invoiceId: createOnly(id('Invoice identifier'), { column: 'invoice_id', filter: 'id', sortable: true }),
  customerId: readOnly(id('Customer identifier'), { column: 'customer_id', filter: 'id', sortable: true }),
  billRunId: readOnly(id('Bill run of the invoice'), { column: 'bill_run_id', filter: 'id', sortable: true }),
  customerPaymentId: readOnly(id('The customer payment it is part of (GET /v1/customer-payments)'), { column: 'customer_payment_id', filter: 'id', sortable: true }),
  amountInMajorCurrency: createOnly(PositiveAmount('Amount in major currency (e.g pounds/dollars/euros)'), decimalFieldOptions('amount')),
  refundedAmountInMajorCurrency: money('How much of it has been refunded', 'refunded_amount'),
  paymentMethod: createOnly(StringEnum(PAYMENT_METHODS, { description: 'Payment method' }), { column: 'payment_method', filter: 'string', optional: true }),
  paymentDate: createOnly(DateString, { column: 'payment_date', filter: 'date', sortable: true, defaulted: true }),
  reference: createOnly(text('Payment reference (a cheque number)'), { column: 'reference', filter: 'string', optional: true }),
  description: createOnly(text('Payment description'), { column: 'description', optional: true }),
  createdDate: timestampField('created_date', 'sort'),
}
export const invoicePaymentResource = describeResource(invoicePaymentFields, { noun: 'Invoice payment', versioned: false })
