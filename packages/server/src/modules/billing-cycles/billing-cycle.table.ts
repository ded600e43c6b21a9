import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** The `billing_cycles` table; fields nobody filters live in `details` (the field map says which). */
export interface BillingCyclesTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  contract_owner_id: number
  name: string
  details: Record<string, unknown>
}

declare module '../../db/tables.ts' {
  interface Tables {
    billing_cycles: BillingCyclesTable
  }
}
