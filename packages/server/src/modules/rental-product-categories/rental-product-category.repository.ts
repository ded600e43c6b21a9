import { idsAmong } from '../../resources/id-lists.ts'
import type { Lookup } from '../../resources/lookups.ts'
import { resourceTable } from '../../resources/table.ts'
import { rentalProductCategoryResource } from './rental-product-category.fields.ts'
import './rental-product-category.table.ts'

export const rentalProductCategories = resourceTable('rental_product_categories', rentalProductCategoryResource, {
  unique: { rental_product_categories_name_key: 'name' },
  referencedBy: { rental_products_category_fkey: 'rental products', adhoc_inventories_category_fkey: 'adhoc inventories' },
  inUseAdvice: 'move or delete its products first',
  // Kept by a trigger (migration 2026_12_09_0800): a page sends it as written.
  storedResource: 'api_json',
})

/** Whether the category is maintained by SI, when it exists in the brand. */
export const rentalProductCategoryLookup = (id: number): Lookup<boolean> => (db) =>
  db.selectFrom('rental_product_categories').select('si_maintained as value').where('id', '=', id)

/** Which of `ids` are rental product categories of the brand (one query). */
export const rentalProductCategoriesAmong = (ids: readonly number[]) => idsAmong('rental_product_categories', ids)
