import type { Kysely, SelectQueryBuilder } from 'kysely'
import type { TenantReader } from '../db/database.ts'

/**
 * One question about a module's table, answered by one value or none ("the contract owner of
 * billing cycle 7"). The module that owns the table exports it from its `index.ts`; a write that
 * must check several references asks them all in one statement with `lookUp`, instead of one round
 * trip each. The owning module keeps its SQL; the caller only composes.
 */
export type Lookup<T> = (db: TenantReader) => SelectQueryBuilder<any, any, { value: T }>

type Answers<L extends Record<string, Lookup<unknown>>> = { [K in keyof L]: (L[K] extends Lookup<infer T> ? T : never) | undefined }

/** Asks every lookup in one statement (a select of scalar subqueries); a question with no row answers undefined. */
export async function lookUp<L extends Record<string, Lookup<unknown>>>(db: TenantReader, lookups: L): Promise<Answers<L>> {
  const names = Object.keys(lookups)
  if (names.length === 0) return {} as Answers<L>
  const row = (await (db as unknown as Kysely<any>)
    .selectNoFrom(() => names.map((name) => lookups[name]!(db).limit(1).as(name)))
    .executeTakeFirstOrThrow()) as Record<string, unknown>
  const answers: Record<string, unknown> = {}
  for (const name of names) answers[name] = row[name] ?? undefined
  return answers as Answers<L>
}

/** One lookup on its own. */
export async function lookUpOne<T>(db: TenantReader, lookup: Lookup<T>): Promise<T | undefined> {
  return (await lookUp(db, { value: lookup })).value as T | undefined
}
