import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** The `rental_rates` table: the rates of a rental rate card; `price` is numeric(11, 4), sent and read as text. */
export interface RentalRatesTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  rental_rate_card_id: number
  rental_product_id: number
  price: string
  rental_rate_type: string | null
  rental_rate_price_type: string
  periods_in_advance: string | null
  rental_rate_frequency: string | null
  start_date: string
  end_date: string | null
  show_on_invoice: boolean
}

declare module '../../db/tables.ts' {
  interface Tables {
    rental_rates: RentalRatesTable
  }
}
