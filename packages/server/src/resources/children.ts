import { sql, type RawBuilder } from 'kysely'
import { idListMatch, likeLower } from '../lists/apply.ts'
import type { Condition } from '../lists/filters.ts'
import type { JsonColumn } from './table.ts'

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
  /**
   * The fields whose column is `numeric`: written without trailing zeros (`12.5`, not `12.5000`),
   * as the API answers numbers, since lists send this JSON as PostgreSQL wrote it.
   */
  decimals?: readonly string[]
  /**
   * The fields whose column may be null: a child leaves such a field out where it is null, as the
   * API leaves out what is absent. Never the first field (its key is the only one without a comma).
   */
  nullable?: readonly string[]
  /**
   * A column of the children's table that keeps each child's JSON as `childJson` writes it, filled
   * on every insert and update by the trigger function `<table>_<column>()` a migration installs
   * (2026_12_09_0500 for the rates): a parent then joins stored text instead of building it on
   * every read (a page of 100 usage rate cards spent 1 ms of its 1.7 ms query building their
   * rates). `test/db/child-rows.test.ts` holds the stored JSON to `childJson`.
   */
  stored?: string
}

/**
 * A column of the parent's table keeping its children's array as `childRowsAggregate` builds it,
 * refreshed by statement triggers on the children's table whenever children are added, changed or
 * deleted (migration 2026_12_09_0900 for the rate cards): a page of parents then reads one column
 * per parent instead of an index lookup and an aggregate each (half of a page of 100 usage rate
 * cards' query). `test/modules/stored-pages.test.ts` holds every parent's column to the aggregate.
 */
export interface KeptChildRows {
  /** The parent's table, e.g. `usage_rate_cards`. */
  table: string
  /** Its column keeping the array, e.g. `usage_rates_json`. */
  column: string
  child: ChildRows
}

const answered = new Set<ChildRows>()
const kept: KeptChildRows[] = []

/** Every child rows answered inside a parent so far (the schema test checks their column types). */
export const answeredChildRows = (): readonly ChildRows[] => [...answered]

/** Every parent column keeping its children's JSON so far. */
export const keptChildRows = (): readonly KeptChildRows[] => [...kept]

/**
 * The children of each parent row as JSON text (an array ordered by id; `[]` without any), for the
 * parent table's `computed` columns: `computed: { supplier_accounts: childRowsJson(accounts) }`.
 * The brand is part of the join, as of every key, so a distributed table finds them on its shard.
 * Each child is its row under the API names (`row_to_json`, which looks up the columns' types
 * once per query where `json_build_object` does per value). The aggregate reads the sorted
 * subquery in its order (a scan of one table, no join to reorder it). Children that keep their
 * JSON (`stored`) are joined as that text, in the same order.
 *
 * A null is left out by removing its `,"name":null` from the text, one `replace` per nullable
 * field, rather than by `json_strip_nulls`, which parses and writes every child again (0.4 ms of a
 * page of 100 usage rate cards with a rate each). The text cannot hold that sequence anywhere
 * else: inside a JSON string every `"` is escaped, so `,"` only ever starts a key.
 *
 * Given `keptIn`, the parent's column that keeps the array (`KeptChildRows`) is read instead.
 */
export function childRowsJson(child: ChildRows, keptIn?: { table: string; column: string }): JsonColumn {
  const nullable = child.nullable ?? []
  const [first] = Object.keys(child.fields)
  if (first !== undefined && nullable.includes(first)) throw new Error(`${child.table}: the first field (${first}) cannot be nullable`)
  answered.add(child)
  if (keptIn === undefined) return { text: (parent) => childRowsAggregate(child, parent) }
  if (child.stored === undefined) throw new Error(`${keptIn.table}.${keptIn.column}: only children that keep their own JSON (stored) are kept in their parent`)
  if (!kept.some((k) => k.table === keptIn.table && k.column === keptIn.column)) kept.push({ ...keptIn, child })
  return { text: (parent) => sql.ref(`${parent}.${keptIn.column}`) }
}

/** The children of the parent row `parent` names as JSON text, built by the query. */
export function childRowsAggregate(child: ChildRows, parent: string): RawBuilder<unknown> {
  const ofParent = sql`c.brand_id = ${sql.ref(`${parent}.brand_id`)} and ${sql.ref(`c.${child.parentColumn}`)} = ${sql.ref(`${parent}.id`)}`
  if (child.stored !== undefined) {
    const stored = sql.ref(`c.${child.stored}`)
    return sql`coalesce((select '[' || string_agg(x.json, ',') || ']' from (select ${stored} as json from ${sql.table(child.table)} as c where ${ofParent} order by c.id) as x), '[]')`
  }
  const rows = sql`(select json_agg(row_to_json(x)) from (select ${childColumns(child, 'c')}
    from ${sql.table(child.table)} as c
    where ${ofParent} order by c.id) as x)::text`
  return sql`coalesce(${withoutNulls(child, rows)}, '[]')`
}

/**
 * One child's JSON, as `childRowsJson` answers it, from the row `record` names (`c`, or `new` in a
 * trigger): what a `stored` column must hold.
 */
export function childJson(child: ChildRows, record: string): RawBuilder<string> {
  return withoutNulls(child, sql`(select row_to_json(x) from (select ${childColumns(child, record)}) as x)::text`)
}

/** The child's columns under their API names; numeric ones without trailing zeros. */
function childColumns(child: ChildRows, record: string): RawBuilder<unknown> {
  const decimals = new Set(child.decimals ?? [])
  return sql.join(
    Object.entries(child.fields).map(([name, column]) => (decimals.has(name) ? sql`trim_scale(${sql.ref(`${record}.${column}`)})` : sql.ref(`${record}.${column}`)).as(name)),
  )
}

function withoutNulls(child: ChildRows, text: RawBuilder<unknown>): RawBuilder<string> {
  return (child.nullable ?? []).reduce((stripped, name) => sql`replace(${stripped}, ${sql.lit(`,"${name}":null`)}, '')`, text) as RawBuilder<string>
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
    case 'like lower':
      return likeLower(column, value)
    case '@>':
    case '&&':
      return idListMatch(column, operator, value)
    case '>|null':
      return sql`(${column} > ${value} or ${column} is null)`
    default:
      return sql`${column} ${sql.raw(operator)} ${value}`
  }
}
