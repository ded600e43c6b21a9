import type { Actor } from '../../auth/actor.ts'
import type { Database, TenantTransaction } from '../../db/database.ts'
import { AppError, assertValid } from '../../errors.ts'
import type { Condition } from '../../lists/filters.ts'
import type { ListRequest } from '../../lists/list-query.ts'
import { childConditions } from '../../resources/children.ts'
import { notFound, readUseCases, visibleRecord } from '../../resources/crud.ts'
import type { CreateOf, DocumentOf, ResourceOf } from '../../resources/fields.ts'
import { lookUp } from '../../resources/lookups.ts'
import type { PatchRequest } from '../../resources/patch.ts'
import { periodsOverlap } from '../../resources/periods.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import { canSee } from '../../resources/scope.ts'
import type { Stored } from '../../resources/table.ts'
import { patchStored } from '../../resources/versioned.ts'
import { siteScopeConditions, siteTermsLookup } from '../customers/index.ts'
import { supplierAccountsAmong } from '../suppliers/index.ts'
import { usageProductTermsLookup } from '../usage-products/index.ts'
import type { usageProductInventoryFields } from './usage-product-inventory.fields.ts'
import {
  claimsOn,
  insertUsageProductInventory,
  inventoryOfReference,
  lockReferences,
  referenceRows,
  referenceScope,
  updateUsageProductInventory,
  usageProductInventories,
  usageProductReferences,
} from './usage-product-inventory.repository.ts'
import { normalised, ownRuleErrors, termErrors } from './usage-product-inventory.rules.ts'

export { usageProductInventoryHolderLookup, usageProductInventoryLookup } from './usage-product-inventory.repository.ts'

type Fields = typeof usageProductInventoryFields
type Document = DocumentOf<Fields>
/** No id: a lookup of it finds nothing. */
const NONE = 0
const scope = (actor: Actor) => siteScopeConditions(actor, 'site_id')

/**
 * The rules of a write, in the order a client fixes them: the UPI's own fields and references
 * (400); what it points at, in one statement (site in the actor's scope, usage product, supplier
 * account: 400 `invalid_reference`); what those say (400); last, a reference another UPI holds
 * at the same time (409 `overlapping_period`), checked under a lock per reference.
 */
async function check(trx: TenantTransaction, actor: Actor, upi: Document, self: number): Promise<void> {
  assertValid(ownRuleErrors(upi))
  const found = await lookUp(trx, {
    site: siteTermsLookup(upi.siteId),
    product: usageProductTermsLookup(upi.usageProductId),
    supplierAccounts: supplierAccountsAmong(upi.supplierAccountId === undefined ? [] : [upi.supplierAccountId]),
  })
  const references = new ReferenceErrors()
  // A site outside the actor's contract owner is reported like one that does not exist.
  references.expect(found.site !== undefined && canSee(actor, found.site.contractOwnerId), 'siteId', `site ${upi.siteId} does not exist`)
  references.expect(found.product !== undefined, 'usageProductId', `usage product ${upi.usageProductId} does not exist`)
  if (upi.supplierAccountId !== undefined) references.expect((found.supplierAccounts ?? []).length > 0, 'supplierAccountId', `supplier account ${upi.supplierAccountId} does not exist`)
  references.throwIfAny()
  assertValid(termErrors(upi, found.site!, found.product!))
  const numbers = upi.productReferences.map((item) => item.productReference)
  await lockReferences(trx, numbers)
  const claims = await claimsOn(trx, numbers, self)
  upi.productReferences.forEach((item, i) => {
    const clash = claims.find((claim) => claim.productReference === item.productReference && periodsOverlap({ startDate: item.startDate!, endDate: item.endDate }, claim))
    if (clash === undefined) return
    const message = `${item.productReference} belongs to usage product inventory ${clash.inventoryId} from ${clash.startDate} to ${clash.endDate ?? 'no end date'}`
    throw new AppError('overlapping_period', {
      message: `Product reference ${message}: end it there first, or choose other dates`,
      errors: [{ field: `productReferences[${i}].productReference`, code: 'overlapping_period', message }],
    })
  })
}

/** The ids of a patched UPI's references are its own (400 otherwise). */
function assertOwnReferences(upi: Document, current: Stored<ResourceOf<Fields>>): void {
  const own = new Set(current.resource.productReferences.map((item) => item.id))
  assertValid(
    upi.productReferences.flatMap((item, i) =>
      item.id === undefined || own.has(item.id) ? [] : [{ field: `productReferences[${i}].id`, code: 'invalid_value', message: `is not a reference of this usage product inventory` }],
    ),
  )
}

/**
 * Usage product inventories with their product references. Contract-owner scope follows the
 * site. A PATCH of the UPI adds, changes and removes references; a PATCH of one reference
 * runs the same rules on the UPI it belongs to.
 */
export function usageProductInventoryUseCases(db: Database) {
  const reads = readUseCases(db, usageProductInventories, scope)
  /** A patched UPI saved: its references its own, normalised, checked, written. */
  async function save(trx: TenantTransaction, actor: Actor, current: Stored<ResourceOf<Fields>>, patched: Document) {
    assertOwnReferences(patched, current)
    const upi = normalised(patched)
    await check(trx, actor, upi, Number(current.row.id))
    return updateUsageProductInventory(trx, current, upi)
  }
  return {
    ...reads,
    list: (actor: Actor, list: ListRequest) => reads.list(actor, { ...list, conditions: childConditions(referenceRows, list.conditions) }),
    exists: (actor: Actor, conditions: Condition[]) => reads.exists(actor, childConditions(referenceRows, conditions)),
    create: (actor: Actor, body: CreateOf<typeof usageProductInventoryFields>) =>
      db.withTenant(actor.brandId, async (trx) => {
        const upi = normalised(body)
        await check(trx, actor, upi, NONE)
        return insertUsageProductInventory(trx, upi)
      }),
    update: (actor: Actor, id: number, patch: PatchRequest) =>
      db.withTenant(actor.brandId, async (trx) => {
        const current = await visibleRecord(trx, usageProductInventories, scope(actor), id, true)
        return patchStored(usageProductInventories.description, current, patch, (patched) => save(trx, actor, current, patched))
      }),
    updateReference: (actor: Actor, referenceId: number, patch: PatchRequest) =>
      db.withTenant(actor.brandId, async (trx) => {
        const reference = await visibleRecord(trx, usageProductReferences, referenceScope(scope(actor)), referenceId, true)
        const inventoryId = await inventoryOfReference(trx, referenceId)
        const upi = inventoryId === undefined ? undefined : await usageProductInventories.find(trx, inventoryId, [], { lock: true })
        if (upi === undefined) throw notFound(usageProductReferences.description.noun, referenceId)
        return patchStored(usageProductReferences.description, reference, patch, async (changed) => {
          const { id: _, ...document } = upi.resource
          const references = document.productReferences.map((item) => (item.id === referenceId ? { ...changed, id: referenceId } : item))
          await save(trx, actor, upi, { ...document, productReferences: references })
          return (await usageProductReferences.find(trx, referenceId, []))!
        })
      }),
  }
}
