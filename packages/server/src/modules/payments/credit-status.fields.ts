import { Type } from 'typebox'
import { DecimalNumber, decimalNumber } from '../../resources/decimal.ts'
import { describeResource } from '../../resources/resource.ts'
import { id, money, PositiveAmount, readOnly } from './payment.fields.ts'

/** A percentage to two places: what is owed may be many times the threshold. */
const PERCENTAGE = { precision: 15, scale: 2 }

/**
 * A customer's credit status (Payment and Refund API 1.37, `customer-credit-status`): what it owes
 * against the credit threshold set for it, and what its bill runs under way will invoice. Only
 * customers with a threshold are listed; the threshold is set with our PUT (docs/modules/payments.md).
 */
export const creditStatusFields = {
  customerId: readOnly(id('Customer identifier'), { column: 'customer_id', filter: 'id', sortable: true }),
  creditThreshold: money('Credit threshold value for this customer', 'credit_threshold'),
  billAmount: money('What the customer owes: its balance with the sign turned (negative while it has credit)', 'bill_amount'),
  valueDifference: money('creditThreshold less billAmount: negative once the threshold is passed', 'value_difference'),
  percentageDifference: readOnly(DecimalNumber(PERCENTAGE, { description: 'billAmount as a percentage of creditThreshold, to two places', examples: [80] }), {
    column: 'percentage_difference',
    read: decimalNumber,
    filter: 'number',
    sortable: true,
  }),
  openBillRunValue: money('What the customer’s bill runs not yet finalised have rated for it, tax included', 'open_bill_run_value'),
}
export const creditStatusResource = describeResource(creditStatusFields, { noun: 'Customer credit status', versioned: false, tiebreaker: 'customer_id' })

/** The body of our `PUT /v1/customer-credit-status/{customerId}`: the customer's credit threshold. */
export const CreditThresholdBody = Type.Object(
  { creditThreshold: PositiveAmount('Credit threshold value for this customer') },
  { additionalProperties: false },
)
