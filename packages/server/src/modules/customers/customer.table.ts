import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

export interface CustomersTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  contract_owner_id: number
  contract_owner_sub_brand_id: number
  billing_cycle_id: number
  customer_type: string
  customer_name: string
  customer_account_number: string
  start_date: string
  end_date: string | null
}

declare module '../../db/tables.ts' {
  interface Tables {
    customers: CustomersTable
  }
}
