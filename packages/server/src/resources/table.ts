import { sql, type AliasedRawBuilder, type Expression, type Kysely, type RawBuilder } from 'kysely'
import type { TenantReader } from '../db/database.ts'
import type { TenantTable } from '../db/tables.ts'
import { applyList, sortedBy, whereConditions } from '../lists/apply.ts'
import type { Condition } from '../lists/filters.ts'
import { project, type ListRequest } from '../lists/list-query.ts'
import type { ChildRows } from './children.ts'
import { asConflict, asInUse, asInvalidReference } from './conflicts.ts'
import { decimalNumber } from './decimal.ts'
import type { DocumentOf, FieldMap, ResourceOf } from './fields.ts'
import { JsonText } from './json-text.ts'
import type { ResourceDescription, Row } from './resource.ts'
import { assertVersion } from './preconditions.ts'
import { storedItemText } from './stored-resource.ts'

/** A resource as stored: its API object, the version its ETag is made from, and the row. */
export interface Stored<R> {
  resource: R
  /** Absent for a resource without versions (no ETag). */
  version: number | undefined
  row: Row
}

/** One page of a list, as the list conventions answer it. */
export interface Page<T> {
  page: number
  items: T[]
  hasNext: boolean
}

export interface TableOptions {
  /** Unique constraints by name → the API field a 409 names. */
  unique?: Record<string, string>
  /**
   * This table's foreign keys by name → the API field a 400 `invalid_reference` names when the
   * record it points at was deleted after the write checked it.
   */
  references?: Record<string, string>
  /** Other tables' foreign keys to this one, by name → what they are ("customers"): a delete they block is 409 `in_use`. */
  referencedBy?: Record<string, string>
  /** What to do before deleting a record in use, said in the 409 ("move them to another sub-brand first"). */
  inUseAdvice?: string
  /**
   * Columns the query computes rather than reads (a parent's child rows, `childRowsJson`): the
   * field map names them as columns, read-only; here each gets its SQL, given the table's name.
   */
  computed?: Record<string, Computed>
  /**
   * Rows that keep their whole API JSON (`ChildRows.stored`, written by a trigger): a page asking
   * for every field is answered as that text (`JsonText` items, sent as written) instead of
   * reading each column and serialising it again. Its fields must be the resource's, in order and
   * by the same columns; `test/modules/stored-pages.test.ts` holds the two answers to each other.
   */
  storedJson?: ChildRows
  /**
   * A column keeping each row's API JSON but its JSON columns (`computed`, which must be the
   * resource's last fields), written by a trigger (`resourceJson`, frozen in the migration that
   * installs it): a page asking for every field gets that text with its JSON columns appended, and a
   * page leaving out the JSON columns and some of the last fields (a card's summary) gets the text
   * cut before them (`storedItemText`), both sent as written. `test/modules/stored-pages.test.ts`
   * holds the pages to the ones built from the columns, and each trigger to `resourceJson`.
   */
  storedResource?: string
  /**
   * The columns a narrow index holds beside `brand_id` and `id` (`(brand_id, id) include (…)` or
   * `(brand_id, …, id)`), for the pages whose rows PostgreSQL would otherwise read whole only to
   * test or skip them. A page whose filters and sort name only these columns and `id`, and that
   * either filters or starts deep (page > 1), finds its ids first by an index-only scan of that
   * index and then reads those rows by id:
   * - a search: under row-level security an operator that is not leakproof (`like:` where
   *   `~~~` could not be made leakproof, or its pattern has no trigram) cannot use an index of its
   *   own, so PostgreSQL tests every row of the brand (currencies by `like:`: 1.8 -> 0.9 ms at
   *   10,000 rows);
   * - a deep page: OFFSET reads every row it skips (rate-card assignments by level, page 50:
   *   2.1 -> 1.2 ms).
   * Worth it only where the rows read cost more than the test (not for an id array's `@>`: measure first).
   */
  idsByIndex?: readonly string[]
}

