import { sql, type Kysely } from 'kysely'
import { Type } from 'typebox'
import type { TenantReader } from '../db/database.ts'
import type { TenantTable } from '../db/tables.ts'
import type { Condition } from '../lists/filters.ts'
import { field } from './fields.ts'
import type { ReferenceErrors } from './references.ts'
import { Id } from './schemas.ts'

/** The most ids one list field takes (a bound like every array the API takes). */
export const MAX_LISTED_IDS = 1000

/** bigint[] arrives as text (every digit kept); ids are answered as JSON numbers. */
const readIds = (ids: ReadonlyArray<string | number>) => ids.map(Number)

/**
 * A list of other records' ids kept in a `bigint[]` column of the resource's own row (the
 * contract owners a template serves, `contractOwnerIds`): distinct ids, answered in the order
 * given, `[]` when a write leaves it out. An array has no foreign key: check the ids on every write
 * with `expectIds`, and keep this for records that are never deleted (or use a child table).
 */
export function idListField(column: string, description: string) {
  return field(Type.Array(Id, { uniqueItems: true, maxItems: MAX_LISTED_IDS, description }), { column, default: [], read: readIds })
}

/**
 * The ids of `ids` that are rows of `table` in the brand (row-level security answers for the
 * brand), in one query whatever their count. For a module's repository, about its own table.
 */
export async function idsAmong(db: TenantReader, table: TenantTable, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return []
  const rows = await (db as unknown as Kysely<any>).selectFrom(table).select('id').where('id', '=', sql<number>`any(${[...ids]})`).execute()
  return rows.map((row: { id: unknown }) => Number(row.id))
}

/**
 * Adds one 400 `invalid_reference` error on `field` naming every id of `ids` that `among` (the
 * owning module's `idsAmong`) does not find.
 */
export async function expectIds(
  ids: readonly number[] | undefined,
  among: (ids: readonly number[]) => Promise<readonly number[]>,
  references: ReferenceErrors,
  field: string,
  plural: string,
): Promise<void> {
  if (ids === undefined || ids.length === 0) return
  const found = new Set(await among(ids))
  const missing = ids.filter((id) => !found.has(id))
  if (missing.length > 0) references.add(field, `${plural} ${missing.join(', ')} ${missing.length === 1 ? 'does' : 'do'} not exist`)
}

/**
 * A list filter on an id list (`productCategoryId=5` over `product_category_ids`): the record
 * matches when its list holds the id (`@>`), or with `in:5,6` any of the ids (`&&`). Declare the
 * filter on the list column (`filters: { productCategoryId: { column, filter: 'id' } }`) and pass
 * the list's conditions through this before they reach the table.
 */
export function idListConditions(column: string, conditions: readonly Condition[]): Condition[] {
  return conditions.map((condition) => {
    if (condition.column !== column) return condition
    const ids = condition.operator === 'in' ? (condition.value as unknown[]) : [condition.value]
    // One bigint[] parameter: a bare array would be read as a list of values.
    return { column, operator: condition.operator === 'in' ? '&&' : '@>', value: sql`${ids}::bigint[]` }
  })
}
