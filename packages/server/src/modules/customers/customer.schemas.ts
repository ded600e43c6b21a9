import { Type, type Static } from 'typebox'
import { DateString, DateTimeString, Id } from '../../http/schemas.ts'
import { existsQuerySchema, listQuerySchema, type ListSpec } from '../../lists/list-query.ts'
import { StringEnum } from '../../resources/schemas.ts'
import { Site, siteFields } from '../sites/index.ts'

export const CUSTOMER_TYPES = ['RESIDENTIAL', 'BUSINESS', 'RESELLER', 'STAFF_MEMBER'] as const

/** Fields of a customer a client writes (elevate-api.md §3.3). */
const writable = {
  contractOwnerId: Id,
  contractOwnerSubBrandId: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: "Absent on create: the contract owner's first sub-brand" })),
  billingCycleId: Id,
  customerType: StringEnum(CUSTOMER_TYPES),
  customerName: Type.String({ minLength: 1, maxLength: 255 }),
  customerAccountNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: "Absent on create: generated from the sub-brand's accountNumberFormat" })),
  startDate: DateString,
  endDate: Type.Optional(DateString),
}

/** A customer as a PATCH leaves it (its sites are managed through /v1/sites). */
export const CustomerBody = Type.Object(writable, { additionalProperties: false })
export type CustomerBody = Static<typeof CustomerBody>

/** Sites created with a new customer: `customerId` absent or 0, as published. */
const NewCustomerSite = Type.Object(
  { customerId: Type.Optional(Type.Integer({ minimum: 0, maximum: 0, description: '0 (or absent): the customer being created' })), ...siteFields },
  { additionalProperties: false },
)

export const CreateCustomerBody = Type.Object(
  { ...writable, sites: Type.Array(NewCustomerSite, { minItems: 1, maxItems: 100 }) },
  { additionalProperties: false },
)
export type CreateCustomerBody = Static<typeof CreateCustomerBody>

export const Customer = Type.Object(
  {
    id: Id,
    ...writable,
    contractOwnerSubBrandId: Id,
    customerAccountNumber: Type.String(),
    createdDate: DateTimeString,
    updatedDate: DateTimeString,
  },
  { additionalProperties: false },
)
export type Customer = Static<typeof Customer>

export const CreatedCustomer = Type.Object({ ...Customer.properties, sites: Type.Array(Site) }, { additionalProperties: false })
export type CreatedCustomer = Static<typeof CreatedCustomer>

export const READ_ONLY = ['id', 'createdDate', 'updatedDate'] as const

export const customerList: ListSpec = {
  fields: Object.keys(Customer.properties),
  columns: {
    id: { column: 'id', sortable: true },
    contractOwnerId: { column: 'contract_owner_id', filter: 'id', sortable: true },
    customerName: { column: 'customer_name', filter: 'string', sortable: true },
    customerType: { column: 'customer_type', filter: 'string', sortable: true },
    customerAccountNumber: { column: 'customer_account_number', filter: 'string', sortable: true },
    billingCycleId: { column: 'billing_cycle_id', filter: 'id', sortable: true },
    startDate: { column: 'start_date', filter: 'date', sortable: true },
    endDate: { column: 'end_date', filter: 'date', sortable: true },
    createdDate: { column: 'created_date', filter: 'datetime', sortable: true },
    updatedDate: { column: 'updated_date', filter: 'datetime', sortable: true },
  },
  tiebreaker: 'id',
}

export const ListCustomersQuery = listQuerySchema(customerList)
export const CustomersExistQuery = existsQuerySchema(customerList)
