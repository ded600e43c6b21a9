import { Type, type Static } from 'typebox'
import { DateString, DateTimeString, Id } from '../../http/schemas.ts'
import { existsQuerySchema, listQuerySchema, type ListSpec } from '../../lists/list-query.ts'
import { Address, Email, NameText, OptionalText } from '../../resources/schemas.ts'

/** A site contact (the published ContactDetails is cut off; docs/modules/customers-and-sites.md). */
export const Contact = Type.Object(
  {
    firstName: Type.String({ minLength: 1, maxLength: 50 }),
    lastName: Type.String({ minLength: 1, maxLength: 50 }),
    email: Email,
    telephoneNumber: OptionalText(30),
    mobileNumber: OptionalText(30),
    jobTitle: OptionalText(100),
  },
  { additionalProperties: false },
)

export const SiteInvoiceDetails = Type.Object(
  {
    invoiceTemplateId: Id,
    invoiceSummaryTemplateId: Type.Optional(Id),
    electronicSummaryTemplateIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
    invoiceAddress: Type.Optional(Address),
    accountPackageReference: OptionalText(100),
    paymentTermsInDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365, description: 'Either this or preferredPaymentDay' })),
    preferredPaymentDay: Type.Optional(Type.Integer({ minimum: 1, maximum: 28, description: 'Either this or paymentTermsInDays' })),
  },
  { additionalProperties: false },
)

/** The fields of a site, whether it is created alone or inside a new customer. */
export const siteFields = {
  siteName: NameText(100),
  siteReference: NameText(100),
  startDate: DateString,
  endDate: Type.Optional(DateString),
  siteAddress: Address,
  siteInvoiceDetails: Type.Optional(SiteInvoiceDetails),
  siteIdReceivingInvoice: Type.Optional(Id),
  contacts: Type.Array(Contact, { minItems: 1, maxItems: 50 }),
  repaymentPlanAmount: Type.Optional(Type.Number({ minimum: 1, maximum: 100_000, description: 'Per period, in major currency units' })),
  repaymentPlanRemainingPeriods: Type.Optional(Type.Integer({ minimum: 0, maximum: 240 })),
}

export const SiteBody = Type.Object({ customerId: Id, ...siteFields }, { additionalProperties: false })
export type SiteBody = Static<typeof SiteBody>

export const Site = Type.Object(
  { id: Id, customerId: Id, ...siteFields, createdDate: DateTimeString, updatedDate: DateTimeString },
  { additionalProperties: false },
)
export type Site = Static<typeof Site>

/** A site stays with its customer. */
export const READ_ONLY = ['id', 'customerId', 'createdDate', 'updatedDate'] as const

export const siteList: ListSpec = {
  fields: Object.keys(Site.properties),
  columns: {
    id: { column: 'id', sortable: true },
    customerId: { column: 'customer_id', filter: 'id', sortable: true },
    siteName: { column: 'site_name', filter: 'string', sortable: true },
    siteReference: { column: 'site_reference', filter: 'string', sortable: true },
    startDate: { column: 'start_date', filter: 'date', sortable: true },
    endDate: { column: 'end_date', filter: 'date', sortable: true },
    createdDate: { column: 'created_date', filter: 'datetime', sortable: true },
    updatedDate: { column: 'updated_date', filter: 'datetime', sortable: true },
  },
  tiebreaker: 'id',
}

export const ListSitesQuery = listQuerySchema(siteList)
export const SitesExistQuery = existsQuerySchema(siteList)
