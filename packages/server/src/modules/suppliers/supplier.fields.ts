import { Type } from 'typebox'
import { field } from '../../resources/fields.ts'
import { idField, timestampField } from '../../resources/common-fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { Id, Text } from '../../resources/schemas.ts'

/** A supplier account as its supplier answers it (the account itself: supplier-account.fields.ts). */
const SupplierAccountSummary = Type.Object(
  {
    id: Id,
    accountNumber: Text(50, { description: 'The account number with the supplier' }),
    description: Type.Optional(Text(255)),
  },
  { additionalProperties: false },
)

/**
 * A supplier's fields (Admin API, tag `suppliers`): "the third party supplier of a product or
 * service available to be billed via Elevate", which "allows for a number of different accounts
 * with each supplier". The published list filters by the accounts (`accountNumber`,
 * `supplierAccountId`), so the accounts are answered inside their supplier.
 */
export const supplierFields = {
  id: idField(),
  name: field(Text(100, { description: 'Supplier name, unique within the brand', examples: ['Openreach'] }), { column: 'name', filter: 'string', folded: true, sortable: true }),
  // Read here, written through /v1/suppliers/{supplierId}/supplier-accounts.
  supplierAccounts: field(Type.Array(SupplierAccountSummary, { description: 'The accounts held with the supplier, by id' }), { column: 'supplier_accounts', access: 'read-only' }),
  createdDate: timestampField('created_date', 'sort'),
  updatedDate: timestampField('updated_date', 'sort'),
}

export const supplierResource = describeResource(supplierFields, {
  noun: 'Supplier',
  // The published filters on the supplier's accounts: suppliers with an account that matches.
  filters: {
    accountNumber: { column: 'supplier_accounts.account_number', filter: 'string' },
    supplierAccountId: { column: 'supplier_accounts.id', filter: 'id' },
  },
})
