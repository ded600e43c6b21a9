import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** The `email_templates` table; the texts live in `details`, the substitutions read from them beside. */
export interface EmailTemplatesTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  name: string
  substitutions: string[]
  details: Record<string, unknown>
}

declare module '../../db/tables.ts' {
  interface Tables {
    email_templates: EmailTemplatesTable
  }
}
