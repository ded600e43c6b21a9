import type { TenantReader, TenantTransaction } from '../../db/database.ts'
import { lookUpOne, type Lookup } from '../../resources/lookups.ts'
import { resourceTable } from '../../resources/table.ts'
import { subBrandResource } from './sub-brand.fields.ts'
import './sub-brand.table.ts'

export const subBrands = resourceTable('contract_owner_sub_brands', subBrandResource, {
  unique: { contract_owner_sub_brands_name_key: 'name' },
  // A sub-brand its customers use is not deleted: the customers' foreign key decides (409 in_use).
  referencedBy: { customers_brand_id_contract_owner_sub_brand_id_fkey: 'customers' },
  inUseAdvice: 'move its customers to another sub-brand (PATCH /v1/customers/{customerId}) first',
})

export const subBrandOwnerLookup = (id: number): Lookup<number> => (db) => db.selectFrom('contract_owner_sub_brands').select('contract_owner_id as value').where('id', '=', id)

export function subBrandOwner(db: TenantReader, id: number): Promise<number | undefined> {
  return lookUpOne(db, subBrandOwnerLookup(id))
}

/**
 * Takes the next number of a sub-brand's account-number sequence. The row lock this update holds
 * until commit serialises creates within one sub-brand, so no two customers draw the same number.
 * Undefined when the sub-brand is gone (deleted after the caller checked it).
 */
export async function drawAccountNumber(trx: TenantTransaction, id: number): Promise<{ format: string; number: number } | undefined> {
  const row = await trx
    .updateTable('contract_owner_sub_brands')
    .set((eb) => ({ next_account_number: eb('next_account_number', '+', 1) }))
    .where('id', '=', id)
    .returning(['account_number_format', 'next_account_number'])
    .executeTakeFirst()
  return row === undefined ? undefined : { format: row.account_number_format, number: row.next_account_number - 1 }
}

/** A contract owner's default sub-brand: its first. */
export const firstSubBrandLookup = (contractOwnerId: number): Lookup<number> => (db) =>
  db.selectFrom('contract_owner_sub_brands').select('id as value').where('contract_owner_id', '=', contractOwnerId).orderBy('id')

export function firstSubBrandOf(db: TenantReader, contractOwnerId: number): Promise<number | undefined> {
  return lookUpOne(db, firstSubBrandLookup(contractOwnerId))
}
