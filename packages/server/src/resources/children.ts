import { sql, type RawBuilder } from 'kysely'
import type { Condition } from '../lists/filters.ts'

/**
 * Child rows a resource answers inside itself (a supplier's accounts): another table whose rows
 * point at the parent's id. The children keep their own table, ids and foreign keys; the parent
 * reads them in its own query (one round trip) and its list filters on them.
 */
export interface ChildRows {
  /** The children's table, e.g. `supplier_accounts`. */
  table: string
  /** Their column holding the parent's id, e.g. `supplier_id`. */
  parentColumn: string
  /** The fields each child is answered with: API name → column. Null columns are left out. */
  fields: Record<string, string>
}

/**
 * The children of each parent row as a JSON array (ordered by id; `[]` without any), for the
 * parent table's `computed` columns: `computed: { supplier_accounts: childRowsJson(accounts) }`.
 * The brand is part of the join, as of every key, so a distributed table finds them on its shard.
 */
export function childRowsJson(child: ChildRows): (parent: string) => RawBuilder<unknown> {
  const pairs = sql.join(Object.entries(child.fields).flatMap(([name, column]) => [sql.lit(name), sql.ref(`c.${column}`)]))
  return (parent) => sql`coalesce((select json_agg(json_strip_nulls(json_build_object(${pairs})) order by c.id)
    from ${sql.table(child.table)} as c
    where c.brand_id = ${sql.ref(`${parent}.brand_id`)} and ${sql.ref(`c.${child.parentColumn}`)} = ${sql.ref(`${parent}.id`)}), '[]'::json)`
}

/**
 * A list's filters on the children: a list spec names them by `<child table>.<column>`
 * (`accountNumber` → `supplier_accounts.account_number`). They become one condition on the
 * parent, "its id is among the parents of a child that matches them all"; the others pass through.
 */
export function childConditions(child: ChildRows, conditions: readonly Condition[]): Condition[] {
  const prefix = `${child.table}.`
  const own = conditions.filter((condition) => !condition.column.startsWith(prefix))
  const ofChildren = conditions.filter((condition) => condition.column.startsWith(prefix))
  if (ofChildren.length === 0) return own
  const matches = sql.join(ofChildren.map((condition) => comparison(sql.ref(`c.${condition.column.slice(prefix.length)}`), condition)), sql` and `)
  const parents = sql`(select ${sql.ref(`c.${child.parentColumn}`)} from ${sql.table(child.table)} as c where ${matches})`
  return [...own, { column: 'id', operator: 'in', value: parents }]
}

/** One condition as SQL, its value a parameter. */
function comparison(column: RawBuilder<unknown>, { operator, value }: Condition): RawBuilder<unknown> {
  switch (operator) {
    case 'in':
      return sql`${column} = any(${value})`
    case 'ilike':
      return sql`${column} ilike ${value}`
    case '>|null':
      return sql`(${column} > ${value} or ${column} is null)`
    default:
      return sql`${column} ${sql.raw(operator)} ${value}`
  }
}
