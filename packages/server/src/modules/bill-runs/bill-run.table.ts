import type { ColumnType, Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** Numeric columns arrive as text (every digit) and take text. */
type Numeric = ColumnType<string, string | undefined, string>

/** The state columns both kinds of bill run share. */
interface BillRunState {
  bill_run_status: string
  summary_status: string
  summary_status_percentage: Generated<number>
  billing_user_admin_id: number | null
  revenue_in_major_currency: Numeric
}

/** `bill_runs`: one period of a billing cycle; at most one bill run of a cycle is not finalised. */
export interface BillRunsTable extends VersionedColumns, BillRunState {
  brand_id: BrandColumn
  id: Generated<number>
  billing_cycle_id: number
  contract_owner_id: number
  billing_cycle_group_name: string | null
  name: string
  sortable_name: string
  created: string
  period_start_date: string
  period_end_date: string
  invoice_date: string
  include_usage_until_date: string | null
  parallel: Generated<boolean>
  usage_suspense_count: Generated<number>
  rental_suspense_count: Generated<number>
  max_invoice_value: string | null
  max_invoice_customer_id: number | null
  paused: Generated<boolean>
}

/** `adhoc_bill_runs`: bill runs outside the schedule. */
export interface AdhocBillRunsTable extends VersionedColumns, BillRunState {
  brand_id: BrandColumn
  id: Generated<number>
  name: string
  nickname: string | null
  created: string
  invoice_date: string
  adhoc_product_inventory_ids: Generated<string[]>
  rental_product_inventory_ids: Generated<string[]>
}

declare module '../../db/tables.ts' {
  interface Tables {
    bill_runs: BillRunsTable
    adhoc_bill_runs: AdhocBillRunsTable
  }
}
