import { sql, type Expression, type RawBuilder } from 'kysely'
import type { TSchema } from 'typebox'
import { decimalNumber } from './decimal.ts'
import type { Field, FieldMap } from './fields.ts'
import { readIds } from './id-lists.ts'
import type { ResourceDescription } from './resource.ts'

/**
 * A table whose rows keep their API JSON (`TableOptions.storedResource`): every answered field but
 * the JSON columns the query adds (a card's rates), written by a trigger on every insert and update
 * so that a list page sends stored text instead of reading each column and serialising it again.
 */
export interface StoredResource {
  table: string
  /** The column the trigger writes. */
  column: string
  description: ResourceDescription<FieldMap>
  /** The fields the stored JSON leaves out: those of the query's JSON columns, the last fields. */
  leftOut: readonly string[]
}

const registered: StoredResource[] = []

/** Every table keeping its resources' JSON so far (`test/modules/stored-pages.test.ts` checks their triggers). */
export const storedResources = (): readonly StoredResource[] => [...registered]

/**
 * What a page of a `storedResource` table selects as each item, given the fields it asks for, or
 * undefined to read the columns. Every field: the stored text with the JSON columns appended (their
 * fields must come last, so the members keep the field map's order). Every field but some of the
 * last (a card's summary): the stored text alone, or cut before the first member it keeps of those
 * it leaves out. A member is found by its `,"name":`, which no JSON string can hold (a `"` inside
 * one is escaped) and no kept field's nested objects name.
 */
export function storedItemText(
  table: string,
  description: ResourceDescription<FieldMap>,
  column: string,
  jsonColumns: readonly string[],
  jsonText: (column: string) => Expression<unknown>,
): (fields: readonly string[] | undefined) => Expression<unknown> | undefined {
  const answered = description.list.fields
  const appended = answered.filter((field) => jsonColumns.includes(description.fields[field]!.options.column ?? ''))
  if (answered.slice(answered.length - appended.length).join() !== appended.join()) {
    throw new Error(`${table}: storedResource needs the fields of its JSON columns (${appended.join(', ')}) last`)
  }
  if (!registered.some((stored) => stored.table === table)) registered.push({ table, column, description, leftOut: appended })
  const own = answered.slice(0, answered.length - appended.length)
  const stored = sql.ref(`${table}.${column}`)
  const member = (field: string) => sql.lit(`,${JSON.stringify(field)}:`)
  const whole = appended.length === 0 ? stored : sql`left(${stored}, -1) || ${sql.join(appended.map((field) => sql`${member(field)} || ${jsonText(description.fields[field]!.options.column!)}`), sql` || `)} || '}'`
  const cut = (kept: number): Expression<unknown> | undefined => {
    const left = own.slice(kept)
    if (left.length === 0) return stored
    const nested = new Set(own.slice(0, kept).flatMap((field) => propertyNames(description.fields[field]!.schema)))
    if (left.some((field) => nested.has(field))) return undefined
    const first = sql.join(left.map((field) => sql`nullif(strpos(${stored}, ${member(field)}), 0)`))
    return sql`coalesce(left(${stored}, least(${first}) - 1) || '}', ${stored})`
  }
  const prefixes = new Map<number, Expression<unknown> | undefined>()
  return (fields) => {
    if (fields === undefined) return whole
    const kept = fields.length
    if (kept === 0 || kept > own.length || !own.slice(0, kept).every((field) => fields.includes(field))) return undefined
    if (!prefixes.has(kept)) prefixes.set(kept, cut(kept))
    return prefixes.get(kept)
  }
}

/** Every property name the schema's objects have, however deep. */
function propertyNames(schema: TSchema): string[] {
  const { properties, items } = schema as { properties?: Record<string, TSchema>; items?: TSchema }
  return [...Object.entries(properties ?? {}).flatMap(([name, property]) => [name, ...propertyNames(property)]), ...(items === undefined ? [] : propertyNames(items))]
}

