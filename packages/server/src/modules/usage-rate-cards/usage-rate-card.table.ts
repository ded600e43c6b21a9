import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** The `usage_rate_cards` table: what the list filters has a column, the rest is in `details`. */
export interface UsageRateCardsTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  contract_owner_ids: number[]
  name: string
  rate_card_type: string
  available_from: string
  available_to: string | null
  usage_product_id: number
  supplier_id: number | null
  details: Record<string, unknown>
}

declare module '../../db/tables.ts' {
  interface Tables {
    usage_rate_cards: UsageRateCardsTable
  }
}
