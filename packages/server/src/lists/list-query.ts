import { Type, type TObject, type TSchema } from 'typebox'
import { AppError, validationMessage, type FieldError } from '../errors.ts'
import { FILTER_PATTERNS, FILTER_SYNTAX, FILTER_VALUE_SYNTAX, foldedLike, parseFilter, parseFilterValue, type Condition, type FilterType, type Operator } from './filters.ts'

/**
 * The list conventions of the published API, built once for every list: required `page` and
 * `pageSize` (1..1000), `sort=a,b:desc`, `fields=id,name` and typed filters.
 */
export interface ListField {
  /** The SQL column behind the API field. */
  column: string
  /** Filter type when the field is a query filter. */
  filter?: FilterType
  /** A string filter that takes exactly one of these values (the published enum filters): no operators. */
  values?: readonly string[]
  /** The query parameter of the filter, when it is not the field's name (published quirks). */
  param?: string
  /** A filter parameter with one fixed comparison (createdFrom: `>=`), taking a bare value. */
  operator?: Operator
  /** Further columns the filter matches on: an item matches when any of them does (`filter=` over several text fields). */
  orColumns?: readonly string[]
  /**
   * A stored generated column holding `lower(column)`: `like:` matches it against the lowered
   * pattern, which is what `ilike` does in a UTF-8 database, without folding every row it reads.
   */
  folded?: string
  /**
   * A `boolean` flag that adds this comparison on the column when `true` and nothing when `false`
   * (the customer payments' `excludeDebits=true` keeps `amount >= 0`).
   */
  when?: { operator: Operator; value: unknown }
  /** The list cannot be asked for without this filter (published: rates need their rate card). */
  required?: boolean
  sortable?: boolean
}

export interface ListSpec {
  /** Every field of a list item: what `fields=` may name. */
  fields: readonly string[]
  /** The fields that can be sorted or filtered on, with their columns; filter-only entries too. */
  columns: Record<string, ListField>
  /** The column that makes the order total, so pages never overlap (the primary key). */
  tiebreaker: string
}

/** A list query as validated: paging, sort, fields and the filter parameters (text). */
export type ListQuery = { page: number; pageSize: number; sort?: string; fields?: string } & { [parameter: string]: unknown }

export interface ListRequest {
  page: number
  pageSize: number
  sort: Array<{ column: string; direction: 'asc' | 'desc' }>
  /** API fields to return; undefined returns all. */
  fields: string[] | undefined
  conditions: Condition[]
}

export const MAX_PAGE_SIZE = 1000

const Paging = {
  page: Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'Page number, from 1' }),
  pageSize: Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, description: `Results per page, 1 to ${MAX_PAGE_SIZE}` }),
}

/**
 * The query-string schema of a list: paging, sort, fields and one parameter per filter. Sort,
 * fields and filters are read by the parsers below, which name the bad part precisely; their
 * languages are documented (`x-pattern`, made `pattern` in the OpenAPI document) rather than
 * validated by the schema, whose message would be vaguer.
 */
export function listQuerySchema(spec: ListSpec): TObject {
  const sortable = Object.keys(spec.columns).filter((name) => spec.columns[name]!.sortable === true)
  return Type.Object(
    {
      ...Paging,
      sort: Type.Optional(
        Type.String({
          minLength: 1,
          description: `Comma-separated fields, ascending; append :desc to reverse. Sortable: ${sortable.join(', ')}`,
          'x-pattern': namesPattern(sortable, '(:(asc|desc))?'),
          examples: [sortable.length > 1 ? `${sortable[1]},${sortable[0]}:desc` : `${sortable[0] ?? 'id'}:desc`],
        }),
      ),
      fields: Type.Optional(
        Type.String({
          minLength: 1,
          description: 'Comma-separated fields to return',
          'x-pattern': namesPattern(spec.fields, ''),
          examples: [spec.fields.slice(0, 2).join(',')],
        }),
      ),
      ...filterSchemas(spec),
    },
    { additionalProperties: false },
  )
}

/** The query-string schema of a HEAD exists-check: the list's filters only. */
export function existsQuerySchema(spec: ListSpec): TObject {
  return Type.Object(filterSchemas(spec), { additionalProperties: false })
}

/** `^(a|b)(suffix)?(,(a|b)(suffix)?)*$`: a comma-separated list of known names. */
function namesPattern(names: readonly string[], suffix: string): string {
  const one = `(${names.join('|')})${suffix}`
  return `^${one}(,${one})*$`
}

