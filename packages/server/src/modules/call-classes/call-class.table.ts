import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

interface Mapped extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  reference_data_source_charge_group_id: number
  start_date: string
  end_date: string | null
}

/** The `call_classes` table. */
export interface CallClassesTable extends Mapped {
  call_class: string
}

/** The `dialstrings` table. */
export interface DialstringsTable extends Mapped {
  dialstring: string
}

declare module '../../db/tables.ts' {
  interface Tables {
    call_classes: CallClassesTable
    dialstrings: DialstringsTable
  }
}
