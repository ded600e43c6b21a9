import type { Actor } from '../../auth/actor.ts'
import type { Database, TenantTransaction } from '../../db/database.ts'
import { assertValid, type FieldError } from '../../errors.ts'
import { crudUseCases, notFound, visibleRecord, type CrudUseCases } from '../../resources/crud.ts'
import { dateOrderErrors } from '../../resources/dates.ts'
import type { DocumentOf, FieldMap, ResourceOf } from '../../resources/fields.ts'
import { lookUp, type Lookup } from '../../resources/lookups.ts'
import type { PatchRequest } from '../../resources/patch.ts'
import { assertNoOverlap } from '../../resources/periods.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import type { Row } from '../../resources/resource.ts'
import { canSee } from '../../resources/scope.ts'
import type { ResourceTable, Stored } from '../../resources/table.ts'
import { patchStored } from '../../resources/versioned.ts'
import { customerOwnerLookup, customerScopeConditions, siteCustomerLookup, siteOwnerLookup } from '../customers/index.ts'
import { holderColumn, lockSeries, seriesPeriods, type AssignmentTableName } from './assignment.repository.ts'
import { holderErrors, type AssignmentLevel, type HolderIds } from './levels.ts'

type Lookups = Record<string, Lookup<unknown>>
type Answers = Record<string, unknown>

/** An inventory item's site and product, as its module answers them. */
export interface InventoryHolder {
  siteId: number
  productId: number
}

/**
 * What differs between the kinds of assignment: where the holder's inventory id lives, the
 * kind's own rules (400) and references (asked in the same statement as the holder's), and the
 * series its periods may not overlap in beyond level and holder (a card's category, a product).
 */
export interface AssignmentKind<D> {
  table: AssignmentTableName
  noun: string
  inventoryField: string
  inventoryColumn: string
  /** The inventory module's question: where the item is held (its site) and what it holds (its product). */
  inventoryLookup(id: number): Lookup<InventoryHolder>
  holder(document: D): HolderIds
  period(document: D): { startDate: string; endDate?: string | null | undefined }
  ruleErrors?(document: D): FieldError[]
  lookups(document: D): Lookups
  /** Reports missing references on `references`; answers the series' own key columns and the columns copied beside the document. */
  resolve(document: D, answers: Answers, references: ReferenceErrors): { series: Record<string, number | string>; extra?: Row }
}

/** The holder's lookups: the customer's owner, or the site's customer and owner. */
function holderLookups(holder: HolderIds): Lookups {
  const lookups: Lookups = {}
  if (holder.siteId !== undefined) {
    lookups.siteCustomer = siteCustomerLookup(holder.siteId)
    lookups.siteOwner = siteOwnerLookup(holder.siteId)
  }
  if (holder.customerId !== undefined) lookups.customerOwner = customerOwnerLookup(holder.customerId)
  return lookups
}

/**
 * The holder's customer. A site names its customer (a customerId given with it
 * must be that one); a holder outside the actor's contract owner is reported like one that does
 * not exist. At INVENTORY level the item's site or customer, when given, is checked the same way.
 */
function resolveHolder(actor: Actor, holder: HolderIds, answers: Answers, references: ReferenceErrors, siteField: string): { customer_id: number | null } {
  let customer: number | undefined
  if (holder.siteId !== undefined) {
    const siteCustomer = answers.siteCustomer as number | undefined
    const siteOwner = answers.siteOwner as number | undefined
    const visible = siteCustomer !== undefined && siteOwner !== undefined && canSee(actor, Number(siteOwner))
    references.expect(visible, siteField, siteField === 'siteId' ? `site ${holder.siteId} does not exist` : `is on site ${holder.siteId}, which does not exist`)
    if (visible) {
      customer = Number(siteCustomer)
      if (holder.customerId !== undefined && holder.customerId !== customer) references.add('customerId', `must be the customer of site ${holder.siteId} (${customer})`)
    }
  } else if (holder.customerId !== undefined) {
    const customerOwner = answers.customerOwner as number | undefined
    const visible = customerOwner !== undefined && canSee(actor, Number(customerOwner))
    references.expect(visible, 'customerId', `customer ${holder.customerId} does not exist`)
    if (visible) {
      customer = holder.customerId
    }
  }
  return { customer_id: customer ?? null }
}

