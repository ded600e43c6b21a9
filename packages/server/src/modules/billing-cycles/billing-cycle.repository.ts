import type { TenantReader } from '../../db/database.ts'
import { resourceTable } from '../../resources/table.ts'
import { billingCycleResource } from './billing-cycle.fields.ts'
import './billing-cycle.table.ts'

export const billingCycles = resourceTable('billing_cycles', billingCycleResource, { unique: { billing_cycles_name_key: 'name' } })

/** A billing cycle's contract owner, or undefined when it does not exist in the brand. */
export async function billingCycleOwner(db: TenantReader, id: number): Promise<number | undefined> {
  const row = await db.selectFrom('billing_cycles').select('contract_owner_id').where('id', '=', id).executeTakeFirst()
  return row?.contract_owner_id
}
