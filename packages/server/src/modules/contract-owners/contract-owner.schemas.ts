import { Type, type Static } from 'typebox'
import { DateString, DateTimeString, Id } from '../../http/schemas.ts'
import { listQuerySchema, type ListSpec } from '../../lists/list-query.ts'
import { Address, Email, OptionalText, StringEnum } from '../../resources/schemas.ts'

/** Fields of a contract owner a client writes (elevate-api.md §4.2, ContractOwner). */
const writable = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  availableFrom: DateString,
  availableTo: Type.Optional(DateString),
  bankAccountName: OptionalText(100),
  bankAccountNumber: OptionalText(34),
  bankSortCode: OptionalText(20),
  bankSwiftCode: OptionalText(11),
  bankIban: OptionalText(34),
  companyRegistrationNumber: OptionalText(50),
  coBccEmailAddress: Type.Optional(Email),
  mandatoryAccountReferenceForSite: Type.Optional(Type.Boolean({ description: "Absent means false" })),
  prePopulatedFraudPlanId: Type.Optional(Id),
  siBccEmailAddress: Email,
  taxRegistrationNumber: Type.String({ minLength: 1, maxLength: 50 }),
  address: Address,
  customerServiceTelephoneNumber: OptionalText(30),
  customerServiceWebsite: OptionalText(255),
  customerServiceEmail: Type.Optional(Email),
  emailBillingFromAddress: Type.Optional(Email),
  invoiceCombiningType: Type.Optional(StringEnum(['NONE', 'CUSTOMER', 'SITE'] as const)),
}

export const ContractOwnerBody = Type.Object(writable, { additionalProperties: false })
export type ContractOwnerBody = Static<typeof ContractOwnerBody>

export const ContractOwner = Type.Object(
  { id: Id, ...writable, createdDate: DateTimeString, updatedDate: DateTimeString },
  { additionalProperties: false },
)
export type ContractOwner = Static<typeof ContractOwner>

export const READ_ONLY = ['id', 'createdDate', 'updatedDate'] as const

export const contractOwnerList: ListSpec = {
  fields: Object.keys(ContractOwner.properties),
  columns: {
    id: { column: 'id', sortable: true },
    name: { column: 'name', filter: 'string', sortable: true },
    availableFrom: { column: 'available_from', sortable: true },
    availableTo: { column: 'available_to', sortable: true },
    createdDate: { column: 'created_date', sortable: true },
    updatedDate: { column: 'updated_date', sortable: true },
  },
  tiebreaker: 'id',
}

export const ListContractOwnersQuery = listQuerySchema(contractOwnerList)
