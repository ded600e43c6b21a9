import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** The `invoice_document_profiles` table; the lists of ids are bigint[] columns. */
export interface InvoiceDocumentProfilesTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  name: string
  description: string | null
  invoice_template_id: number
  invoice_summary_template_id: number | null
  invoice_summary_template_component_ids: number[]
  electronic_summary_template_ids: number[]
  contract_owner_ids: number[]
}

declare module '../../db/tables.ts' {
  interface Tables {
    invoice_document_profiles: InvoiceDocumentProfilesTable
  }
}
