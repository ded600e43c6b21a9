import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** The `product_custom_fields` table: the label unique within its entity level. */
export interface ProductCustomFieldsTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  label: string
  entity_level: string
  product_category_ids: number[]
}

declare module '../../db/tables.ts' {
  interface Tables {
    product_custom_fields: ProductCustomFieldsTable
  }
}
