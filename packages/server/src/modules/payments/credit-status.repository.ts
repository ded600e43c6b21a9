import type { TenantTransaction } from '../../db/database.ts'
import { resourceTable } from '../../resources/table.ts'
import { creditStatusResource } from './credit-status.fields.ts'
import './ledger.table.ts'

/** The published credit status, read from the `customer_credit_status` view. */
export const creditStatuses = resourceTable('customer_credit_status', creditStatusResource)

/** Sets (or replaces) the customer's credit threshold. */
export async function saveThreshold(trx: TenantTransaction, customerId: number, threshold: string, username: string, at: Date): Promise<void> {
  await trx
    .insertInto('customer_credit_thresholds')
    .values({ customer_id: customerId, credit_threshold: threshold, updated_by: username, updated_date: at })
    .onConflict((conflict) => conflict.columns(['brand_id', 'customer_id']).doUpdateSet({ credit_threshold: threshold, updated_by: username, updated_date: at }))
    .execute()
}

/** Removes the customer's threshold; false when it had none. */
export async function removeThreshold(db: TenantTransaction, customerId: number): Promise<boolean> {
  const result = await db.deleteFrom('customer_credit_thresholds').where('customer_id', '=', customerId).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}
