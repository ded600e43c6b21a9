import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** The `admin_contacts` table; all but the name (filtered and sorted) live in `details`. */
export interface AdminContactsTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  name: string
  details: Record<string, unknown>
}

declare module '../../db/tables.ts' {
  interface Tables {
    admin_contacts: AdminContactsTable
  }
}
