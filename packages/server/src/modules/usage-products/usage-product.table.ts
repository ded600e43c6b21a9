import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** The `usage_products` table: the listed and referenced fields in columns, the rest in `details`. */
export interface UsageProductsTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  name: string
  nominal_code: string | null
  usage_product_category_id: number
  direction: string
  available_from: string
  available_to: string | null
  details: unknown
}

declare module '../../db/tables.ts' {
  interface Tables {
    usage_products: UsageProductsTable
  }
}
