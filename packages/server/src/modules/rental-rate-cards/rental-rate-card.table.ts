import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** The `rental_rate_cards` table. */
export interface RentalRateCardsTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  contract_owner_ids: number[]
  name: string
  rental_product_category_id: number
  rental_rate_card_type: string
  based_on_template_id: number | null
  available_from: string
  available_to: string | null
  accept_overrides_from_parents: boolean
  supplier_account_id: number | null
}

declare module '../../db/tables.ts' {
  interface Tables {
    rental_rate_cards: RentalRateCardsTable
  }
}
