import { Type } from 'typebox'
import { field } from '../../resources/fields.ts'
import { idField, timestampField } from '../../resources/common-fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { Id, Text } from '../../resources/schemas.ts'

/**
 * A supplier account's fields: one of the brand's accounts with a supplier (usage and costs are
 * bought on an account). The published pages name the account number and its id only (the
 * suppliers' filters); the description is ours.
 */
export const supplierAccountFields = {
  id: idField(),
  // Taken from the path on create (a body may repeat it); fixed afterwards.
  supplierId: field(Type.Integer({ ...Id, description: 'The supplier the account is held with: the one in the path' }), {
    column: 'supplier_id',
    access: 'create-only',
    defaulted: true,
    sortable: true,
  }),
  accountNumber: field(Text(50, { description: 'The account number with the supplier, unique within the supplier', examples: ['OR-100234'] }), {
    column: 'account_number',
    filter: 'string',
    sortable: true,
  }),
  description: field(Text(255, { description: 'What the account is used for' }), { column: 'description', optional: true }),
  createdDate: timestampField('created_date', 'sort'),
  updatedDate: timestampField('updated_date', 'sort'),
}

export const supplierAccountResource = describeResource(supplierAccountFields, { noun: 'Supplier account' })
