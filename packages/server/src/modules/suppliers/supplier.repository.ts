import type { TenantReader } from '../../db/database.ts'
import { childRowsJson, type ChildRows } from '../../resources/children.ts'
import { idsAmong } from '../../resources/id-lists.ts'
import type { Lookup } from '../../resources/lookups.ts'
import { resourceTable } from '../../resources/table.ts'
import { supplierAccountResource } from './supplier-account.fields.ts'
import { supplierResource } from './supplier.fields.ts'
import './supplier.table.ts'

/** A supplier's accounts as the supplier answers them, and the table its list filters reach. */
export const accountRows: ChildRows = {
  table: 'supplier_accounts',
  parentColumn: 'supplier_id',
  fields: { id: 'id', accountNumber: 'account_number', description: 'description' },
  nullable: ['description'],
}

export const suppliers = resourceTable('suppliers', supplierResource, {
  unique: { suppliers_name_key: 'name' },
  computed: { supplier_accounts: childRowsJson(accountRows) },
})

export const supplierAccounts = resourceTable('supplier_accounts', supplierAccountResource, {
  unique: { supplier_accounts_account_number_key: 'accountNumber' },
  references: { supplier_accounts_supplier_fkey: 'supplierId' },
})

export async function supplierExists(db: TenantReader, id: number): Promise<boolean> {
  return (await db.selectFrom('suppliers').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
}

export async function supplierAccountExists(db: TenantReader, id: number): Promise<boolean> {
  return (await db.selectFrom('supplier_accounts').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
}

/** The supplier's id, when it exists in the brand (for `lookUp`). */
export const supplierLookup = (id: number): Lookup<number> => (db) => db.selectFrom('suppliers').select('id as value').where('id', '=', id)

/** Which of `ids` are supplier accounts of the brand (one query). */
export const supplierAccountsAmong = (ids: readonly number[]) => idsAmong('supplier_accounts', ids)
