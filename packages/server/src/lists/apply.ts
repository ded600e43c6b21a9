import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely'
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
        // A subquery lowers the pattern once per query: `lower($1)` would run again for every row.
        if (condition.operator === 'like lower') return eb(column, 'like', sql`(select lower(${condition.value}))`)
        if (condition.operator === 'contains lower') return eb(sql`strpos(${column}, (select lower(${condition.value})))`, '>', 0)
        return eb(column, condition.operator, condition.value)
      }
      return condition.orColumns === undefined ? holds(condition.column) : eb.or([condition.column, ...condition.orColumns].map(holds))
    }) as QB
  }
  return result
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
