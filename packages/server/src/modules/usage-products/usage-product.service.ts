import type { Database, TenantTransaction } from '../../db/database.ts'
import { assertValid } from '../../errors.ts'
import { brandWideRules, crudUseCases } from '../../resources/crud.ts'
import { dateOrderErrors } from '../../resources/dates.ts'
import type { DocumentOf } from '../../resources/fields.ts'
import { lookUpOne } from '../../resources/lookups.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import { regexErrors } from '../../resources/regex.ts'
import { usageProductCategoryLookup } from '../usage-product-categories/index.ts'
import type { usageProductFields } from './usage-product.fields.ts'
import { usageProducts } from './usage-product.repository.ts'

export { usageProductLookup, usageProductTermsLookup, type UsageProductTerms } from './usage-product.repository.ts'

/** The rules of a write: the end not before the start, both formats compile (400 naming each field), then the category exists. */
async function check(trx: TenantTransaction, product: DocumentOf<typeof usageProductFields>): Promise<void> {
  assertValid([
    ...dateOrderErrors(product.availableFrom, product.availableTo, 'availableTo', 'availableFrom'),
    ...regexErrors({ productReferenceFormat: product.productReferenceFormat, serviceIdFormat: product.serviceIdFormat }),
  ])
  const references = new ReferenceErrors()
  const category = await lookUpOne(trx, usageProductCategoryLookup(product.usageProductCategoryId))
  references.expect(category !== undefined, 'usageProductCategoryId', `usage product category ${product.usageProductCategoryId} does not exist`)
  references.throwIfAny()
}

/** Usage products: brand-wide reference data, created and changed by administrators, never deleted (none is published). */
export function usageProductUseCases(db: Database) {
  const { list, exists, get, create, update } = crudUseCases(db, usageProducts, brandWideRules('Usage products', (trx, _actor, product) => check(trx, product)))
  return { list, exists, get, create, update }
}
