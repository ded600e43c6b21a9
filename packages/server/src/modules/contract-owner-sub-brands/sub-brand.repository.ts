import type { Selectable } from 'kysely'
import type { TenantTransaction } from '../../db/database.ts'
import type { ContractOwnerSubBrandsTable } from '../../db/tables.ts'
import { tableRepository } from '../../resources/table-repository.ts'

export type SubBrandRow = Omit<Selectable<ContractOwnerSubBrandsTable>, 'brand_id' | 'next_account_number'>
export type SubBrandValues = Pick<SubBrandRow, 'contract_owner_id' | 'name' | 'account_number_format' | 'details'>

const COLUMNS = ['id', 'contract_owner_id', 'name', 'account_number_format', 'details', 'version', 'created_date', 'updated_date'] as const

export const subBrands = tableRepository<SubBrandRow, SubBrandValues>('contract_owner_sub_brands', COLUMNS)

/**
 * Takes the next number of a sub-brand's account-number sequence. The row lock this update holds
 * until commit serialises creates within one sub-brand, so no two customers draw the same number.
 */
export async function drawAccountNumber(trx: TenantTransaction, id: number): Promise<{ format: string; number: number }> {
  const row = await trx
    .updateTable('contract_owner_sub_brands')
    .set((eb) => ({ next_account_number: eb('next_account_number', '+', 1) }))
    .where('id', '=', id)
    .returning(['account_number_format', 'next_account_number'])
    .executeTakeFirstOrThrow()
  return { format: row.account_number_format, number: row.next_account_number - 1 }
}

export async function firstSubBrandOf(trx: TenantTransaction, contractOwnerId: number): Promise<number | undefined> {
  const row = await trx
    .selectFrom('contract_owner_sub_brands')
    .select('id')
    .where('contract_owner_id', '=', contractOwnerId)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst()
  return row?.id
}
