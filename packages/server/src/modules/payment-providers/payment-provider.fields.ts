import { Type } from 'typebox'
import { idField } from '../../resources/common-fields.ts'
import { field } from '../../resources/fields.ts'
import { MAX_LISTED_IDS, readIds } from '../../resources/id-lists.ts'
import { describeResource } from '../../resources/resource.ts'
import { Id, NameText, StringEnum } from '../../resources/schemas.ts'

/** The published `PaymentMethod` values (a provider's `type`). */
export const PAYMENT_METHODS = [
  'CHEQUE', 'DIRECT_DEBIT', 'CANCELLED_DD', 'CANCELLED_CARD', 'CREDIT_CARD', 'PAYPAL', 'BACS', 'POST_OFFICE_PAYMENT_CARD', 'EZYPAY',
  'GO_CARDLESS', 'GC_INSTANT_BANK_PAYMENTS', 'STRIPE', 'STRIPE_CARD', 'STRIPE_DD', 'FINASTRA', 'FAST_PAY', 'OTHER',
] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

const flag = (description: string) => field(Type.Boolean({ description }), { default: false })
const text = (description: string) => field(NameText(255, { description }), { optional: true })

/**
 * A payment provider's fields (Payment and Refund API, tag `payment-providers`): "a system that
 * Elevate will interoperate with to collect payments, e.g. Go Cardless or Finastra". The list
 * filters by `type`, `contractOwnerId` (one of the owners it serves), `instantBankPayments` and
 * `retryIfPossible`, as published; the name is unique within the brand.
 */
export const paymentProviderFields = {
  id: idField(),
  type: field(StringEnum(PAYMENT_METHODS, { description: 'Payment method' }), { column: 'type', filter: 'string', sortable: true }),
  name: field(NameText(255, { description: 'Payment provider name, unique within the brand', examples: ['GoCardless'] }), { column: 'name', sortable: true }),
  directDebitWithName: text('Payment provider direct debit name'),
  status: field(StringEnum(['ACTIVE', 'INACTIVE'] as const, { description: 'Payment provider status: only an ACTIVE provider takes new mandates' }), { column: 'status', sortable: true }),
  creditorIdentifier: text('Payment provider creditor identifier'),
  instantBankPayments: field(Type.Boolean({ description: 'Does this payment provider support instant bank payments' }), { column: 'instant_bank_payments', filter: 'boolean', default: false }),
  retryIfPossible: field(Type.Boolean({ description: 'Payment provider will retry the payment if possible' }), { column: 'retry_if_possible', filter: 'boolean', default: false }),
  acceptExternalPayments: flag('Payment provider will accept payment events that originated outside of the system'),
  // Published as required and non-empty: a provider serves at least one contract owner.
  contractOwnerIds: field(Type.Array(Id, { minItems: 1, uniqueItems: true, maxItems: MAX_LISTED_IDS, description: 'Contract owner identifiers', examples: [[1]] }), {
    column: 'contract_owner_ids',
    read: readIds,
  }),
  syncInstantBankPaymentsWithMandateCreation: flag(
    'If a Go Cardless mandate is created as part of an instant bank payment billing flow, the instant payment is treated as an upfront credit on the customer account',
  ),
}

export const paymentProviderResource = describeResource(paymentProviderFields, {
  noun: 'Payment provider',
  // The published filter on the owners served: providers whose list holds the id (`idListConditions`).
  filters: { contractOwnerId: { column: 'contract_owner_ids', filter: 'id' } },
})
