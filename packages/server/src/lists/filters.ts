import { textProblem } from '../text.ts'

/**
 * Filter syntax of the published API (elevate-api.md §1.3), one operator per parameter:
 * strings `value`, `in:a,b`, `like:abc`; ids `1`, `in:1,2`; numbers `1`, `in:`, `gt:`, `lt:`, `ge:`,
 * `le:`; dates and date-times `value`, `lt:`, `gt:`, `gtn:` (later, or null); booleans `true|false`.
 */
export type FilterType = 'string' | 'id' | 'number' | 'date' | 'datetime' | 'boolean'

/**
 * `@>` and `&&`: an id-list column holds the id, or any of the ids (`idListConditions`), matched
 * by `~@>` and `~&&` (migration 2026_12_09_1300: the array operators an index may serve under
 * row-level security).
 * `like lower`: `ilike` on a column that already holds the lower case of the text (`folded`),
 * matched with the lowered pattern by `~~~` (migration 2026_12_09_1200: LIKE that a trigram index
 * may serve under row-level security), not folded row by row.
 */
export type Operator = '=' | 'in' | 'ilike' | 'like lower' | '<' | '>' | '<=' | '>=' | '>|null' | '@>' | '&&'

export interface Condition {
  column: string
  operator: Operator
  value: unknown
  /** Further columns the comparison may hold on instead (`filter=` over several text fields): any one will do. */
  orColumns?: readonly string[]
}

export const FILTER_SYNTAX: Record<FilterType, string> = {
  string: 'value | in:a,b | like:text (case-insensitive; contains, or a pattern with %)',
  id: 'id | in:1,2',
  number: 'n | in:1,2 | gt:n | lt:n | ge:n | le:n',
  date: 'yyyy-MM-dd | lt:yyyy-MM-dd | gt:yyyy-MM-dd | gtn:yyyy-MM-dd (later, or no date)',
  datetime: 'yyyy-MM-ddTHH:mm:ssZ | lt:… | gt:… | gtn:…',
  boolean: 'true | false',
}

/** What a filter with one fixed comparison takes: a bare value. */
export const FILTER_VALUE_SYNTAX: Record<FilterType, string> = {
  string: 'value',
  id: 'id',
  number: 'n',
  date: 'yyyy-MM-dd',
  datetime: 'yyyy-MM-ddTHH:mm:ssZ',
  boolean: 'true | false',
}

const ID_TEXT = '[1-9][0-9]{0,14}'
const NUMBER_TEXT = '-?[0-9]+(\\.[0-9]+)?'
// Year 0000 does not exist (PostgreSQL has no year 0): at least one digit of the year is not 0.
const DATE_TEXT = '([0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])'
const DATETIME_TEXT = `${DATE_TEXT}T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,6})?)?(Z|[+-](0[0-9]|1[0-5]):?[0-5][0-9])`
const TEXT = '[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f]+'

/**
 * The languages of FILTER_SYNTAX as regular expressions, for the OpenAPI document (clients and
 * fuzzers generate from them). The parser below is the judge; these never admit what it refuses,
 * but for dates that do not exist (30 February).
 */
export const FILTER_PATTERNS: Record<FilterType, { full: string; value: string }> = {
  // Nor a like: pattern (it has a %) that ends in an odd run of \, LIKE's escape with nothing to escape.
  string: { full: `^(?!like:$)(?!like:(?=[\\s\\S]*%)([\\s\\S]*[^\\\\])?(\\\\\\\\)*\\\\$)(?!in:(.*,)?\\s*(,|$))${TEXT}$`, value: `^${TEXT}$` },
  id: { full: `^(${ID_TEXT}|in:${ID_TEXT}(,${ID_TEXT})*)$`, value: `^${ID_TEXT}$` },
  number: { full: `^(((gt|lt|ge|le):)?${NUMBER_TEXT}|in:${NUMBER_TEXT}(,${NUMBER_TEXT})*)$`, value: `^${NUMBER_TEXT}$` },
  date: { full: `^((lt|gt|gtn):)?${DATE_TEXT}$`, value: `^${DATE_TEXT}$` },
  datetime: { full: `^((lt|gt|gtn):)?${DATETIME_TEXT}$`, value: `^${DATETIME_TEXT}$` },
  boolean: { full: '^(true|false)$', value: '^(true|false)$' },
}

const MAX_IN_VALUES = 1000
const DATE = /^\d{4}-\d{2}-\d{2}$/
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/
const COMPARISONS: Record<string, Operator> = { lt: '<', gt: '>', le: '<=', ge: '>=', gtn: '>|null' }
const OPERATORS_BY_TYPE: Record<FilterType, string[]> = {
  string: ['in', 'like'],
  id: ['in'],
  number: ['in', 'gt', 'lt', 'ge', 'le'],
  date: ['lt', 'gt', 'gtn'],
  datetime: ['lt', 'gt', 'gtn'],
  boolean: [],
}

