import type { Lookup } from '../../resources/lookups.ts'
import { resourceTable } from '../../resources/table.ts'
import { usageProductResource } from './usage-product.fields.ts'
import './usage-product.table.ts'

export const usageProducts = resourceTable('usage_products', usageProductResource, {
  references: { usage_products_category_fkey: 'usageProductCategoryId' },
})

/** The usage product's id, when it exists in the brand (for `lookUp`). */
export const usageProductLookup = (id: number): Lookup<number> => (db) => db.selectFrom('usage_products').select('id as value').where('id', '=', id)
