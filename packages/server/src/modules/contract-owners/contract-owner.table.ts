import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

export interface ContractOwnersTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  name: string
  available_from: string
  available_to: string | null
  details: Record<string, unknown>
}

declare module '../../db/tables.ts' {
  interface Tables {
    contract_owners: ContractOwnersTable
  }
}
