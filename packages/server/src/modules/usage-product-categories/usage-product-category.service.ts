import type { Database } from '../../db/database.ts'
import { brandWideRules, crudUseCases } from '../../resources/crud.ts'
import { usageProductCategories } from './usage-product-category.repository.ts'

export { usageProductCategoriesAmong, usageProductCategoryLookup } from './usage-product-category.repository.ts'

/** Usage product categories: brand-wide reference data; one with usage products is not deleted (409 `in_use`). */
export function usageProductCategoryUseCases(db: Database) {
  return crudUseCases(db, usageProductCategories, brandWideRules('Usage product categories'))
}