/** A computed column's SQL given the table's name, or JSON the query builds (`JsonColumn`). */
export type Computed = ((table: string) => Expression<unknown>) | JsonColumn

/**
 * A computed column of JSON, built by the query as text: parsed where one resource is read,
 * answered by a list page as written (`JsonText`). Its JSON must be what the field's schema would
 * serialise.
 */
export interface JsonColumn {
  text: (table: string) => RawBuilder<unknown>
}

/**
 * The queries every resource table answers, generated from its description. The brand is never
 * named: row-level security confines every statement to the connection's brand. `extra` columns
 * are what a module stores beside the document (a site's copied contract owner).
 */
export interface ResourceTable<M extends FieldMap> {
  name: TenantTable
  description: ResourceDescription<M>
  page(db: TenantReader, list: ListRequest, scope: readonly Condition[]): Promise<Page<Partial<ResourceOf<M>>>>
  exists(db: TenantReader, conditions: readonly Condition[]): Promise<boolean>
  find(db: TenantReader, id: number, scope: readonly Condition[], options?: { lock?: boolean }): Promise<Stored<ResourceOf<M>> | undefined>
  insert(db: TenantReader, document: DocumentOf<M>, extra?: Row): Promise<Stored<ResourceOf<M>>>
  /**
   * Inserts unless a unique key is already taken: undefined then, and the transaction goes on (a
   * generated number drawn again), where `insert` would end it with 409.
   */
  insertUnlessTaken(db: TenantReader, document: DocumentOf<M>, extra?: Row): Promise<Stored<ResourceOf<M>> | undefined>
  /** Inserts several in one statement; answered in the order given. */
  insertMany(db: TenantReader, documents: readonly DocumentOf<M>[], extra?: Row): Promise<Stored<ResourceOf<M>>[]>
  /** Writes the document, bumps the version (the ETag) and the update time. */
  update(db: TenantReader, current: Stored<unknown>, document: DocumentOf<M>, extra?: Row): Promise<Stored<ResourceOf<M>>>
  /**
   * Deletes by id; false when there was nothing to delete; 409 `in_use` while other records point
   * at it; 412 when `ifMatch` (the client's If-Match) does not name the current version.
   */
  remove(db: TenantReader, id: number, scope: readonly Condition[], ifMatch?: readonly number[]): Promise<boolean>
}

