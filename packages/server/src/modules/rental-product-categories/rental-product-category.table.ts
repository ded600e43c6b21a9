import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** The `rental_product_categories` table: the name unique within the brand. */
export interface RentalProductCategoriesTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  name: string
  start_date: string
  end_date: string | null
  si_maintained: Generated<boolean>
  contract_owner_ids: number[]
  supplier_account_ids: number[]
  display_icon: string | null
}

declare module '../../db/tables.ts' {
  interface Tables {
    rental_product_categories: RentalProductCategoriesTable
  }
}
