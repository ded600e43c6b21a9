import type { TObject } from 'typebox'
import type { FieldError } from '../errors.ts'
import type { ListField, ListSpec } from '../lists/list-query.ts'
import { bodyValidator } from '../validation.ts'
import {
  createSchema,
  documentSchema,
  fixedFields,
  resourceSchema,
  serverFields,
  usesDetails,
  writeOnlyFields,
  type CreateProperties,
  type DocumentOf,
  type DocumentProperties,
  type Field,
  type FieldMap,
  type ResourceOf,
  type ResourceProperties,
} from './fields.ts'

/**
 * Everything derived from a module's field map: its schemas (answer, create, patched document),
 * its list spec, the columns to select, and the two mappings between rows and API objects.
 * Pure: no database, no HTTP. The module's repository queries with it, its routes declare with it.
 */
export interface ResourceDescription<M extends FieldMap> {
  fields: M
  /** "Customer": for messages ("Customer 7 was not found"). */
  noun: string
  schema: TObject<ResourceProperties<M>>
  createBody: TObject<CreateProperties<M>>
  document: TObject<DocumentProperties<M>>
  list: ListSpec
  /** Columns a query selects to build the resource (with `details` and `version` when used). */
  columns: readonly string[]
  versioned: boolean
  /** Fields a PATCH may not change, and fields only the server writes. */
  fixed: readonly string[]
  server: readonly string[]
  toApi(row: Row): ResourceOf<M>
  /** The columns a write sets from a (created or patched) document; write-only fields excluded. */
  toRow(document: DocumentOf<M>): Row
  /** Validates a patched document like a create, with the same field errors. */
  validateDocument(document: unknown): FieldError[]
}

export type Row = Record<string, unknown>

export interface DescribeOptions {
  noun: string
  /** Rows carry a `version` column, bumped by each update and answered as the ETag (default true). */
  versioned?: boolean
  /** The column that makes list order total (default `id`). */
  tiebreaker?: string
  /** Filters that are not fields (createdFrom on events), by query parameter. */
  filters?: Record<string, ListField>
  description?: string
}

export function describeResource<M extends FieldMap>(fields: M, options: DescribeOptions): ResourceDescription<M> {
  const entries = Object.entries(fields)
  const answered = entries.filter(([, f]) => f.options.access !== 'write-only')
  const stored = entries.filter(([, f]) => f.options.access !== 'read-only' && f.options.access !== 'write-only')
  const details = usesDetails(fields)
  const versioned = options.versioned ?? true
  const columns = [...new Set([...answered.flatMap(([, f]) => (f.options.column === undefined ? [] : [f.options.column])), ...(details ? ['details'] : []), ...(versioned ? ['version'] : [])])]
  const document = documentSchema(fields)
  const validate = bodyValidator(document)

  return {
    fields,
    noun: options.noun,
    schema: resourceSchema(fields, { description: options.description }),
    createBody: createSchema(fields),
    document,
    list: listSpecOf(fields, options),
    columns,
    versioned,
    fixed: fixedFields(fields),
    server: serverFields(fields),
    toApi: (row) => toApi(answered, row),
    toRow: (doc) => toRow(stored, doc as Row, details),
    validateDocument: validate,
  }
}

function listSpecOf(fields: FieldMap, options: DescribeOptions): ListSpec {
  const columns: Record<string, ListField> = {}
  for (const [name, f] of Object.entries(fields)) {
    const { column, filter, sortable, param, folded } = f.options
    if (column === undefined || (filter === undefined && sortable !== true)) continue
    if (folded === true && filter !== 'string') throw new Error(`field ${name}: only a string filter matches a folded column`)
    columns[name] =
      filter === 'enum'
        ? { column, filter: 'string', values: enumValues(name, f), sortable, param }
        : { column, filter, sortable, param, ...(folded === true ? { folded: `${column}_folded` } : {}) }
  }
  const answered = Object.keys(fields).filter((name) => fields[name]!.options.access !== 'write-only')
  return { fields: answered, columns: { ...columns, ...options.filters }, tiebreaker: options.tiebreaker ?? 'id' }
}

/** The values an `enum` filter takes: those of the field's schema. */
function enumValues(name: string, f: Field): readonly string[] {
  const values = (f.schema as { enum?: unknown }).enum
  if (!Array.isArray(values) || !values.every((value) => typeof value === 'string')) throw new Error(`field ${name}: an enum filter needs a schema with string enum values`)
  return values
}

/** Row → API object: each field from its column (or `details`), converted, absent when null. */
function toApi<R>(fields: Array<[string, Field]>, row: Row): R {
  const details = row.details as Row | null | undefined
  const result: Row = {}
  for (const [name, f] of fields) {
    const raw = f.options.column === undefined ? details?.[name] : row[f.options.column]
    if (raw === null || raw === undefined) continue
    result[name] = f.options.read === undefined ? raw : (f.options.read as (value: unknown) => unknown)(raw)
  }
  return result as R
}

/**
 * API document → columns: absent fields take their default, or become null columns; column-less
 * fields go to `details`.
 */
function toRow(fields: Array<[string, Field]>, document: Row, withDetails: boolean): Row {
  const row: Row = {}
  const details: Row = {}
  for (const [name, f] of fields) {
    const value = document[name] ?? f.options.default
    if (f.options.column === undefined) {
      if (value !== undefined) details[name] = value
    } else {
      row[f.options.column] = value === undefined ? null : f.options.write === undefined ? value : (f.options.write as (value: unknown) => unknown)(value)
    }
  }
  if (withDetails) row.details = details
  return row
}

export { writeOnlyFields }
