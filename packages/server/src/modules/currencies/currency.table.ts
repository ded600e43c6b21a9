import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** The `currencies` table: one row per currency of the brand, the code unique. */
export interface CurrenciesTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  name: string
  code: string
  major_currency_name: string
  minor_currency_name: string
}

/** ISO 4217, the same for every brand (not a tenant table): what a new brand's currencies are copied from. */
export interface Iso4217CurrenciesTable {
  code: string
  name: string
  major_currency_name: string
  minor_currency_name: string
}

declare module '../../db/tables.ts' {
  interface Tables {
    currencies: CurrenciesTable
    iso_4217_currencies: Iso4217CurrenciesTable
  }
}
