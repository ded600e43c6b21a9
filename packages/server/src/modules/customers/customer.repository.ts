import type { Selectable } from 'kysely'
import type { TenantTransaction } from '../../db/database.ts'
import type { CustomersTable } from '../../db/tables.ts'
import { tableRepository } from '../../resources/table-repository.ts'

export type CustomerRow = Omit<Selectable<CustomersTable>, 'brand_id'>
export type CustomerValues = Omit<CustomerRow, 'id' | 'version' | 'created_date' | 'updated_date'>

const COLUMNS = [
  'id', 'contract_owner_id', 'contract_owner_sub_brand_id', 'billing_cycle_id', 'customer_type', 'customer_name',
  'customer_account_number', 'start_date', 'end_date', 'version', 'created_date', 'updated_date',
] as const

export const customers = tableRepository<CustomerRow, CustomerValues>('customers', COLUMNS)

export async function accountNumberTaken(trx: TenantTransaction, accountNumber: string): Promise<boolean> {
  const row = await trx.selectFrom('customers').select('id').where('customer_account_number', '=', accountNumber).executeTakeFirst()
  return row !== undefined
}
