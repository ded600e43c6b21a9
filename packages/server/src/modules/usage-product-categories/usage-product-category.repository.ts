import { idsAmong } from '../../resources/id-lists.ts'
import type { Lookup } from '../../resources/lookups.ts'
import { resourceTable } from '../../resources/table.ts'
import { usageProductCategoryResource } from './usage-product-category.fields.ts'
import './usage-product-category.table.ts'

export const usageProductCategories = resourceTable('usage_product_categories', usageProductCategoryResource, {
  unique: { usage_product_categories_name_key: 'name' },
  referencedBy: { usage_products_category_fkey: 'usage products' },
  inUseAdvice: 'move its usage products to another category first',
})

/** The category's id, when it exists in the brand (for `lookUp`). */
export const usageProductCategoryLookup = (id: number): Lookup<number> => (db) => db.selectFrom('usage_product_categories').select('id as value').where('id', '=', id)

/** Which of `ids` are usage product categories of the brand (one query). */
export const usageProductCategoriesAmong = (ids: readonly number[]) => idsAmong('usage_product_categories', ids)
