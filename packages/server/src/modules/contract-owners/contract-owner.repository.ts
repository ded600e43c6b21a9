import type { Selectable } from 'kysely'
import type { TenantTransaction } from '../../db/database.ts'
import type { ContractOwnersTable } from '../../db/tables.ts'
import { applyList, whereConditions } from '../../lists/apply.ts'
import type { Condition } from '../../lists/filters.ts'
import type { ListRequest } from '../../lists/list-query.ts'

export type ContractOwnerRow = Omit<Selectable<ContractOwnersTable>, 'brand_id'>
export type ContractOwnerValues = Pick<ContractOwnerRow, 'name' | 'available_from' | 'available_to' | 'details'>

const COLUMNS = ['id', 'name', 'available_from', 'available_to', 'details', 'version', 'created_date', 'updated_date'] as const

function scoped(trx: TenantTransaction, conditions: Condition[]) {
  return whereConditions(trx.selectFrom('contract_owners').select(COLUMNS), conditions)
}

export function selectContractOwners(trx: TenantTransaction, list: ListRequest, conditions: Condition[]): Promise<ContractOwnerRow[]> {
  return applyList(scoped(trx, conditions), list).execute()
}

export async function contractOwnerExists(trx: TenantTransaction, conditions: Condition[]): Promise<boolean> {
  return (await scoped(trx, conditions).limit(1).executeTakeFirst()) !== undefined
}

export function findContractOwner(trx: TenantTransaction, id: number, conditions: Condition[], lock: boolean) {
  const query = scoped(trx, conditions).where('id', '=', id)
  return (lock ? query.forUpdate() : query).executeTakeFirst()
}

export function insertContractOwner(trx: TenantTransaction, values: ContractOwnerValues) {
  return trx.insertInto('contract_owners').values(values).returning(COLUMNS).executeTakeFirstOrThrow()
}

export function updateContractOwner(trx: TenantTransaction, id: number, values: ContractOwnerValues, version: number) {
  return trx
    .updateTable('contract_owners')
    .set({ ...values, version: version + 1, updated_date: new Date() })
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow()
}
