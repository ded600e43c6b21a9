import { Type } from 'typebox'
import { field } from '../../resources/fields.ts'
import { dateField, idField, referenceField, timestampField } from '../../resources/common-fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { DateString, StringEnum } from '../../resources/schemas.ts'
import { NewCustomerSite, siteResource } from './site.fields.ts'

export const CUSTOMER_TYPES = ['RESIDENTIAL', 'BUSINESS', 'RESELLER', 'STAFF_MEMBER'] as const

/** A customer's fields (elevate-api.md §3.3); its sites are managed through /v1/sites. */
export const customerFields = {
  id: idField(),
  contractOwnerId: referenceField('contract_owner_id', 'read-write'),
  contractOwnerSubBrandId: field(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: "Absent on create: the contract owner's first sub-brand" }), {
    column: 'contract_owner_sub_brand_id',
    defaulted: true,
  }),
  billingCycleId: referenceField('billing_cycle_id', 'read-write'),
  customerType: field(StringEnum(CUSTOMER_TYPES), { column: 'customer_type', filter: 'string', sortable: true }),
  customerName: field(Type.String({ minLength: 1, maxLength: 255 }), { column: 'customer_name', filter: 'string', folded: true, sortable: true }),
  customerAccountNumber: field(Type.String({ minLength: 1, maxLength: 50, description: "Absent on create: generated from the sub-brand's accountNumberFormat" }), {
    column: 'customer_account_number',
    filter: 'string',
    sortable: true,
    defaulted: true,
  }),
  startDate: dateField('start_date'),
  endDate: field(DateString, { column: 'end_date', filter: 'date', sortable: true, optional: true }),
  createdDate: timestampField('created_date', 'filter'),
  updatedDate: timestampField('updated_date', 'filter'),
}

export const customerResource = describeResource(customerFields, { noun: 'Customer' })

/** A new customer comes with its first sites (at least one), created in the same transaction. */
export const CreateCustomerBody = Type.Object(
  { ...customerResource.createBody.properties, sites: Type.Array(NewCustomerSite, { minItems: 1, maxItems: 100 }) },
  { additionalProperties: false },
)

/** What a create answers: the customer with its new sites. */
export const CreatedCustomer = Type.Object(
  { ...customerResource.schema.properties, sites: Type.Array(siteResource.schema) },
  { additionalProperties: false },
)
