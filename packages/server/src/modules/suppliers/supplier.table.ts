import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** The `suppliers` table; their accounts are rows of `supplier_accounts`. */
export interface SuppliersTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  name: string
}

/** The `supplier_accounts` table: the brand's accounts with each supplier. */
export interface SupplierAccountsTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  supplier_id: number
  account_number: string
  description: string | null
}

declare module '../../db/tables.ts' {
  interface Tables {
    suppliers: SuppliersTable
    supplier_accounts: SupplierAccountsTable
  }
}
