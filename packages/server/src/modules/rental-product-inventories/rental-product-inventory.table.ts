import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** The `rental_product_inventories` table: what lists filter on and billing reads in columns, the rest in `details`. */
export interface RentalProductInventoriesTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  site_id: number
  rental_product_id: number
  parent_rental_product_inventory_id: number | null
  invoice_presentation_product_name: string
  supplier_account_id: number
  start_date: string
  end_date: string | null
  invoice_frequency: number
  quantity: number
  product_reference: string | null
  additional_product_reference: string | null
  treat_start_as_whole_period: boolean
  treat_end_as_whole_period: boolean
  contract_start_date: string | null
  nominal_code: string | null
  billable: boolean
  in_flight_order: boolean
  bill_initial_charges_immediately: boolean
  aligned_to_start: boolean
  aligned_to_bill_period: boolean
  pending_end_date: string | null
  force_billing: boolean
  force_bill_periods: number
  details: unknown
}

declare module '../../db/tables.ts' {
  interface Tables {
    rental_product_inventories: RentalProductInventoriesTable
  }
}
