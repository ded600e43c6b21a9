import { Type } from 'typebox'
import { field } from '../../resources/fields.ts'
import { idField, timestampField } from '../../resources/common-fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { Address, DateString, Email, Id, StringEnum, Text } from '../../resources/schemas.ts'

const optional = { optional: true } as const

/** A contract owner's fields (elevate-api.md §4.2, ContractOwner): what is sorted has a column. */
export const contractOwnerFields = {
  id: idField(),
  name: field(Type.String({ minLength: 1, maxLength: 100 }), { column: 'name', filter: 'string', sortable: true }),
  availableFrom: field(DateString, { column: 'available_from', sortable: true }),
  availableTo: field(DateString, { column: 'available_to', sortable: true, optional: true }),
  bankAccountName: field(Text(100), optional),
  bankAccountNumber: field(Text(34), optional),
  bankSortCode: field(Text(20), optional),
  bankSwiftCode: field(Text(11), optional),
  bankIban: field(Text(34), optional),
  companyRegistrationNumber: field(Text(50), optional),
  coBccEmailAddress: field(Email, optional),
  mandatoryAccountReferenceForSite: field(Type.Boolean({ description: 'Absent means false' }), optional),
  prePopulatedFraudPlanId: field(Id, optional),
  siBccEmailAddress: field(Email),
  taxRegistrationNumber: field(Type.String({ minLength: 1, maxLength: 50 })),
  address: field(Address),
  customerServiceTelephoneNumber: field(Text(30), optional),
  customerServiceWebsite: field(Text(255), optional),
  customerServiceEmail: field(Email, optional),
  emailBillingFromAddress: field(Email, optional),
  invoiceCombiningType: field(StringEnum(['NONE', 'CUSTOMER', 'SITE'] as const), optional),
  createdDate: timestampField('created_date', 'sort'),
  updatedDate: timestampField('updated_date', 'sort'),
}

export const contractOwnerResource = describeResource(contractOwnerFields, { noun: 'Contract owner' })
