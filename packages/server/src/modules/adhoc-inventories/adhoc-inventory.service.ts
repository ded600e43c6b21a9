import type { Actor } from '../../auth/actor.ts'
import type { Database, TenantTransaction } from '../../db/database.ts'
import { assertValid, type FieldError } from '../../errors.ts'
import { crudUseCases, visibleRecord } from '../../resources/crud.ts'
import type { DocumentOf } from '../../resources/fields.ts'
import { lookUp } from '../../resources/lookups.ts'
import type { PatchRequest } from '../../resources/patch.ts'
import { assertNotProtected } from '../../resources/protected.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import { canSee } from '../../resources/scope.ts'
import { patchStored } from '../../resources/versioned.ts'
import { siteScopeConditions, siteTermsLookup } from '../customers/index.ts'
import { invoiceGroupTagLabelLookup } from '../invoice-group-tag-labels/index.ts'
import { rentalProductCategoryLookup } from '../rental-product-categories/index.ts'
import { supplierAccountsAmong } from '../suppliers/index.ts'
import { taxBandLookup } from '../tax-bands/index.ts'
import type { adhocInventoryFields } from './adhoc-inventory.fields.ts'
import { adhocInventories } from './adhoc-inventory.repository.ts'

export { adhocInventoryLookup, markAdhocInventoriesBilled, releaseAdhocInventoriesBilled, unbilledAdhocInventories, type BillableAdhocInventory } from './adhoc-inventory.repository.ts'

type Document = DocumentOf<typeof adhocInventoryFields>
/** No id: a lookup of it finds nothing. */
const NONE = 0
const scope = (actor: Actor) => siteScopeConditions(actor, 'site_id')

/** The charge's own rules: a credit note is billed immediately; the invoice group tag comes whole and groups bill-immediately charges. */
function ownRuleErrors(adhoc: Document): FieldError[] {
  const errors: FieldError[] = []
  if (adhoc.isCredit === true && adhoc.billImmediately !== true) errors.push({ field: 'isCredit', code: 'invalid_value', message: 'requires billImmediately = true' })
  const label = adhoc.invoiceGroupTagLabelId !== undefined
  const value = adhoc.invoiceGroupTagValue !== undefined
  if (label !== value) errors.push({ field: label ? 'invoiceGroupTagValue' : 'invoiceGroupTagLabelId', code: 'required', message: 'invoiceGroupTagLabelId and invoiceGroupTagValue go together' })
  if ((label || value) && adhoc.billImmediately !== true) errors.push({ field: 'invoiceGroupTagLabelId', code: 'invalid_value', message: 'groups bill-immediately charges: requires billImmediately = true' })
  return errors
}

/**
 * The rules of a write: its own fields (400); then what it points at, in one statement (site in
 * the actor's scope, supplier account, rental product category, tax band, invoice group tag
 * label: 400 `invalid_reference`, all at once).
 */
async function check(trx: TenantTransaction, actor: Actor, adhoc: Document): Promise<void> {
  assertValid(ownRuleErrors(adhoc))
  const found = await lookUp(trx, {
    site: siteTermsLookup(adhoc.siteId),
    supplierAccounts: supplierAccountsAmong([adhoc.supplierAccountId]),
    category: rentalProductCategoryLookup(adhoc.rentalProductCategoryId),
    taxBand: taxBandLookup(adhoc.taxBandId),
    label: invoiceGroupTagLabelLookup(adhoc.invoiceGroupTagLabelId ?? NONE),
  })
  const references = new ReferenceErrors()
  // A site outside the actor's contract owner is reported like one that does not exist.
  references.expect(found.site !== undefined && canSee(actor, found.site.contractOwnerId), 'siteId', `site ${adhoc.siteId} does not exist`)
  references.expect((found.supplierAccounts ?? []).length > 0, 'supplierAccountId', `supplier account ${adhoc.supplierAccountId} does not exist`)
  references.expect(found.category !== undefined, 'rentalProductCategoryId', `rental product category ${adhoc.rentalProductCategoryId} does not exist`)
  references.expect(found.taxBand !== undefined, 'taxBandId', `tax band ${adhoc.taxBandId} does not exist`)
  if (adhoc.invoiceGroupTagLabelId !== undefined) references.expect(found.label !== undefined, 'invoiceGroupTagLabelId', `invoice group tag label ${adhoc.invoiceGroupTagLabelId} does not exist`)
  references.throwIfAny()
}

/**
 * Adhoc inventories: one-off charges, discounts and refunds on a site. Contract-owner scope
 * follows the site. Once a bill run has billed one it is history: a PATCH is 409 `protected_record`.
 */
export function adhocInventoryUseCases(db: Database) {
  const crud = crudUseCases(db, adhocInventories, {
    scope,
    check: async (trx, actor, adhoc) => {
      await check(trx, actor, adhoc)
    },
  })
  return {
    list: crud.list,
    exists: crud.exists,
    get: crud.get,
    create: crud.create,
    update: (actor: Actor, id: number, patch: PatchRequest) =>
      db.withTenant(actor.brandId, async (trx) => {
        const current = await visibleRecord(trx, adhocInventories, scope(actor), id, true)
        const { billRunId, adhocBillRunId } = current.resource
        const billedBy = billRunId !== undefined ? `bill run ${billRunId}` : `adhoc bill run ${adhocBillRunId}`
        assertNotProtected(billRunId !== undefined || adhocBillRunId !== undefined, `Adhoc inventory ${id}`, `${billedBy} has billed it`)
        return patchStored(adhocInventories.description, current, patch, async (document) => {
          await check(trx, actor, document)
          return adhocInventories.update(trx, current, document)
        })
      }),
  }
}
