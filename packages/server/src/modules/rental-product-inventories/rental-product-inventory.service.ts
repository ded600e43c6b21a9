import type { Actor } from '../../auth/actor.ts'
import type { Database, TenantTransaction } from '../../db/database.ts'
import { assertValid } from '../../errors.ts'
import { crudUseCases } from '../../resources/crud.ts'
import type { CreateOf, DocumentOf } from '../../resources/fields.ts'
import { lookUp } from '../../resources/lookups.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import { canSee } from '../../resources/scope.ts'
import type { Stored } from '../../resources/table.ts'
import { siteScopeConditions, siteTermsLookup } from '../customers/index.ts'
import { generatedChildrenLookup, rentalProductTermsLookup, type RentalProductTerms } from '../rental-products/index.ts'
import { supplierAccountsAmong } from '../suppliers/index.ts'
import type { rentalProductInventoryFields } from './rental-product-inventory.fields.ts'
import { parentTermsLookup, rentalProductInventories } from './rental-product-inventory.repository.ts'
import { ownRuleErrors, referenceRuleErrors, termErrors } from './rental-product-inventory.rules.ts'

type Fields = typeof rentalProductInventoryFields
type Document = DocumentOf<Fields>
/** No id: a lookup of it finds nothing. */
const NONE = 0

export const inventoryScope = (actor: Actor) => siteScopeConditions(actor, 'site_id')

/**
 * The rules of a write, in the order a client fixes them: the RPI's own fields (400); then
 * everything it points at, asked in one statement (site, in the actor's scope; product; supplier
 * account; parent RPI: 400 `invalid_reference`, all at once); then what those say about it (site
 * live and product available on the start date, reference formats, the parent: 400, all at once).
 * Answers the product's terms and, on a create asked for them, the children generated with it.
 */
async function check(trx: TenantTransaction, actor: Actor, rpi: Document, generate: boolean) {
  assertValid(ownRuleErrors(rpi))
  const parentId = rpi.parentRentalProductInventoryId
  const found = await lookUp(trx, {
    site: siteTermsLookup(rpi.siteId),
    product: rentalProductTermsLookup(rpi.rentalProductId),
    supplierAccounts: supplierAccountsAmong([rpi.supplierAccountId]),
    parent: parentTermsLookup(parentId ?? NONE),
    children: generatedChildrenLookup(generate ? rpi.rentalProductId : NONE),
  })
  const references = new ReferenceErrors()
  // A site outside the actor's contract owner is reported like one that does not exist.
  references.expect(found.site !== undefined && canSee(actor, found.site.contractOwnerId), 'siteId', `site ${rpi.siteId} does not exist`)
  references.expect(found.product !== undefined, 'rentalProductId', `rental product ${rpi.rentalProductId} does not exist`)
  references.expect((found.supplierAccounts ?? []).length > 0, 'supplierAccountId', `supplier account ${rpi.supplierAccountId} does not exist`)
  if (parentId !== undefined) references.expect(found.parent !== undefined, 'parentRentalProductInventoryId', `rental product inventory ${parentId} does not exist`)
  references.throwIfAny()
  const product = found.product!
  assertValid(termErrors(rpi, found.site!, product, found.parent))
  return { product, children: found.children ?? [] }
}

/** A create's fields the rental product gives defaults for, filled in where the client left them out. */
function withProductDefaults(rpi: CreateOf<Fields>, product: RentalProductTerms): Document {
  const forceBillPeriods = rpi.forceBillPeriods ?? product.forceBillPeriods
  return {
    ...rpi,
    billInitialChargesImmediately: rpi.billInitialChargesImmediately ?? product.billInitialChargesImmediately,
    alignedToStart: rpi.alignedToStart ?? product.alignedToStart,
    alignedToBillPeriod: rpi.alignedToBillPeriod ?? product.alignedToBillPeriod,
    forceBillPeriods,
    forceBilling: rpi.forceBilling ?? forceBillPeriods > 0,
  }
}

/**
 * The RPIs generated with a new one, one per child product marked `generateWhenParentCreated` that
 * is available on the start date: on the same site and dates, with the parent's quantity,
 * frequency, supplier account and references (checked against the child product's rules: 400).
 */
function generatedChildren(parent: Stored<{ id: number }>, rpi: Document, children: Array<RentalProductTerms & { id: number }>): Document[] {
  const available = children.filter((child) => child.availableFrom <= rpi.startDate && (child.availableTo === null || rpi.startDate <= child.availableTo))
  const documents = available.map((child) =>
    withProductDefaults(
      {
        siteId: rpi.siteId,
        rentalProductId: child.id,
        parentRentalProductInventoryId: parent.resource.id,
        invoicePresentationProductName: child.invoicePresentationName,
        supplierAccountId: rpi.supplierAccountId,
        startDate: rpi.startDate,
        endDate: rpi.endDate,
        invoiceFrequency: rpi.invoiceFrequency,
        quantity: rpi.quantity,
        productReference: rpi.productReference,
        additionalProductReference: rpi.additionalProductReference,
        contractStartDate: rpi.contractStartDate,
        billable: rpi.billable,
        inFlightOrder: rpi.inFlightOrder,
      },
      child,
    ),
  )
  assertValid(
    available.flatMap((child, i) =>
      referenceRuleErrors(documents[i]!, child).map((error) => ({ ...error, message: `${error.message} (rental product ${child.id}, generated with this one)` })),
    ),
  )
  return documents
}

/**
 * Rental product inventories: rental products on customers' sites. Contract-owner scope follows
 * the site. A create also adds the RPIs of the product's children marked
 * `generateWhenParentCreated`, in the same transaction, unless the client asks it not to.
 */
export function rentalProductInventoryUseCases(db: Database) {
  const crud = crudUseCases(db, rentalProductInventories, {
    scope: inventoryScope,
    check: async (trx, actor, rpi) => {
      await check(trx, actor, rpi, false)
    },
  })
  return {
    ...crud,
    create: (actor: Actor, body: CreateOf<Fields>, options: { addLinkedRentals: boolean } = { addLinkedRentals: true }) =>
      db.withTenant(actor.brandId, async (trx) => {
        const { product, children } = await check(trx, actor, body, options.addLinkedRentals)
        // The product's defaults are known only now; forced billing is checked again with them.
        const rpi = withProductDefaults(body, product)
        assertValid(ownRuleErrors(rpi))
        const created = await rentalProductInventories.insert(trx, rpi)
        const generated = generatedChildren(created, rpi, children)
        if (generated.length > 0) await rentalProductInventories.insertMany(trx, generated)
        return created
      }),
  }
}

export { billableRentalProductInventories, rentalProductInventoryHolderLookup, rentalProductInventoryLookup, type BillableRentalProductInventory } from './rental-product-inventory.repository.ts'