/** A filter parameter as a condition, or the sentence saying what is wrong with it. */
export function parseFilter(raw: string, type: FilterType, column: string): Condition | string {
  const problem = textProblem(raw)
  if (problem !== undefined) return problem
  const colon = raw.indexOf(':')
  const prefix = colon === -1 ? '' : raw.slice(0, colon)
  const known = OPERATORS_BY_TYPE[type].includes(prefix)
  // A string value may itself contain ':' (a time, a URL); only a known prefix is an operator.
  if (colon !== -1 && !known && type !== 'string' && type !== 'datetime') {
    return `has an unknown operator '${prefix}:' (use ${FILTER_SYNTAX[type]})`
  }
  const operand = known ? raw.slice(colon + 1) : raw
  const operator = known ? prefix : ''

  if (operator === 'in') {
    const parts = operand.split(',').map((p) => p.trim())
    if (parts.length > MAX_IN_VALUES) return `must list at most ${MAX_IN_VALUES} values`
    const values = []
    for (const part of parts) {
      if (part === '') return 'in: must not list an empty value'
      const value = parseValue(part, type)
      if (value === undefined) return valueProblem(part, type, FILTER_SYNTAX[type])
      values.push(value)
    }
    return { column, operator: 'in', value: values }
  }
  if (operator === 'like') {
    if (operand === '') return 'like: needs some text'
    if (!operand.includes('%')) return { column, operator: 'ilike', value: `%${escapeLike(operand)}%` }
    // PostgreSQL fails on such a pattern, and only once a row matches the text before the escape.
    if (endsInEscape(operand)) return "like: a pattern must not end with LIKE's escape character \\ (write \\\\ for a backslash)"
    return { column, operator: 'ilike', value: operand }
  }
  const value = parseValue(operand, type)
  if (value === undefined) return valueProblem(operand, type, FILTER_SYNTAX[type])
  return { column, operator: operator === '' ? '=' : COMPARISONS[operator]!, value }
}

/** A `like:` condition on a folded column (`ListField.folded`): its pattern, matched with the lower case of the text. */
export function foldedLike(condition: Condition, folded: string): Condition {
  return { column: folded, operator: 'like lower', value: condition.value }
}

/** A filter parameter with a fixed comparison (`createdFrom` is `>=`): a bare value, or why not. */
export function parseFilterValue(raw: string, type: FilterType, column: string, operator: Operator): Condition | string {
  const problem = textProblem(raw)
  if (problem !== undefined) return problem
  const value = parseValue(raw, type)
  return value === undefined ? valueProblem(raw, type, FILTER_VALUE_SYNTAX[type]) : { column, operator, value }
}

/** Why a value was refused: its shape, or a date shaped right that the calendar lacks (31 November). */
function valueProblem(text: string, type: FilterType, syntax: string): string {
  const shaped = (type === 'date' && DATE.test(text)) || (type === 'datetime' && DATETIME.test(text))
  return shaped ? `names a day or time the calendar lacks (${syntax})` : `must be ${syntax}`
}

function parseValue(text: string, type: FilterType): unknown {
  switch (type) {
    case 'string':
      return text
    case 'id': {
      // No leading zero: "01" is not how an id is written, and the published pattern refuses it.
      const id = /^[1-9]\d{0,15}$/.test(text) ? Number(text) : NaN
      return Number.isSafeInteger(id) && id >= 1 ? id : undefined
    }
    case 'number': {
      const number = text.trim() === '' ? NaN : Number(text)
      return Number.isFinite(number) ? number : undefined
    }
    case 'date':
      return isRealDate(text) ? text : undefined
    case 'datetime':
      return isRealDateTime(text) ? new Date(text) : undefined
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : undefined
  }
}

/** A calendar date that exists, from year 1 (PostgreSQL has no year 0). */
export function isRealDate(text: string): boolean {
  if (!DATE.test(text) || text.startsWith('0000')) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}

/** An ISO 8601 date-time with a zone, whose date and time exist. */
export function isRealDateTime(text: string): boolean {
  return DATETIME.test(text) && isRealDate(text.slice(0, 10)) && isRealTime(text.slice(11, 19)) && isRealOffset(text)
}

/** A zone offset PostgreSQL holds: up to 15 hours (the world's span is -12 to +14) and 59 minutes. */
function isRealOffset(text: string): boolean {
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(text)
  return offset === null || (Number(offset[2]) <= 15 && Number(offset[3]) < 60)
}

/** HH:mm or HH:mm:ss within a day (no 24:00, no 60 seconds). */
function isRealTime(text: string): boolean {
  const [hours = 99, minutes = 99, seconds = 0] = text.split(':').map((part) => Number(part.slice(0, 2)))
  return hours < 24 && minutes < 60 && seconds < 60
}

/** Whether a LIKE pattern ends in an escape character with nothing to escape: an odd run of `\`. */
function endsInEscape(pattern: string): boolean {
  return (/\\+$/.exec(pattern)?.[0].length ?? 0) % 2 === 1
}

/** `like:50%_off` without a % means "contains"; escape LIKE's own wildcards in it. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}
