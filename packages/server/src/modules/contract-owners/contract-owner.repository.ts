import type { TenantReader } from '../../db/database.ts'
import { idsAmong } from '../../resources/id-lists.ts'
import { lookUpOne, type Lookup } from '../../resources/lookups.ts'
import { resourceTable } from '../../resources/table.ts'
import { contractOwnerResource } from './contract-owner.fields.ts'
import './contract-owner.table.ts'

export const contractOwners = resourceTable('contract_owners', contractOwnerResource, { unique: { contract_owners_name_key: 'name' } })

/** The contract owner's id, when it exists in the brand. */
export const contractOwnerLookup = (id: number): Lookup<number> => (db) => db.selectFrom('contract_owners').select('id as value').where('id', '=', id)

/** Which of `ids` are contract owners of the brand (one query). */
export const contractOwnersAmong = (ids: readonly number[]) => idsAmong('contract_owners', ids)

export async function contractOwnerExists(db: TenantReader, id: number): Promise<boolean> {
  return (await lookUpOne(db, contractOwnerLookup(id))) !== undefined
}