export function resourceTable<M extends FieldMap>(name: TenantTable, description: ResourceDescription<M>, options: TableOptions = {}): ResourceTable<M> {
  const { columns, versioned } = description
  const computed = options.computed ?? {}
  const storedJson = options.storedJson === undefined ? undefined : storedColumn(name, description, options.storedJson)
  const jsonColumns = Object.keys(computed).filter((column) => typeof computed[column] !== 'function')
  // A list hands a JSON column's field its text (`JsonText`), never the parsed value a `read` expects.
  for (const [field, f] of Object.entries(description.fields)) {
    if (f.options.read !== undefined && jsonColumns.includes(f.options.column ?? '')) throw new Error(`${name}.${field}: a JSON column's field cannot have a read`)
  }
  const expression = (column: string, inList: boolean) => {
    const c = computed[column]!
    if (typeof c === 'function') return c(name)
    return inList ? c.text(name) : sql`(${c.text(name)})::json`
  }
  // A list reads its numeric columns without the trailing zeros of their scale (`0.11`, not
  // `0.110000`): the same decimal, and what the field answers anyway, but a page of rates has
  // thousands, and their bytes are most of what the server receives and turns into strings.
  const decimalColumns = new Set(Object.values(description.fields).flatMap((f) => (f.options.read === decimalNumber && f.options.column !== undefined ? [f.options.column] : [])))
  const selectColumn = (column: string, inList: boolean) => {
    if (computed[column] !== undefined) return aliased(expression(column, inList), column)
    return inList && decimalColumns.has(column) ? aliased(sql`trim_scale(${sql.ref(`${name}.${column}`)})`, column) : column
  }
  const selection = (wanted: (column: string) => boolean, inList = false) => [...new Set(['id', ...columns])].filter(wanted).map((column) => selectColumn(column, inList))
  const selected = selection(() => true)
  // A list asking for some fields (`fields=`, a summary) skips the computed columns of the others:
  // a card's thousands of rates are not aggregated to be dropped.
  const fieldOfColumn = new Map(Object.entries(description.fields).map(([field, f]) => [f.options.column, field]))
  const listedAll = selection(() => true, true)
  const listed = (fields: readonly string[] | undefined) =>
    fields === undefined ? listedAll : selection((column) => computed[column] === undefined || fields.includes(fieldOfColumn.get(column) ?? ''), true)
  const listedRow = (row: Row) => {
    for (const column of jsonColumns) if (typeof row[column] === 'string') row[column] = new JsonText(row[column])
    return description.toApi(row)
  }
  // Untyped inside, typed at the boundary: columns come from the module's own field map.
  const kysely = (db: TenantReader) => db as unknown as Kysely<any>
  const indexed = new Set(['id', ...(options.idsByIndex ?? [])])
  const idsFirst = (conditions: readonly Condition[], list: ListRequest) =>
    options.idsByIndex !== undefined &&
    (conditions.length > 0 || list.page > 1) &&
    conditions.every((condition) => [condition.column, ...(condition.orColumns ?? [])].every((column) => indexed.has(column))) &&
    list.sort.every((key) => indexed.has(key.column))
  const storedItems = options.storedResource === undefined ? undefined : storedItemText(name, description as ResourceDescription<FieldMap>, options.storedResource, jsonColumns, (column) => expression(column, true))
  const from = (db: TenantReader, conditions: readonly Condition[], select = selected) => whereConditions(kysely(db).selectFrom(name).select(select), conditions)
  const stored = (row: Row): Stored<ResourceOf<M>> => ({ resource: description.toApi(row), version: versioned ? Number(row.version) : undefined, row })
  const conflict = (error: unknown, document: Row) =>
    asInvalidReference(asConflict(error, fieldsOf(options.unique ?? {}, document)), fieldsOf(options.references ?? {}, document))

  return {
    name,
    description,
    async page(db, list, scope) {
      // Sorted by the stored column, not the trimmed one the page answers under its name, which
      // an ORDER BY would otherwise take: an index on the column gives the order only as stored.
      const sort = list.sort.map((key) => (decimalColumns.has(key.column) ? { ...key, column: `${name}.${key.column}` } : key))
      const conditions = [...scope, ...list.conditions]
      const pageOf = (select: Selection[]) =>
        idsFirst(conditions, list)
          ? // Sorted again by the same keys: `= any(array)` keeps no order.
            sortedBy(kysely(db).selectFrom(name).select(select).where('id', '=', sql`any(array(${applyList(from(db, conditions, ['id']), list)}))`), sort)
          : applyList(from(db, conditions, select), { ...list, sort })
      const text = storedJson !== undefined && list.fields === undefined ? sql.ref(storedJson) : storedItems?.(list.fields)
      if (text !== undefined) {
        const rows = (await pageOf([aliased(text, 'item')]).execute()) as Row[]
        // Typed as the items they stand for: the list route sends them as written (`JsonText`).
        const items = rows.slice(0, list.pageSize).map((row) => new JsonText(row.item as string) as unknown as Partial<ResourceOf<M>>)
        return { page: list.page, items, hasNext: rows.length > list.pageSize }
      }
      const rows = await pageOf(listed(list.fields)).execute()
      const items = rows.slice(0, list.pageSize).map((row) => listedRow(row as Row))
      return { page: list.page, items: project(items, list.fields), hasNext: rows.length > list.pageSize }
    },
    exists: async (db, conditions) => (await from(db, conditions).limit(1).executeTakeFirst()) !== undefined,
    async find(db, id, scope, { lock = false } = {}) {
      const query = from(db, scope).where('id', '=', id)
      const row = await (lock ? query.forUpdate() : query).executeTakeFirst()
      return row === undefined ? undefined : stored(row as Row)
    },
    async insert(db, document, extra = {}) {
      const values = { ...description.toRow(document), ...extra }
      try {
        return stored((await kysely(db).insertInto(name).values(values).returning(selected).executeTakeFirstOrThrow()) as Row)
      } catch (error) {
        throw conflict(error, document as Row)
      }
    },
    async insertUnlessTaken(db, document, extra = {}) {
      const values = { ...description.toRow(document), ...extra }
      try {
        const row = await kysely(db).insertInto(name).values(values).onConflict((conflict) => conflict.doNothing()).returning(selected).executeTakeFirst()
        return row === undefined ? undefined : stored(row as Row)
      } catch (error) {
        throw conflict(error, document as Row)
      }
    },
    async insertMany(db, documents, extra = {}) {
      const values = documents.map((document) => ({ ...description.toRow(document), ...extra }))
      const rows = (await kysely(db).insertInto(name).values(values).returning(selected).execute()) as Row[]
      // Identities are drawn in VALUES order: sorting by id restores the order given.
      return rows.sort((a, b) => Number(a.id) - Number(b.id)).map(stored)
    },
    async update(db, current, document, extra = {}) {
      const values: Row = { ...description.toRow(document), ...extra, updated_date: new Date() }
      if (versioned) values.version = (current.version ?? 0) + 1
      try {
        const query = kysely(db).updateTable(name).set(values).where('id', '=', current.row.id).returning(selected)
        return stored((await query.executeTakeFirstOrThrow()) as Row)
      } catch (error) {
        throw conflict(error, document as Row)
      }
    },
    async remove(db, id, scope, ifMatch) {
      if (ifMatch !== undefined && versioned) {
        // The precondition holds until the delete: the row is locked between the two.
        const current = await from(db, scope).where('id', '=', id).forUpdate().executeTakeFirst()
        if (current === undefined) return false
        assertVersion(Number((current as Row).version), ifMatch)
      }
      try {
        const result = await whereConditions(kysely(db).deleteFrom(name), scope).where('id', '=', id).executeTakeFirst()
        return Number(result.numDeletedRows) > 0
      } catch (error) {
        throw asInUse(error, `${description.noun} ${id}`, options.referencedBy ?? {}, options.inUseAdvice)
      }
    },
  }
}

