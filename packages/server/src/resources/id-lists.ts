import { sql, type Kysely } from 'kysely'
import { Type } from 'typebox'
import type { TenantTable } from '../db/tables.ts'
import type { Condition } from '../lists/filters.ts'
import { field } from './fields.ts'
import type { Lookup } from './lookups.ts'
import type { ReferenceErrors } from './references.ts'
import { Id } from './schemas.ts'

/** The most ids one list field takes (a bound like every array the API takes). */
export const MAX_LISTED_IDS = 1000

/** bigint[] arrives as text (every digit kept); ids are answered as JSON numbers. */
export const readIds = (ids: ReadonlyArray<string | number>) => ids.map(Number)

/**
 * A list of other records' ids kept in a `bigint[]` column of the resource's own row (the
 * contract owners a template serves, `contractOwnerIds`): distinct ids, answered in the order
 * given, `[]` when a write leaves it out. An array has no foreign key: check the ids on every write
 * with `idsAmong` and `expectIds`, and keep this for records that are never deleted (or use a child table).
 */
export function idListField(column: string, description: string) {
  return field(Type.Array(Id, { uniqueItems: true, maxItems: MAX_LISTED_IDS, description }), { column, default: [], read: readIds })
}

/**
 * Which of `ids` are rows of `table` in the brand (row-level security answers for the brand), as
 * a lookup (`lookups.ts`): a write asks every list it must check, and its single references, in
 * one statement. For a module's repository, about its own table; answered as an array of ids.
 */
export function idsAmong(table: TenantTable, ids: readonly number[]): Lookup<ReadonlyArray<string | number>> {
  return (db) =>
    (db as unknown as Kysely<any>)
      .selectFrom(table)
      .select(sql<ReadonlyArray<string | number>>`coalesce(array_agg(id), '{}')`.as('value'))
      .where('id', '=', sql<number>`any(${[...ids]})`)
}

/**
 * Adds one 400 `invalid_reference` error on `field` naming every id of `ids` that is not among
 * `found` (what the owning module's `idsAmong` answered): "4, 9: no such contract owner in the brand".
 */
export function expectIds(ids: readonly number[] | undefined, found: ReadonlyArray<string | number> | undefined, references: ReferenceErrors, field: string, noun: string): void {
  const present = new Set((found ?? []).map(Number))
  const missing = (ids ?? []).filter((id) => !present.has(id))
  if (missing.length > 0) references.add(field, `${missing.join(', ')}: no such ${noun} in the brand`)
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
