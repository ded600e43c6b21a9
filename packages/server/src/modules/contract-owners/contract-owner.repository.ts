import type { TenantReader } from '../../db/database.ts'
import { idsAmong } from '../../resources/id-lists.ts'
import { resourceTable } from '../../resources/table.ts'
import { contractOwnerResource } from './contract-owner.fields.ts'
import './contract-owner.table.ts'

export const contractOwners = resourceTable('contract_owners', contractOwnerResource, { unique: { contract_owners_name_key: 'name' } })

/** Which of `ids` are contract owners of the brand (one query). */
export const contractOwnersAmong = (db: TenantReader, ids: readonly number[]) => idsAmong(db, 'contract_owners', ids)

export async function contractOwnerExists(db: TenantReader, id: number): Promise<boolean> {
  return (await db.selectFrom('contract_owners').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
}
