import { sql, type Kysely } from 'kysely'

/**
 * Indexes that let a list sorted by a column walk its page in order instead of reading and sorting
 * the brand's rows. Each leads with the brand and ends with the id, the lists' tiebreaker, as every
 * list index does; named `<table>_<last column>_sort`. Frozen like the migrations that use it.
 */
export type SortIndex = readonly [table: string, columns: readonly string[]]

const nameOf = ([table, columns]: SortIndex) => `${table}_${columns.at(-1)}_sort`

export async function createSortIndexes(db: Kysely<any>, indexes: readonly SortIndex[]): Promise<void> {
  for (const index of indexes) {
    const keys = sql.join(['brand_id', ...index[1], 'id'].map((column) => sql.ref(column)))
    await sql`create index ${sql.raw(nameOf(index))} on ${sql.table(index[0])} (${keys})`.execute(db)
  }
}

export async function dropSortIndexes(db: Kysely<any>, indexes: readonly SortIndex[]): Promise<void> {
  for (const index of indexes) await sql`drop index ${sql.raw(nameOf(index))}`.execute(db)
}
