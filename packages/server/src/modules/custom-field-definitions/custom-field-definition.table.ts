import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** The `custom_field_definitions` table: every field has its column. */
export interface CustomFieldDefinitionsTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  label: string
  entity_level: string
}

declare module '../../db/tables.ts' {
  interface Tables {
    custom_field_definitions: CustomFieldDefinitionsTable
  }
}
