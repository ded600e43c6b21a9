import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

export interface SitesTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  customer_id: number
  /** The customer's contract owner, copied so scope applies without a join. */
  contract_owner_id: number
  site_name: string
  site_reference: string
  start_date: string
  end_date: string | null
  site_address: Record<string, unknown>
  site_invoice_details: Record<string, unknown> | null
  site_id_receiving_invoice: number | null
  contacts: Array<Record<string, unknown>>
  /** numeric: pg returns it as text, to keep every digit. */
  repayment_plan_amount: string | number | null
  repayment_plan_remaining_periods: number | null
}

declare module '../../db/tables.ts' {
  interface Tables {
    sites: SitesTable
  }
}
