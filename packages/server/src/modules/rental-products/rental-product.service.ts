import type { Actor } from '../../auth/actor.ts'
import type { Database, TenantTransaction } from '../../db/database.ts'
import { AppError, assertValid, type FieldError } from '../../errors.ts'
import { brandWideRules, crudUseCases, visibleRecord } from '../../resources/crud.ts'
import { dateOrderErrors } from '../../resources/dates.ts'
import type { DocumentOf, ResourceOf } from '../../resources/fields.ts'
import { lookUp, lookUpOne } from '../../resources/lookups.ts'
import type { PatchRequest } from '../../resources/patch.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import { regexErrors } from '../../resources/regex.ts'
import { assertBrandWideWriter } from '../../resources/scope.ts'
import type { Stored } from '../../resources/table.ts'
import { patchStored } from '../../resources/versioned.ts'
import { rentalProductCategoryLookup } from '../rental-product-categories/index.ts'
import { supplierLookup } from '../suppliers/index.ts'
import { taxBandLookup } from '../tax-bands/index.ts'
import { usageProductLookup } from '../usage-products/index.ts'
import type { rentalProductFields } from './rental-product.fields.ts'
import { childLookup, parentLookup, rentalProducts } from './rental-product.repository.ts'

export { generatedChildrenLookup, rentalProductLookup, rentalProductsAmong, rentalProductTermsLookup, type RentalProductTerms } from './rental-product.repository.ts'

type Fields = typeof rentalProductFields
const PLURAL = 'Rental products'
/** No id: a lookup of it finds nothing. */
const NONE = 0

/** 409 `protected_record`: the products of a category maintained by SI are not created or changed through the API. */
function siMaintained(categoryId: number): AppError {
  return new AppError('protected_record', {
    message: `Rental product category ${categoryId} is maintained by SI: its products cannot be created, updated or deleted through the API`,
  })
}

/**
 * The rules of a write, in the order a client fixes them: the product's own fields (the end not
 * before the start, both reference formats compile: 400 naming each field); then its references,
 * asked in one statement (category, supplier, tax band, parent, linked usage product: 400 `invalid_reference`, all at
 * once); then nesting (a parent is a top-level product, and a product with children takes no
 * parent: 400); last, a category maintained by SI (409 `protected_record`).
 */
async function check(trx: TenantTransaction, product: DocumentOf<Fields>, current: Stored<ResourceOf<Fields>> | undefined): Promise<void> {
  const parentId = product.parentRentalProductId
  const self = current?.resource.id
  assertValid([
    ...dateOrderErrors(product.availableFrom, product.availableTo, 'availableTo', 'availableFrom'),
    ...regexErrors({ productReferenceFormat: product.productReferenceFormat, additionalProductReferenceFormat: product.additionalProductReferenceFormat }),
    ...(parentId !== undefined && parentId === self ? [{ field: 'parentRentalProductId', code: 'invalid_value', message: 'a product cannot be its own parent' }] : []),
  ])
  const found = await lookUp(trx, {
    category: rentalProductCategoryLookup(product.rentalProductCategoryId),
    supplier: supplierLookup(product.supplierId),
    taxBand: taxBandLookup(product.taxBandId),
    parent: parentLookup(parentId ?? NONE),
    linkedUsageProduct: usageProductLookup(product.linkedUsageProductId ?? NONE),
    child: childLookup(parentId === undefined ? NONE : (self ?? NONE)),
  })
  const references = new ReferenceErrors()
  references.expect(found.category !== undefined, 'rentalProductCategoryId', `rental product category ${product.rentalProductCategoryId} does not exist`)
  references.expect(found.supplier !== undefined, 'supplierId', `supplier ${product.supplierId} does not exist`)
  references.expect(found.taxBand !== undefined, 'taxBandId', `tax band ${product.taxBandId} does not exist`)
  if (parentId !== undefined) references.expect(found.parent !== undefined, 'parentRentalProductId', `rental product ${parentId} does not exist`)
  if (product.linkedUsageProductId !== undefined) {
    references.expect(found.linkedUsageProduct !== undefined, 'linkedUsageProductId', `usage product ${product.linkedUsageProductId} does not exist`)
  }
  references.throwIfAny()
  const nesting: FieldError[] = []
  if (found.parent !== undefined && found.parent > 0) {
    nesting.push({ field: 'parentRentalProductId', code: 'invalid_value', message: `rental product ${parentId} is itself under rental product ${found.parent}: products nest one level deep` })
  }
  if (found.child !== undefined) {
    nesting.push({ field: 'parentRentalProductId', code: 'invalid_value', message: `this product is the parent of rental product ${found.child}, so it cannot have a parent itself` })
  }
  assertValid(nesting)
  if (found.category === true) throw siMaintained(product.rentalProductCategoryId)
}

/**
 * Rental products: brand-wide reference data, created and changed by administrators, never
 * deleted (the published API offers no delete: inventory and rates point at them). A product in a
 * category maintained by SI is not changed, nor moved out of it.
 */
export function rentalProductUseCases(db: Database) {
  const crud = crudUseCases(db, rentalProducts, brandWideRules(PLURAL, (trx, _actor, product, current) => check(trx, product, current)))
  return {
    list: crud.list,
    exists: crud.exists,
    get: crud.get,
    create: crud.create,
    update: (actor: Actor, id: number, patch: PatchRequest) =>
      db.withTenant(actor.brandId, async (trx) => {
        assertBrandWideWriter(actor, PLURAL)
        const current = await visibleRecord(trx, rentalProducts, [], id, true)
        const categoryId = current.resource.rentalProductCategoryId
        if ((await lookUpOne(trx, rentalProductCategoryLookup(categoryId))) === true) throw siMaintained(categoryId)
        return patchStored(rentalProducts.description, current, patch, async (document) => {
          await check(trx, document, current)
          return rentalProducts.update(trx, current, document)
        })
      }),
  }
}
