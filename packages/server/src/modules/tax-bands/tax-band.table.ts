import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** The `tax_bands` table: code and name unique; at most one default band and one band for early termination charges. */
export interface TaxBandsTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  code: string
  name: string
  default_band: boolean
  used_for_etc: boolean
}

/** The `tax_band_rates` table: a band's rates over time; `rate` is numeric(7, 4), sent and read as text. */
export interface TaxBandRatesTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  tax_band_id: number
  rate: string
  start_date: string
  end_date: string | null
}

declare module '../../db/tables.ts' {
  interface Tables {
    tax_bands: TaxBandsTable
    tax_band_rates: TaxBandRatesTable
  }
}
