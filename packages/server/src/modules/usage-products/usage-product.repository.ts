import { sql } from 'kysely'
import type { Lookup } from '../../resources/lookups.ts'
import { resourceTable } from '../../resources/table.ts'
import { usageProductResource } from './usage-product.fields.ts'
import './usage-product.table.ts'

export const usageProducts = resourceTable('usage_products', usageProductResource, {
  references: { usage_products_category_fkey: 'usageProductCategoryId' },
  // Kept by a trigger (migration 2026_12_09_0800): a page sends it as written.
  storedResource: 'api_json',
})

/** The usage product's id, when it exists in the brand (for `lookUp`). */
export const usageProductLookup = (id: number): Lookup<number> => (db) => db.selectFrom('usage_products').select('id as value').where('id', '=', id)

/** What a usage product inventory checks against its product: availability and the formats of its references and service id. */
export interface UsageProductTerms {
  availableFrom: string
  availableTo: string | null
  productReferenceFormat: string
  serviceIdRequired: boolean
  serviceIdFormat: string | null
}

/** The usage product's terms, when it exists in the brand (for `lookUp`). */
export const usageProductTermsLookup = (id: number): Lookup<UsageProductTerms> => (db) =>
  db
    .selectFrom('usage_products')
    .select(
      sql<UsageProductTerms>`json_build_object('availableFrom', available_from, 'availableTo', available_to,
        'productReferenceFormat', coalesce(details->>'productReferenceFormat', '.*'),
        'serviceIdRequired', coalesce((details->>'serviceIdRequired')::boolean, false), 'serviceIdFormat', details->>'serviceIdFormat')`.as('value'),
    )
    .where('id', '=', id)
