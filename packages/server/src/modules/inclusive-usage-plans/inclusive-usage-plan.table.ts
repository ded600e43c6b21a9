import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** The `inclusive_usage_plans` table: what the list filters has a column, the rest is in `details`. */
export interface InclusiveUsagePlansTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  contract_owner_id: number
  name: string
  usage_product_id: number
  available_from: string
  available_to: string | null
  tax_band_id: number | null
  details: Record<string, unknown>
}

declare module '../../db/tables.ts' {
  interface Tables {
    inclusive_usage_plans: InclusiveUsagePlansTable
  }
}
