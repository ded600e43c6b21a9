import { Type, type Static } from 'typebox'
import { DateTimeString, Id } from '../../http/schemas.ts'
import { listQuerySchema, type ListSpec } from '../../lists/list-query.ts'
import { Email, OptionalText } from '../../resources/schemas.ts'

/** Fields of a sub-brand a client writes (elevate-api.md §4.2, ContractOwnerSubBrand). */
const writable = {
  contractOwnerId: Id,
  name: Type.String({ minLength: 1, maxLength: 100 }),
  accountNumberFormat: Type.String({
    pattern: '^([A-Za-z0-9_-]*[A-Za-z1-9_-])?0{1,12}$',
    description: 'Template of generated customer account numbers: a prefix, then one 0 per digit (SI0000 → SI0001, SI0002, …)',
    examples: ['SI0000'],
  }),
  attachInvoiceToEmail: Type.Optional(Type.Boolean()),
  bacsReference: OptionalText(50),
  bankAccountName: OptionalText(100),
  bankAccountNumber: OptionalText(34),
  bankSortCode: OptionalText(20),
  swiftCode: OptionalText(11),
  summaryCustomerAccountNumberLabel: Type.String({ minLength: 1, maxLength: 100 }),
  billingPeriodEndDateLabel: Type.String({ minLength: 1, maxLength: 100 }),
  companyRegistrationNumber: OptionalText(50),
  companyRegistrationNumberLabel: OptionalText(100),
  vatRegistrationNumber: Type.String({ minLength: 1, maxLength: 50 }),
  customerServiceEmail: Type.Optional(Email),
  customerServiceTelephoneNumber: OptionalText(30),
}

export const SubBrandBody = Type.Object(writable, { additionalProperties: false })
export type SubBrandBody = Static<typeof SubBrandBody>

// The published sub-brand names its timestamps createdAt and updatedAt.
export const SubBrand = Type.Object(
  { id: Id, ...writable, createdAt: DateTimeString, updatedAt: DateTimeString },
  { additionalProperties: false },
)
export type SubBrand = Static<typeof SubBrand>

/** A sub-brand stays with its contract owner. */
export const READ_ONLY = ['id', 'contractOwnerId', 'createdAt', 'updatedAt'] as const

export const subBrandList: ListSpec = {
  fields: Object.keys(SubBrand.properties),
  columns: {
    id: { column: 'id', sortable: true },
    name: { column: 'name', filter: 'string', sortable: true },
    contractOwnerId: { column: 'contract_owner_id', filter: 'id', sortable: true },
    createdAt: { column: 'created_date', filter: 'datetime', sortable: true },
    updatedAt: { column: 'updated_date', filter: 'datetime', sortable: true },
  },
  tiebreaker: 'id',
}

export const ListSubBrandsQuery = listQuerySchema(subBrandList)
