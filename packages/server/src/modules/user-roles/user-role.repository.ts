import type { TenantTransaction } from '../../db/database.ts'
import { applyList, whereConditions } from '../../lists/apply.ts'
import type { ListRequest } from '../../lists/list-query.ts'

const COLUMNS = ['id', 'name', 'permissions'] as const

export function selectRoles(trx: TenantTransaction, list: ListRequest) {
  return applyList(whereConditions(trx.selectFrom('roles').select(COLUMNS), list.conditions), list).execute()
}

export function findRole(trx: TenantTransaction, id: number) {
  return trx.selectFrom('roles').select(COLUMNS).where('id', '=', id).executeTakeFirst()
}