/**
 * The column holding the resource's whole JSON, once the stored rows are checked to answer exactly
 * the resource's fields: the same names in the same order, each from the same column.
 */
function storedColumn<M extends FieldMap>(table: string, description: ResourceDescription<M>, rows: ChildRows): string {
  const resource = Object.entries(description.fields).map(([field, f]) => `${field}:${f.options.column ?? ''}`)
  const stored = Object.entries(rows.fields).map(([field, column]) => `${field}:${column}`)
  if (rows.stored === undefined || rows.table !== table || resource.join() !== stored.join()) {
    throw new Error(`${table}: storedJson must keep this table's JSON with the resource's fields (${resource.join()}), not ${stored.join()}`)
  }
  return rows.stored
}

/** A column of a select list: its name, or an expression under one. */
type Selection = string | AliasedRawBuilder<unknown, string>

/** `expression as column`, for select and returning lists. */
function aliased(expression: Expression<unknown>, column: string): Selection {
  return sql`${expression}`.as(column)
}

function fieldsOf(byConstraint: Record<string, string>, document: Row): Record<string, { field: string; value: unknown }> {
  const fields: Record<string, { field: string; value: unknown }> = {}
  for (const [constraint, field] of Object.entries(byConstraint)) fields[constraint] = { field, value: document[field] }
  return fields
}
