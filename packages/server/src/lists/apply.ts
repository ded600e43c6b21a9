import { sql, type ExpressionBuilder, type RawBuilder, type SelectQueryBuilder } from 'kysely'
import type { Condition } from './filters.ts'
import type { ListRequest } from './list-query.ts'

// Lists are assembled from validated names only (ListSpec columns), and every value is a parameter.
type AnySelect = SelectQueryBuilder<any, any, any>
/** A select, update or delete: anything with a WHERE. */
type Filterable = { where(expression: (eb: ExpressionBuilder<any, any>) => unknown): unknown }

/** Adds each filter condition as a parameterised WHERE clause. */
export function whereConditions<QB extends Filterable>(query: QB, conditions: readonly Condition[]): QB {
  let result = query
  for (const condition of conditions) {
    result = result.where((eb: ExpressionBuilder<any, any>) => {
      const holds = (name: string) => {
        const column = sql.ref(name)
        if (condition.operator === '>|null') return eb.or([eb(column, '>', condition.value), eb(column, 'is', null)])
        if (condition.operator === 'like lower') return likeLower(column, condition.value)
        if (condition.operator === '@>' || condition.operator === '&&') return idListMatch(column, condition.operator, condition.value)
        return eb(column, condition.operator, condition.value)
      }
      return condition.orColumns === undefined ? holds(condition.column) : eb.or([condition.column, ...condition.orColumns].map(holds))
    }) as QB
  }
  return result
}

/**
 * A folded column matched with a pattern, lowered once per query by a subquery (`lower($1)` would
 * run again for every row). A pattern with a word of three letters or digits is matched by `~~~`,
 * LIKE that a trigram index may serve under row-level security (migration 2026_12_09_1200); one
 * without has no trigram to look up, and the index would be read whole, so it is matched by
 * `like`, which the index cannot serve: the query walks the rows in the page's order and stops at
 * the page. The generic plan of each shape is fixed, so the choice is made here, from the pattern.
 */
export function likeLower(column: RawBuilder<unknown>, pattern: unknown): RawBuilder<boolean> {
  const operator = typeof pattern === 'string' && hasTrigram(pattern) ? '~~~' : 'like'
  return sql<boolean>`${column} ${sql.raw(operator)} (select lower(${pattern}))`
}

/** Whether a LIKE pattern holds three letters or digits in a row, its escapes read as what they escape. */
export function hasTrigram(pattern: string): boolean {
  return /[\p{L}\p{N}]{3}/u.test(pattern.replace(/\\(.)/gsu, '$1'))
}

/**
 * An id list that holds every id given (`@>`) or any of them (`&&`), by `~@>` and `~&&`: the array
 * operators that a GIN index may serve under row-level security (migration 2026_12_09_1300).
 */
export function idListMatch(column: RawBuilder<unknown>, operator: '@>' | '&&', ids: unknown): RawBuilder<boolean> {
  return sql<boolean>`${column} ${sql.raw(`~${operator}`)} ${ids}`
}

/** Sorts and pages a query; fetches one row more than the page to know if more follow. */
export function applyList<QB extends AnySelect>(query: QB, list: ListRequest): QB {
  return sortedBy(query, list.sort).limit(list.pageSize + 1).offset((list.page - 1) * list.pageSize) as QB
}

/** Orders a query by a list's sort keys. */
export function sortedBy<QB extends AnySelect>(query: QB, sort: ListRequest['sort']): QB {
  let result = query
  for (const { column, direction } of sort) result = result.orderBy(sql.ref(column), direction) as QB
  return result
}

/** A page of rows, and whether another page follows. */
export function pageOf<T>(rows: T[], list: ListRequest): { items: T[]; hasNext: boolean } {
  return { items: rows.slice(0, list.pageSize), hasNext: rows.length > list.pageSize }
}