/** The id of the holder at its level. */
function holderId(holder: HolderIds, customerId: number | null): number | undefined {
  if (holder.assignmentLevel === 'CUSTOMER') return customerId ?? holder.customerId
  return holder.assignmentLevel === 'SITE' ? holder.siteId : holder.inventoryId
}

/**
 * The rules of every assignment write, in the contract's order: the body's own rules and the
 * level's holder ids (400, all at once); then every reference in one statement (400
 * `invalid_reference`, all at once); then, under a lock on the series, its other periods (409
 * `overlapping_period`). Answers the columns stored beside the document.
 */
async function checkAssignment<D>(kind: AssignmentKind<D>, trx: TenantTransaction, actor: Actor, document: D, current: Stored<unknown> | undefined): Promise<Row> {
  const given = kind.holder(document)
  const period = kind.period(document)
  assertValid([...holderErrors(given, kind.inventoryField), ...dateOrderErrors(period.startDate, period.endDate, 'endDate', 'startDate'), ...(kind.ruleErrors?.(document) ?? [])])
  const inventoryLookups: Lookups = given.inventoryId === undefined ? {} : { inventory: kind.inventoryLookup(given.inventoryId) }
  let answers = await lookUp(trx, { ...holderLookups(given), ...inventoryLookups, ...kind.lookups(document) })
  const references = new ReferenceErrors()
  const holder = { ...given }
  const inventory = answers.inventory as InventoryHolder | undefined
  if (given.inventoryId !== undefined) {
    references.expect(inventory !== undefined, kind.inventoryField, `${kind.inventoryField.replace(/Id$/, '')} ${given.inventoryId} does not exist`)
    if (inventory !== undefined && given.siteId !== undefined && given.siteId !== inventory.siteId) references.add('siteId', `must be the site of the inventory item (${inventory.siteId})`)
    // The item names its site: its customer and contract owner come with it (one more round trip, only when the write did not name the site).
    if (inventory !== undefined && given.siteId === undefined) {
      holder.siteId = inventory.siteId
      answers = { ...answers, ...(await lookUp(trx, holderLookups({ ...given, customerId: undefined, siteId: inventory.siteId }))) }
    }
  }
  const owned = resolveHolder(actor, holder, answers, references, given.siteId === undefined && holder.siteId !== undefined ? kind.inventoryField : 'siteId')
  const own = kind.resolve(document, answers, references)
  references.throwIfAny()
  const level: AssignmentLevel = holder.assignmentLevel
  const series = { table: kind.table, key: { assignment_level: level, [holderColumn(level, kind.inventoryColumn)]: holderId(holder, owned.customer_id) ?? 0, ...own.series } }
  await lockSeries(trx, series)
  assertNoOverlap(kind.noun, period, await seriesPeriods(trx, series, current === undefined ? undefined : Number(current.row.id)))
  const site = holder.assignmentLevel === 'CUSTOMER' ? {} : { site_id: holder.siteId ?? null }
  return { ...owned, ...site, ...own.extra }
}

export interface AssignmentUseCases<M extends FieldMap> extends CrudUseCases<M> {
  /** The published update names the level in its path: an assignment at another level is not found. */
  updateAtLevel(actor: Actor, level: AssignmentLevel, id: number, patch: PatchRequest): Promise<Stored<ResourceOf<M>>>
}

/** The use cases of one kind of assignment: contract-owner scope (the holder's customer's), the rules above. */
export function assignmentUseCases<M extends FieldMap>(db: Database, table: ResourceTable<M>, kind: AssignmentKind<DocumentOf<M>>): AssignmentUseCases<M> {
  const scope = (actor: Actor) => customerScopeConditions(actor, 'customer_id')
  const check = (trx: TenantTransaction, actor: Actor, document: DocumentOf<M>, current: Stored<unknown> | undefined) => checkAssignment(kind, trx, actor, document, current)
  const crud = crudUseCases(db, table, { scope, check })
  return {
    ...crud,
    updateAtLevel: (actor, level, id, patch) =>
      db.withTenant(actor.brandId, async (trx) => {
        const current = await visibleRecord(trx, table, scope(actor), id, true)
        if (current.row.assignment_level !== level) throw notFound(table.description.noun, id)
        return patchStored(table.description, current, patch, async (document) => table.update(trx, current, document, await check(trx, actor, document, current)))
      }),
  }
}
