import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** The `usage_product_inventories` table: listed and billed fields in columns, the rest in `details`. */
export interface UsageProductInventoriesTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  site_id: number
  usage_product_id: number
  start_date: string
  end_date: string | null
  supplier_account_id: number | null
  bill_by_service_id: boolean
  service_id: string | null
  billable: boolean
  in_flight_order: boolean
  pending_end_date: string | null
  usage_cap_enabled: boolean
  /** numeric: pg returns it as text, to keep every digit. */
  default_usage_cap: string | null
  override_usage_cap: string | null
  apply_surcharges: boolean
  details: unknown
}

/** The `usage_product_references` table: a UPI's references, dated. */
export interface UsageProductReferencesTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  usage_product_inventory_id: number
  product_reference: string
  is_primary: boolean
  label: string | null
  start_date: string
  end_date: string | null
  user_id: string | null
  user_email: string | null
  cost_centre_code: string | null
  department_code: string | null
  notes: string | null
}

declare module '../../db/tables.ts' {
  interface Tables {
    usage_product_inventories: UsageProductInventoriesTable
    usage_product_references: UsageProductReferencesTable
  }
}
