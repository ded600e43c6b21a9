import type { TenantReader } from '../../db/database.ts'
import { lookUpOne, type Lookup } from '../../resources/lookups.ts'
import { resourceTable } from '../../resources/table.ts'
import { billingCycleResource } from './billing-cycle.fields.ts'
import './billing-cycle.table.ts'

export const billingCycles = resourceTable('billing_cycles', billingCycleResource, { unique: { billing_cycles_name_key: 'name' } })

/** A billing cycle's contract owner, or undefined when it does not exist in the brand. */
export const billingCycleOwnerLookup = (id: number): Lookup<number> => (db) => db.selectFrom('billing_cycles').select('contract_owner_id as value').where('id', '=', id)

export function billingCycleOwner(db: TenantReader, id: number): Promise<number | undefined> {
  return lookUpOne(db, billingCycleOwnerLookup(id))
}