function filterSchemas(spec: ListSpec): Record<string, TSchema> {
  const filters: Record<string, TSchema> = {}
  for (const [name, field] of Object.entries(spec.columns)) {
    if (field.filter === undefined) continue
    const type = field.operator === undefined ? field.filter : 'value'
    const schema =
      field.values !== undefined
        ? Type.String({ enum: [...field.values], description: `Filter: one of ${field.values.join(', ')}` })
        : Type.String({
            minLength: 1,
            description: `Filter: ${field.operator === undefined ? FILTER_SYNTAX[field.filter] : FILTER_VALUE_SYNTAX[field.filter]}`,
            'x-pattern': FILTER_PATTERNS[field.filter][type === 'value' ? 'value' : 'full'],
          })
    filters[field.param ?? name] = field.required === true ? schema : Type.Optional(schema)
  }
  return filters
}

/** Reads the filters of a validated query; every bad one is reported at once (400). */
export function parseConditions(query: Partial<ListQuery>, spec: ListSpec, errors: FieldError[] = []): Condition[] {
  const conditions: Condition[] = []
  for (const [name, field] of Object.entries(spec.columns)) {
    const param = field.param ?? name
    const raw = query[param]
    if (field.filter === undefined || typeof raw !== 'string') continue
    const parsed = field.operator === undefined ? parseFilter(raw, field.filter, field.column) : parseFilterValue(raw, field.filter, field.column, field.operator)
    if (typeof parsed === 'string') errors.push({ field: param, code: 'invalid_filter', message: parsed })
    else if (field.when !== undefined) {
      if (parsed.value === true) conditions.push({ column: field.column, ...field.when })
    } else if (field.orColumns !== undefined) conditions.push({ ...parsed, orColumns: field.orColumns })
    else conditions.push(parsed.operator === 'ilike' && field.folded !== undefined ? foldedLike(parsed, field.folded) : parsed)
  }
  if (errors.length > 0) throw queryError(errors)
  return conditions
}

/** Reads a validated list query against the list's spec. */
export function parseListQuery(query: ListQuery, spec: ListSpec): ListRequest {
  const errors: FieldError[] = []
  const sort: ListRequest['sort'] = []
  for (const term of splitList(query.sort)) {
    const [name = '', direction = 'asc', ...rest] = term.split(':')
    const field = spec.columns[name]
    if (field?.sortable !== true) errors.push({ field: 'sort', code: 'unknown_field', message: `'${name}' is not a sortable field` })
    else if ((direction !== 'asc' && direction !== 'desc') || rest.length > 0)
      errors.push({ field: 'sort', code: 'invalid_value', message: `'${term}' must be name or name:desc` })
    else sort.push({ column: field.column, direction })
  }
  sort.push({ column: spec.tiebreaker, direction: sort[0]?.direction ?? 'asc' })
  const fieldNames = query.fields === undefined ? undefined : splitList(query.fields)
  if (fieldNames?.length === 0) errors.push({ field: 'fields', code: 'invalid_value', message: 'must name at least one field' })
  for (const name of fieldNames ?? []) {
    if (!spec.fields.includes(name)) errors.push({ field: 'fields', code: 'unknown_field', message: `'${name}' is not a field` })
  }
  const conditions = parseConditions(query, spec, errors)
  return { page: query.page, pageSize: query.pageSize, sort, fields: fieldNames, conditions }
}

function splitList(value: unknown): string[] {
  if (typeof value !== 'string') return []
  return value.split(',').map((part) => part.trim()).filter((part) => part !== '')
}

function queryError(errors: FieldError[]): AppError {
  return new AppError('invalid_query', { message: validationMessage(errors, 'querystring'), errors })
}

/**
 * The list without some of its fields (a published `summary`): they are not answered, and a
 * table does not compute them (`resourceTable`'s page selects what `fields` names).
 */
export function leaveOut(list: ListRequest, spec: ListSpec, names: readonly string[]): ListRequest {
  return { ...list, fields: (list.fields ?? spec.fields).filter((name) => !names.includes(name)) }
}

/**
 * Keeps only the requested fields of each item (`fields=`), in the order the item has them. A loop
 * over the keys, not entries filtered into a new object: a profile of a summary page of 100 cards
 * put 16% of the server's time in that (3 µs an item).
 */
export function project<T extends object>(items: T[], fields: string[] | undefined): Partial<T>[] {
  if (fields === undefined) return items
  const wanted = new Set(fields)
  return items.map((item) => {
    const kept: Record<string, unknown> = {}
    for (const key of Object.keys(item)) if (wanted.has(key)) kept[key] = (item as Record<string, unknown>)[key]
    return kept as Partial<T>
  })
}
