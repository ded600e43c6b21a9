import type { Actor } from '../../auth/actor.ts'
import type { Database } from '../../db/database.ts'
import type { Condition } from '../../lists/filters.ts'
import type { ListRequest } from '../../lists/list-query.ts'
import { brandWideRules, crudUseCases } from '../../resources/crud.ts'
import { expectIds, idListConditions } from '../../resources/id-lists.ts'
import { lookUpOne } from '../../resources/lookups.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import { rentalProductCategoriesAmong } from '../rental-product-categories/index.ts'
import { usageProductCategoriesAmong } from '../usage-product-categories/index.ts'
import { productCustomFields } from './product-custom-field.repository.ts'

/**
 * Product custom fields: brand-wide reference data. The categories named must exist, of the kind
 * the level takes (400 `invalid_reference`); the list's `productCategoryId` finds the fields whose
 * categories include it.
 */
export function productCustomFieldUseCases(db: Database) {
  const crud = crudUseCases(
    db,
    productCustomFields,
    brandWideRules('Product custom fields', async (trx, _actor, customField) => {
      const ids = customField.productCategoryIds ?? []
      if (ids.length === 0) return // every category of its kind: nothing to look up
      const usage = customField.entityLevel === 'USAGE_PRODUCT'
      const found = await lookUpOne(trx, usage ? usageProductCategoriesAmong(ids) : rentalProductCategoriesAmong(ids))
      const references = new ReferenceErrors()
      expectIds(ids, found, references, 'productCategoryIds', usage ? 'usage product category' : 'rental product category')
      references.throwIfAny()
    }),
  )
  const categories = (conditions: readonly Condition[]) => idListConditions('product_category_ids', conditions)
  return {
    ...crud,
    list: (actor: Actor, list: ListRequest) => crud.list(actor, { ...list, conditions: categories(list.conditions) }),
    exists: (actor: Actor, conditions: Condition[]) => crud.exists(actor, categories(conditions)),
  }
}
