import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** The `adhoc_inventories` table: money in exact numeric columns, the rest of the published fields in `details`. */
export interface AdhocInventoriesTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  site_id: number
  name: string
  supplier_account_id: number
  /** numeric: pg returns it as text, to keep every digit. */
  buy_price: string | null
  sell_price: string
  quantity: string
  bill_immediately: boolean
  is_credit: boolean
  paid: boolean
  rental_product_category_id: number
  tax_band_id: number
  nominal_code: string | null
  invoice_group_tag_label_id: number | null
  invoice_group_tag_value: string | null
  bill_run_id: number | null
  adhoc_bill_run_id: number | null
  details: unknown
}

declare module '../../db/tables.ts' {
  interface Tables {
    adhoc_inventories: AdhocInventoriesTable
  }
}
