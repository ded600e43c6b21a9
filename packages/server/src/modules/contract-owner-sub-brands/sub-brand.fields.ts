import { Type } from 'typebox'
import { field } from '../../resources/fields.ts'
import { idField, referenceField, timestampField } from '../../resources/common-fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { Email, Text } from '../../resources/schemas.ts'

const optional = { optional: true } as const

/** A sub-brand's fields (elevate-api.md §4.2, ContractOwnerSubBrand). */
export const subBrandFields = {
  id: idField(),
  contractOwnerId: referenceField('contract_owner_id', 'create-only'),
  name: field(Type.String({ minLength: 1, maxLength: 100 }), { column: 'name', filter: 'string', sortable: true }),
  accountNumberFormat: field(
    Type.String({
      pattern: '^([A-Za-z0-9_-]*[A-Za-z1-9_-])?0{1,12}$',
      description: 'Template of generated customer account numbers: a prefix, then one 0 per digit (SI0000 → SI0001, SI0002, …)',
      examples: ['SI0000'],
    }),
    { column: 'account_number_format' },
  ),
  attachInvoiceToEmail: field(Type.Boolean(), optional),
  bacsReference: field(Text(50), optional),
  bankAccountName: field(Text(100), optional),
  bankAccountNumber: field(Text(34), optional),
  bankSortCode: field(Text(20), optional),
  swiftCode: field(Text(11), optional),
  summaryCustomerAccountNumberLabel: field(Type.String({ minLength: 1, maxLength: 100 })),
  billingPeriodEndDateLabel: field(Type.String({ minLength: 1, maxLength: 100 })),
  companyRegistrationNumber: field(Text(50), optional),
  companyRegistrationNumberLabel: field(Text(100), optional),
  vatRegistrationNumber: field(Type.String({ minLength: 1, maxLength: 50 })),
  customerServiceEmail: field(Email, optional),
  customerServiceTelephoneNumber: field(Text(30), optional),
  // The published sub-brand names its timestamps createdAt and updatedAt.
  createdAt: timestampField('created_date', 'filter'),
  updatedAt: timestampField('updated_date', 'filter'),
}

export const subBrandResource = describeResource(subBrandFields, { noun: 'Contract owner sub-brand' })
