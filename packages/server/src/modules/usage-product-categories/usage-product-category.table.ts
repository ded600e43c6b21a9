import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** The `usage_product_categories` table: the name unique within the brand. */
export interface UsageProductCategoriesTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  name: string
}

declare module '../../db/tables.ts' {
  interface Tables {
    usage_product_categories: UsageProductCategoriesTable
  }
}
