import type { Kysely } from 'kysely'
import type { TenantTransaction } from '../db/database.ts'
import type { Tables } from '../db/tables.ts'
import { applyList, whereConditions } from '../lists/apply.ts'
import type { Condition } from '../lists/filters.ts'
import type { ListRequest } from '../lists/list-query.ts'

type TenantTable = 'contract_owners' | 'contract_owner_sub_brands' | 'billing_cycles' | 'customers' | 'sites'

/** The queries every versioned tenant table answers, typed by its row and writable values. */
export interface TableRepository<Row, Values> {
  select(trx: TenantTransaction, list: ListRequest, conditions: Condition[]): Promise<Row[]>
  exists(trx: TenantTransaction, conditions: Condition[]): Promise<boolean>
  find(trx: TenantTransaction, id: number, conditions: Condition[], lock: boolean): Promise<Row | undefined>
  insert(trx: TenantTransaction, values: Values): Promise<Row>
  /** Writes the values, bumps the version (the ETag) and the update time. */
  update(trx: TenantTransaction, id: number, values: Values, version: number): Promise<Row>
}

/**
 * One implementation of those queries for any such table. The brand is never named: row-level
 * security confines every statement to the transaction's brand.
 */
export function tableRepository<Row, Values extends object>(
  table: TenantTable & keyof Tables,
  columns: readonly string[],
): TableRepository<Row, Values> {
  // Untyped inside, typed at the boundary: the column list is the module's own constant.
  const db = (trx: TenantTransaction) => trx as unknown as Kysely<any>
  const from = (trx: TenantTransaction, conditions: Condition[]) =>
    whereConditions(db(trx).selectFrom(table).select([...columns]), conditions)
  return {
    select: (trx, list, conditions) => applyList(from(trx, conditions), list).execute() as Promise<Row[]>,
    exists: async (trx, conditions) => (await from(trx, conditions).limit(1).executeTakeFirst()) !== undefined,
    find(trx, id, conditions, lock) {
      const query = from(trx, conditions).where('id', '=', id)
      return (lock ? query.forUpdate() : query).executeTakeFirst() as Promise<Row | undefined>
    },
    insert: (trx, values) =>
      db(trx).insertInto(table).values(values).returning([...columns]).executeTakeFirstOrThrow() as Promise<Row>,
    update: (trx, id, values, version) =>
      db(trx)
        .updateTable(table)
        .set({ ...values, version: version + 1, updated_date: new Date() })
        .where('id', '=', id)
        .returning([...columns])
        .executeTakeFirstOrThrow() as Promise<Row>,
  }
}
