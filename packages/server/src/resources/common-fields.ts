import { Type } from 'typebox'
import { DateString, DateTimeString, Id } from './schemas.ts'
import { field } from './fields.ts'

/** Field builders most resources share; each returns a plain `field(...)`. */

/** The server-assigned id: read-only, sortable, the list's tiebreaker. */
export const idField = () => field(Id, { column: 'id', access: 'read-only', sortable: true })

/** A timestamp column's Date → the ISO text answered (`2026-12-02T03:00:00.000Z`). */
export const isoText = (value: Date) => value.toISOString()

/**
 * A timestamp the server keeps (created, updated): read-only. Lists offer it as the published page
 * does: `filter` (date-time filter and sort), `sort` (sort only) or `none`.
 */
export function timestampField<const L extends 'filter' | 'sort' | 'none'>(column: string, list: L) {
  const listing = list === 'filter' ? { filter: 'datetime' as const, sortable: true } : { sortable: list === 'sort' }
  return field(DateTimeString, { column, access: 'read-only', read: isoText, ...listing })
}

/** A reference to another record by id (a foreign key), filterable by id. */
export const referenceField = <const A extends 'read-write' | 'create-only'>(column: string, access: A, description?: string) =>
  field(description === undefined ? Id : Type.Integer({ ...Id, description }), { column, access, filter: 'id', sortable: true })

/** A calendar date in a column of its own, filterable and sortable. */
export const dateField = (column: string) => field(DateString, { column, filter: 'date', sortable: true })

/** jsonb takes JSON text: pg would send a JS array as a PostgreSQL array. */
export const jsonText = (value: unknown) => JSON.stringify(value)