/**
 * The SQL of one resource's JSON from the row `record` names (`new` in a trigger): the characters
 * the list route would write from the columns. Its fields come in the field map's order but
 * `leftOut`, each as `toApi` answers it: absent when null (`concat_ws` skips null members),
 * decimals without the trailing zeros of their scale, and a `details` field as its schema's
 * compiled serialiser writes it (an object's required keys first, then the others, each in the
 * schema's order; no spaces), not as jsonb prints it. What the migration installing the trigger
 * writes, frozen there.
 */
export function resourceJson(stored: Pick<StoredResource, 'table' | 'description' | 'leftOut'>, record: string): RawBuilder<string> {
  const fields = Object.entries(stored.description.fields).filter(([name, f]) => f.options.access !== 'write-only' && !stored.leftOut.includes(name))
  return objectText(
    stored.table,
    fields.map(([name, f]) => [name, columnText(stored.table, name, f, record) ?? jsonbText(f.schema, sql`nullif(${sql.ref(`${record}.details`)} -> ${sql.lit(name)}, 'null')`, 1)]),
  )
}

/** A column's JSON text (null stays null); undefined for a field kept in `details`. */
function columnText(table: string, name: string, f: Field, record: string): RawBuilder<unknown> | undefined {
  const column = f.options.column
  if (column === undefined) return undefined
  const ref = sql.ref(`${record}.${column}`)
  const read = f.options.read
  if (read === undefined || read === readIds) return sql`to_json(${ref})::text`
  if (read === decimalNumber) return sql`to_json(trim_scale(${ref}))::text`
  throw new Error(`${table}.${name}: its read has no SQL of its own: the resource's JSON cannot be stored`)
}

/** `{"a":…,"b":…}` of members whose text may be null (left out). */
function objectText(table: string, members: Array<[string, RawBuilder<unknown>]>): RawBuilder<string> {
  // PostgreSQL functions take at most 100 arguments: the separator and 99 members.
  if (members.length > 99) throw new Error(`${table}: ${members.length} members are too many for one concat_ws`)
  return sql<string>`'{' || concat_ws(',', ${sql.join(members.map(([name, text]) => sql`${sql.lit(`${JSON.stringify(name)}:`)} || ${text}`))}) || '}'`
}

/**
 * A jsonb value's JSON text as its schema's compiled serialiser writes it: an object's properties
 * required first (those it lacks left out), an array item by item, anything else as jsonb prints
 * a scalar. Null when the value is. `depth` names each level's array elements apart.
 */
function jsonbText(schema: TSchema, value: RawBuilder<unknown>, depth: number): RawBuilder<unknown> {
  const { type, properties, items, required = [] } = schema as { type?: unknown; properties?: Record<string, TSchema>; items?: TSchema; required?: string[] }
  if (type === 'object' && properties !== undefined) {
    // The compiled serialiser writes the required properties first, each group in the schema's order.
    const names = Object.keys(properties)
    const ordered = [...names.filter((name) => required.includes(name)), ...names.filter((name) => !required.includes(name))]
    const members = ordered.map((name): [string, RawBuilder<unknown>] => [name, jsonbText(properties[name]!, sql`nullif(${value} -> ${sql.lit(name)}, 'null')`, depth)])
    return sql`case when ${value} is null then null else ${objectText('a details object', members)} end`
  }
  if (type === 'array' && items !== undefined) {
    const element = sql.ref(`e${depth}.value`)
    const ordinality = sql.ref(`e${depth}.ordinality`)
    const item = jsonbText(items, element, depth + 1)
    return sql`case when ${value} is null then null else coalesce((select '[' || string_agg(${item}, ',' order by ${ordinality}) || ']' from jsonb_array_elements(${value}) with ordinality as ${sql.id(`e${depth}`)}), '[]') end`
  }
  return sql`${value}::text`
}
