import type { ColumnType, Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

export interface ContractOwnerSubBrandsTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  contract_owner_id: number
  name: string
  account_number_format: string
  next_account_number: ColumnType<number, never, number>
  details: Record<string, unknown>
}

declare module '../../db/tables.ts' {
  interface Tables {
    contract_owner_sub_brands: ContractOwnerSubBrandsTable
  }
}
