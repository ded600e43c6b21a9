import { Type } from 'typebox'
import { field } from '../../resources/fields.ts'
import { dateField, idField, jsonText, referenceField, timestampField } from '../../resources/common-fields.ts'
import { decimalNumber } from '../../resources/decimal.ts'
import { describeResource } from '../../resources/resource.ts'
import { Address, DateString, Email, Id, NameText, Text } from '../../resources/schemas.ts'

const optional = { optional: true } as const

/** A site contact (the published ContactDetails is cut off; docs/modules/customers-and-sites.md). */
export const Contact = Type.Object(
  {
    firstName: Type.String({ minLength: 1, maxLength: 50 }),
    lastName: Type.String({ minLength: 1, maxLength: 50 }),
    email: Email,
    telephoneNumber: Type.Optional(Text(30)),
    mobileNumber: Type.Optional(Text(30)),
    jobTitle: Type.Optional(Text(100)),
  },
  { additionalProperties: false },
)

export const SiteInvoiceDetails = Type.Object(
  {
    invoiceTemplateId: Id,
    invoiceSummaryTemplateId: Type.Optional(Id),
    electronicSummaryTemplateIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
    invoiceAddress: Type.Optional(Address),
    accountPackageReference: Type.Optional(Text(100)),
    paymentTermsInDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365, description: 'Either this or preferredPaymentDay' })),
    preferredPaymentDay: Type.Optional(Type.Integer({ minimum: 1, maximum: 28, description: 'Either this or paymentTermsInDays' })),
  },
  { additionalProperties: false },
)

/** A site's fields (elevate-api.md §3.5). A site stays with its customer. */
export const siteFields = {
  id: idField(),
  customerId: referenceField('customer_id', 'create-only'),
  siteName: field(NameText(100), { column: 'site_name', filter: 'string', folded: true, sortable: true }),
  siteReference: field(NameText(100), { column: 'site_reference', filter: 'string', sortable: true }),
  startDate: dateField('start_date'),
  endDate: field(DateString, { column: 'end_date', filter: 'date', sortable: true, optional: true }),
  siteAddress: field(Address, { column: 'site_address' }),
  siteInvoiceDetails: field(SiteInvoiceDetails, { column: 'site_invoice_details', optional: true }),
  siteIdReceivingInvoice: field(Id, { column: 'site_id_receiving_invoice', optional: true }),
  contacts: field(Type.Array(Contact, { minItems: 1, maxItems: 50 }), { column: 'contacts', write: jsonText }),
  repaymentPlanAmount: field(Type.Number({ minimum: 1, maximum: 100_000, description: 'Per period, in major currency units' }), {
    column: 'repayment_plan_amount',
    optional: true,
    read: decimalNumber,
  }),
  repaymentPlanRemainingPeriods: field(Type.Integer({ minimum: 0, maximum: 240 }), { column: 'repayment_plan_remaining_periods', optional: true }),
  createdDate: timestampField('created_date', 'filter'),
  updatedDate: timestampField('updated_date', 'filter'),
}

export const siteResource = describeResource(siteFields, {
  noun: 'Site',
  // The published mandate filters (Payment and Refund API's site payment mandates): sites with a
  // mandate that matches them all (`mandateConditions`).
  filters: {
    mandateStatus: { column: 'site_payment_mandates.mandate_status', filter: 'string' },
    mandateCreatedDate: { column: 'site_payment_mandates.mandate_created_date', filter: 'date' },
    mandateUpdatedDate: { column: 'site_payment_mandates.mandate_updated_date', filter: 'date' },
    mandateReference: { column: 'site_payment_mandates.mandate_reference', filter: 'string' },
  },
})

/** A site created with a new customer: no customer yet (`customerId` absent or 0, as published). */
export const NewCustomerSite = Type.Object(
  {
    customerId: Type.Optional(Type.Integer({ minimum: 0, maximum: 0, description: '0 (or absent): the customer being created' })),
    ...Type.Omit(siteResource.createBody, ['customerId']).properties,
  },
  { additionalProperties: false },
)
