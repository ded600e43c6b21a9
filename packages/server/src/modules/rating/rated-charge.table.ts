import type { ColumnType, Generated } from 'kysely'
import type { BrandColumn } from '../../db/columns.ts'

/** numeric: read as text (every digit), written as decimal text. */
type Numeric = ColumnType<string, string, string>

export type ChargeType = 'Rental' | 'OneOff' | 'Adhoc'

/** `rated_charges`: what rating made, one row per invoice line to be (migration 2026_12_07_0100). */
export interface RatedChargesTable {
  brand_id: BrandColumn
  id: Generated<number>
  bill_run_id: number | null
  adhoc_bill_run_id: number | null
  customer_id: number
  site_id: number
  rental_product_inventory_id: number | null
  adhoc_inventory_id: number | null
  charge_type: ChargeType
  description: string
  product_reference: string | null
  charge_start_date: string
  charge_end_date: string
  unit_price: Numeric
  quantity: Numeric
  amount: Numeric
  tax_band_id: number | null
  tax_rate: Numeric
  currency_code: string
  creation_date: string
}

declare module '../../db/tables.ts' {
  interface Tables {
    rated_charges: RatedChargesTable
  }
}
