import type { ColumnType, Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** The `reference_data_sources` table: the locale as jsonb, its id generated beside it for the filter. */
export interface ReferenceDataSourcesTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  name: string
  locale: unknown
  locale_id: ColumnType<number | null, never, never>
  si_maintained: ColumnType<boolean, boolean | undefined, boolean>
}

/** The `reference_data_source_charge_groups` table: the code unique within its source. */
export interface ReferenceDataSourceChargeGroupsTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  name: string
  code: string
  charge_group_id: number
  reference_data_source_id: number
  start_date: string
  end_date: string | null
}

declare module '../../db/tables.ts' {
  interface Tables {
    reference_data_sources: ReferenceDataSourcesTable
    reference_data_source_charge_groups: ReferenceDataSourceChargeGroupsTable
  }
}
