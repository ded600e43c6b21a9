import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** The `rental_products` table: the listed and referenced fields in columns, the rest in `details`. */
export interface RentalProductsTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  rental_product_category_id: number
  product_type: string
  name: string
  invoice_presentation_name: string
  parent_rental_product_id: number | null
  supplier_id: number
  tax_band_id: number
  available_from: string
  available_to: string | null
  nominal_code: string | null
  details: unknown
}

declare module '../../db/tables.ts' {
  interface Tables {
    rental_products: RentalProductsTable
  }
}
