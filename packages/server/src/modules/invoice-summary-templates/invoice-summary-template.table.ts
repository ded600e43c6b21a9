import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** The `invoice_summary_templates` table. */
export interface InvoiceSummaryTemplatesTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  name: string
  description: string | null
  contract_owner_ids: number[]
}

declare module '../../db/tables.ts' {
  interface Tables {
    invoice_summary_templates: InvoiceSummaryTemplatesTable
  }
}
