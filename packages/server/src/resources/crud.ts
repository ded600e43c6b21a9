import type { Actor } from '../auth/actor.ts'
import type { Database, TenantTransaction } from '../db/database.ts'
import { AppError } from '../errors.ts'
import type { Condition } from '../lists/filters.ts'
import type { ListRequest } from '../lists/list-query.ts'
import type { CreateOf, DocumentOf, FieldMap, ResourceOf } from './fields.ts'
import type { PatchRequest } from './patch.ts'
import type { Row } from './resource.ts'
import { assertBrandWideWriter } from './scope.ts'
import type { Page, ResourceTable, Stored } from './table.ts'
import { patchStored } from './versioned.ts'

/** 404 for a record that does not exist in the brand, or lies outside the actor's scope. */
export function notFound(noun: string, id: number): AppError {
  return new AppError('not_found', { message: `${noun} ${id} was not found` })
}

/** Finds a record the actor may see, or throws 404; `lock` for an update (FOR UPDATE). */
export async function visibleRecord<M extends FieldMap>(
  db: TenantTransaction,
  table: ResourceTable<M>,
  scope: readonly Condition[],
  id: number,
  lock = false,
): Promise<Stored<ResourceOf<M>>> {
  const found = await table.find(db, id, scope, { lock })
  if (found === undefined) throw notFound(table.description.noun, id)
  return found
}

export interface CrudRules<M extends FieldMap> {
  /** Conditions confining what the actor sees (contract-owner scope); none for brand-wide data. */
  scope(actor: Actor): Condition[]
  /**
   * The rules of a write, before it is made: business rules (400), write scope (403) and
   * references (400). `current` is absent on a create. May return columns to store beside the
   * document (a site's copied contract owner).
   */
  check?(trx: TenantTransaction, actor: Actor, document: DocumentOf<M>, current: Stored<ResourceOf<M>> | undefined): Promise<Row | void>
  /** Whether the actor may delete records of this kind at all (403 otherwise), before anything is read. */
  assertMayRemove?(actor: Actor): void
}

/**
 * The rules of brand-wide reference data (admin contacts, templates): every user of the brand
 * reads it, only users not restricted to a contract owner write it (403); `check` adds the
 * module's own rules after that.
 */
export function brandWideRules<M extends FieldMap>(plural: string, check?: CrudRules<M>['check']): CrudRules<M> {
  return {
    scope: () => [],
    async check(trx, actor, document, current) {
      assertBrandWideWriter(actor, plural)
      return check?.(trx, actor, document, current)
    },
    assertMayRemove: (actor) => assertBrandWideWriter(actor, plural),
  }
}

export interface CrudUseCases<M extends FieldMap> {
  list(actor: Actor, list: ListRequest): Promise<Page<Partial<ResourceOf<M>>>>
  exists(actor: Actor, conditions: Condition[]): Promise<boolean>
  get(actor: Actor, id: number): Promise<Stored<ResourceOf<M>>>
  create(actor: Actor, body: CreateOf<M>): Promise<Stored<ResourceOf<M>>>
  update(actor: Actor, id: number, patch: PatchRequest): Promise<Stored<ResourceOf<M>>>
  /** `ifMatch`: the versions the client's If-Match names (412 unless one is current). */
  remove(actor: Actor, id: number, ifMatch?: readonly number[]): Promise<void>
}

/** The reads of a resource: list, exists-check and get, each confined to the actor's scope. */
export function readUseCases<M extends FieldMap>(db: Database, table: ResourceTable<M>, scope: (actor: Actor) => Condition[]) {
  return {
    list: (actor: Actor, list: ListRequest) => db.readTenant(actor.brandId, (reader) => table.page(reader, list, scope(actor))),
    exists: (actor: Actor, conditions: Condition[]) => db.readTenant(actor.brandId, (reader) => table.exists(reader, [...scope(actor), ...conditions])),
    get: (actor: Actor, id: number) => db.readTenant(actor.brandId, (reader) => visibleRecord(reader, table, scope(actor), id)),
  }
}

/**
 * Sugar for a plain resource: the reads, and create, update and delete composed from the table's
 * queries, the tenant transaction and the versioned patch step. A module with another shape
 * composes those itself.
 */
export function crudUseCases<M extends FieldMap>(db: Database, table: ResourceTable<M>, rules: CrudRules<M>): CrudUseCases<M> {
  const check = async (trx: TenantTransaction, actor: Actor, document: DocumentOf<M>, current?: Stored<ResourceOf<M>>) =>
    (await rules.check?.(trx, actor, document, current)) ?? undefined
  return {
    ...readUseCases(db, table, rules.scope),
    create: (actor, body) =>
      db.withTenant(actor.brandId, async (trx) => table.insert(trx, body, await check(trx, actor, body))),
    update: (actor, id, patch) =>
      db.withTenant(actor.brandId, async (trx) => {
        const current = await visibleRecord(trx, table, rules.scope(actor), id, true)
        return patchStored(table.description, current, patch, async (document) =>
          table.update(trx, current, document, await check(trx, actor, document, current)),
        )
      }),
    remove: (actor, id, ifMatch) =>
      db.withTenant(actor.brandId, async (trx) => {
        rules.assertMayRemove?.(actor)
        if (!(await table.remove(trx, id, rules.scope(actor), ifMatch))) throw notFound(table.description.noun, id)
      }),
  }
}
