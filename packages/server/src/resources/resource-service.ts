import type { Actor } from '../auth/actor.ts'
import type { Database, TenantTransaction } from '../db/database.ts'
import type { TObject } from 'typebox'
import { AppError, type FieldError } from '../errors.ts'
import { pageOf } from '../lists/apply.ts'
import type { Condition } from '../lists/filters.ts'
import { parseConditions, parseListQuery, project, type ListRequest, type ListSpec } from '../lists/list-query.ts'
import { canonicalJson } from '../canonical-json.ts'
import { asConflict } from './conflicts.ts'
import { patchDocument, type PatchRequest } from './patch.ts'
import { bodyValidator } from '../validation.ts'
import { assertVersion, type Versioned } from './versioned.ts'

export interface StoredRow {
  id: number
  version: number
}

/**
 * What a resource module tells the shared service: its list conventions, how rows map to the API,
 * its queries, and its rules. The service owns the flow every resource shares: tenant transaction,
 * scope (404 outside it), If-Match (412), patch then validate (400), uniqueness (409).
 */
export interface ResourceDefinition<Row extends StoredRow, Resource extends object, Body> {
  /** "Contract owner": used in messages. */
  noun: string
  list: ListSpec
  /** Fields a PATCH may not change: the server's own, and those fixed at creation. */
  readOnly: readonly string[]
  /** The writable document: what a patched resource is validated against, like a create. */
  body: TObject
  toResource(row: Row): Resource
  /** Conditions confining lists and lookups to what the actor may see. */
  scope(actor: Actor): Condition[]
  select(trx: TenantTransaction, list: ListRequest, conditions: Condition[]): Promise<Row[]>
  exists(trx: TenantTransaction, conditions: Condition[]): Promise<boolean>
  /** The row if it exists and is within `scope`; `lock` for an update. */
  find(trx: TenantTransaction, id: number, scope: Condition[], lock: boolean): Promise<Row | undefined>
  insert(trx: TenantTransaction, body: Body): Promise<Row>
  update(trx: TenantTransaction, id: number, body: Body, version: number): Promise<Row>
  /** Business rules, references (400) and write scope (403) of a create or update. */
  check(trx: TenantTransaction, actor: Actor, body: Body, current: Row | undefined): Promise<void>
  /** Unique constraints of the table, as the field and value a 409 names. */
  conflicts(body: Body): Record<string, { field: string; value: unknown }>
}

export class ResourceService<Row extends StoredRow, Resource extends object, Body> {
  private readonly validate: (document: unknown) => FieldError[]
  /** Read-only fields the writable document does not have (id, timestamps): dropped, not validated. */
  private readonly serverFields: readonly string[]

  constructor(
    protected readonly db: Database,
    protected readonly definition: ResourceDefinition<Row, Resource, Body>,
  ) {
    this.validate = bodyValidator(definition.body)
    this.serverFields = definition.readOnly.filter((field) => !(field in definition.body.properties))
  }

  async list(actor: Actor, query: Record<string, unknown>) {
    const list = parseListQuery(query, this.definition.list)
    const rows = await this.db.readTenant(actor.brandId, (db) =>
      this.definition.select(db, list, [...this.definition.scope(actor), ...list.conditions]),
    )
    const page = pageOf(rows, list)
    return { page: list.page, hasNext: page.hasNext, items: project(page.items.map((row) => this.definition.toResource(row)), list.fields) }
  }

  /** Whether anything matches the list filters (HEAD exists-check). */
  async exists(actor: Actor, query: Record<string, unknown>): Promise<boolean> {
    const conditions = parseConditions(query, this.definition.list)
    return this.db.readTenant(actor.brandId, (db) => this.definition.exists(db, [...this.definition.scope(actor), ...conditions]))
  }

  async get(actor: Actor, id: number): Promise<Versioned<Resource>> {
    return this.db.readTenant(actor.brandId, async (db) => this.versioned(await this.visible(db, actor, id, false)))
  }

  async create(actor: Actor, body: Body): Promise<Versioned<Resource>> {
    return this.db
      .withTenant(actor.brandId, async (trx) => {
        await this.definition.check(trx, actor, body, undefined)
        return this.versioned(await this.definition.insert(trx, body))
      })
      .catch((error: unknown) => Promise.reject(asConflict(error, this.definition.conflicts(body))))
  }

  async update(actor: Actor, id: number, patch: PatchRequest): Promise<Versioned<Resource>> {
    let body: Body | undefined
    return this.db
      .withTenant(actor.brandId, async (trx) => {
        const row = await this.visible(trx, actor, id, true)
        assertVersion(row.version, patch.ifMatch)
        const current = this.definition.toResource(row) as Record<string, unknown>
        body = patchDocument<Body>(current, patch, this.definition.readOnly, this.serverFields, this.validate)
        // A patch that changes nothing writes nothing: the ETag stays, so other editors' If-Match holds.
        if (canonicalJson(body) === canonicalJson(this.writable(current))) return this.versioned(row)
        await this.definition.check(trx, actor, body, row)
        return this.versioned(await this.definition.update(trx, id, body, row.version))
      })
      .catch((error: unknown) => Promise.reject(body === undefined ? error : asConflict(error, this.definition.conflicts(body))))
  }

  /** A resource without the fields only the server writes: what a patched body is compared with. */
  private writable(resource: Record<string, unknown>): Record<string, unknown> {
    const copy = { ...resource }
    for (const field of this.serverFields) delete copy[field]
    return copy
  }

  protected versioned(row: Row): Versioned<Resource> {
    return { resource: this.definition.toResource(row), version: row.version }
  }

  /** The row, or 404 when it does not exist or lies outside the actor's scope. */
  protected async visible(trx: TenantTransaction, actor: Actor, id: number, lock: boolean): Promise<Row> {
    const row = await this.definition.find(trx, id, this.definition.scope(actor), lock)
    if (row === undefined) throw new AppError('not_found', { message: `${this.definition.noun} ${id} was not found` })
    return row
  }
}
