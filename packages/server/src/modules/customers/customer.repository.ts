import { sql } from 'kysely'
import type { Actor } from '../../auth/actor.ts'
import type { TenantReader } from '../../db/database.ts'
import type { Condition } from '../../lists/filters.ts'
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

/**
 * Contract-owner scope for records that belong to a customer (pricing assignments): their customer
 * is one of the owner's, read at query time, so it follows a customer moved to another owner.
 */
export function customerScopeConditions(actor: Actor, customerColumn: string): Condition[] {
  if (actor.contractOwnerId === null) return []
  return [{ column: customerColumn, operator: 'in', value: sql`(select c.id from customers as c where c.contract_owner_id = ${actor.contractOwnerId})` }]
}
