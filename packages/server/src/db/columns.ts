import type { ColumnType } from 'kysely'

/** Column types the table declarations share (core tables here, module tables in their folders). */

export type ReadOnlyTimestamp = ColumnType<Date, never, never>

/** Filled by the database from the connection's brand (`elevate_current_brand()`). */
export type BrandColumn = ColumnType<number, number | undefined, never>

/** Columns every updatable tenant resource has. */
export interface VersionedColumns {
  version: ColumnType<number, never, number>
  created_date: ReadOnlyTimestamp
  updated_date: ColumnType<Date, never, Date>
}
