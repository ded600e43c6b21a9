import type { TenantReader } from '../../db/database.ts'
import type { Lookup } from '../../resources/lookups.ts'
import { resourceTable } from '../../resources/table.ts'
import { customerResource } from './customer.fields.ts'
import './customer.table.ts'

export const customers = resourceTable('customers', customerResource, {
  unique: { customers_account_number_key: 'customerAccountNumber' },
  // A sub-brand deleted after the write checked it (the one reference that can be deleted).
  references: { customers_brand_id_contract_owner_sub_brand_id_fkey: 'contractOwnerSubBrandId' },
})

/** A customer's contract owner, if the customer exists in the brand. */
export async function customerOwner(db: TenantReader, customerId: number): Promise<number | undefined> {
  const row = await db.selectFrom('customers').select('contract_owner_id').where('id', '=', customerId).executeTakeFirst()
  return row?.contract_owner_id
}

/** The contract owner of a customer, when the brand has it (for `lookUp`). */
export const customerOwnerLookup = (id: number): Lookup<number> => (db) => db.selectFrom('customers').select('contract_owner_id as value').where('id', '=', id)
