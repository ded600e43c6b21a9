import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** The `invoice_group_tag_labels` table; the sub-brand's contract owner is copied for scope. */
export interface InvoiceGroupTagLabelsTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  contract_owner_sub_brand_id: number
  contract_owner_id: number
  label: string
  show_on_invoice: boolean
}

declare module '../../db/tables.ts' {
  interface Tables {
    invoice_group_tag_labels: InvoiceGroupTagLabelsTable
  }
}
