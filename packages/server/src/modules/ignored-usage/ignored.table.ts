import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** The `ignored_call_classes` table. */
export interface IgnoredCallClassesTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  call_class: string
  start_date: string
  end_date: string | null
}

/** The `ignored_service_ids` table: the service id unique. */
export interface IgnoredServiceIdsTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  service_id: string
}

declare module '../../db/tables.ts' {
  interface Tables {
    ignored_call_classes: IgnoredCallClassesTable
    ignored_service_ids: IgnoredServiceIdsTable
  }
}
