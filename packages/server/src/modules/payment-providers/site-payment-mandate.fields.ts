import { Type } from 'typebox'
import { idField, referenceField } from '../../resources/common-fields.ts'
import { field } from '../../resources/fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { DateString, Id, NameText, StringEnum } from '../../resources/schemas.ts'

/**
 * Mandate statuses: the published payment provider mandate statuses (NEW, INACTIVE, CREATED,
 * CUSTOMER_APPROVAL_GRANTED, …) and the Go Cardless ones the published pages accept.
 */
export const MANDATE_STATUSES = [
  'NEW', 'CREATED', 'CUSTOMER_APPROVAL_GRANTED', 'CUSTOMER_APPROVAL_SKIPPED', 'PENDING_SUBMISSION', 'SUBMITTED', 'ACTIVE', 'REINSTATED',
  'INACTIVE', 'FAILED', 'CANCELLED', 'EXPIRED',
] as const
export type MandateStatus = (typeof MANDATE_STATUSES)[number]

/** Statuses of a mandate that no longer collects: a site may then get another with the same provider. */
export const ENDED_STATUSES: readonly MandateStatus[] = ['INACTIVE', 'FAILED', 'CANCELLED', 'EXPIRED']

const url = (description: string) => NameText(255, { description })
/** A day the server keeps (UTC, from the app's clock); `date` columns arrive as text. */
const serverDate = (column: string, description: string) => field(Type.String({ ...DateString, description }), { column, access: 'read-only', sortable: true })

/**
 * A site payment mandate's fields (Payment and Refund API, tag `site-payment-mandates`): "a token
 * from the payment provider that gives authority to take a direct debit from a bank account". The
 * published fields, plus the provider it is held with, its status and its dates, which the sites
 * list filters by (docs/modules/payment-providers-and-mandates.md).
 */
export const sitePaymentMandateFields = {
  id: idField(),
  redirectURL: field(url('URL to the site payment provider to give to end users'), { column: 'redirect_url', optional: true }),
  flowToken: field(Type.String({ description: 'Token confirming the mandate with the payment provider (issued by the server)' }), { column: 'flow_token', access: 'read-only' }),
  siteId: referenceField('site_id', 'create-only', 'Site identifier'),
  paymentProviderId: field(Type.Integer({ ...Id, description: 'The payment provider the mandate is held with (default: the one ACTIVE provider serving the site contract owner)' }), {
    column: 'payment_provider_id',
    access: 'create-only',
    defaulted: true,
    sortable: true,
  }),
  returnURL: field(url('URL the payment provider will redirect the browser to at the end of their data collection process'), { column: 'return_url' }),
  mandateReference: field(NameText(255, { description: 'Mandate reference, unique per provider; required for an ACTIVE mandate with an integrated provider (GO_CARDLESS, FINASTRA, STRIPE…)' }), {
    column: 'mandate_reference',
    optional: true,
    sortable: true,
  }),
  thirdPartyCustomerReference: field(NameText(100, { description: 'Reference to the customer in the provider (a Stripe Customer ID: required with a Stripe mandate reference)' }), {
    column: 'third_party_customer_reference',
    optional: true,
  }),
  exitURL: field(url('URL to an alternative payment page when payment provider unavailable'), { column: 'exit_url', optional: true }),
  mandateStatus: field(StringEnum(MANDATE_STATUSES, { description: 'Mandate status, as the provider reports it (default NEW)' }), { column: 'mandate_status', default: 'NEW', sortable: true }),
  mandateCreatedDate: serverDate('mandate_created_date', 'The day the mandate was recorded'),
  mandateUpdatedDate: serverDate('mandate_updated_date', 'The day the mandate last changed'),
}

export const sitePaymentMandateResource = describeResource(sitePaymentMandateFields, { noun: 'Site payment mandate' })
