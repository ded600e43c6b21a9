import { sql } from 'kysely'
import { idsAmong } from '../../resources/id-lists.ts'
import type { Lookup } from '../../resources/lookups.ts'
import { resourceTable } from '../../resources/table.ts'
import { rentalProductResource } from './rental-product.fields.ts'
import './rental-product.table.ts'

export const rentalProducts = resourceTable('rental_products', rentalProductResource, {
  references: {
    rental_products_category_fkey: 'rentalProductCategoryId',
    rental_products_supplier_fkey: 'supplierId',
    rental_products_tax_band_fkey: 'taxBandId',
    rental_products_parent_fkey: 'parentRentalProductId',
  },
  // Kept by a trigger (migration 2026_12_09_0600): a page sends it as written.
  storedResource: 'api_json',
})

/** A would-be parent: 0 when it is a top-level product, its own parent's id when it has one; undefined when it does not exist. */
export const parentLookup = (id: number): Lookup<number> => (db) =>
  db.selectFrom('rental_products').select(sql<number>`coalesce(parent_rental_product_id, 0)`.as('value')).where('id', '=', id)

/** One child of the product, when it has any. */
export const childLookup = (id: number): Lookup<number> => (db) => db.selectFrom('rental_products').select('id as value').where('parent_rental_product_id', '=', id)

/** Which of `ids` are rental products of the brand (one query). */
export const rentalProductsAmong = (ids: readonly number[]) => idsAmong('rental_products', ids)

/** The rental product's id, when it exists in the brand (for `lookUp`). */
export const rentalProductLookup = (id: number): Lookup<number> => (db) => db.selectFrom('rental_products').select('id as value').where('id', '=', id)

/** What an inventory write checks against its rental product: type, availability, nesting, reference rules and RPI defaults. */
export interface RentalProductTerms {
  productType: 'PRODUCT' | 'FEATURE' | 'EVENT'
  availableFrom: string
  availableTo: string | null
  parentRentalProductId: number | null
  invoicePresentationName: string
  productReferenceRequired: boolean
  productReferenceFormat: string | null
  additionalProductReferenceRequired: boolean
  additionalProductReferenceFormat: string | null
  alignedToStart: boolean
  alignedToBillPeriod: boolean
  billInitialChargesImmediately: boolean
  forceBillPeriods: number
}

const terms = sql<RentalProductTerms>`json_build_object(
  'productType', product_type, 'availableFrom', available_from, 'availableTo', available_to,
  'parentRentalProductId', parent_rental_product_id, 'invoicePresentationName', invoice_presentation_name,
  'productReferenceRequired', coalesce((details->>'productReferenceRequired')::boolean, false), 'productReferenceFormat', details->>'productReferenceFormat',
  'additionalProductReferenceRequired', coalesce((details->>'additionalProductReferenceRequired')::boolean, false),
  'additionalProductReferenceFormat', details->>'additionalProductReferenceFormat',
  'alignedToStart', coalesce((details->>'alignedToStart')::boolean, false), 'alignedToBillPeriod', coalesce((details->>'alignedToBillPeriod')::boolean, false),
  'billInitialChargesImmediately', coalesce((details->>'billInitialChargesImmediately')::boolean, false),
  'forceBillPeriods', coalesce((details->>'forceBillPeriods')::integer, 0))`

/** The product's terms, when it exists in the brand (for `lookUp`). */
export const rentalProductTermsLookup = (id: number): Lookup<RentalProductTerms> => (db) => db.selectFrom('rental_products').select(terms.as('value')).where('id', '=', id)

/** The product's children generated with an inventory of it (`generateWhenParentCreated`), with their terms; `[]` without any. */
export const generatedChildrenLookup = (id: number): Lookup<Array<RentalProductTerms & { id: number }>> => (db) =>
  db
    .selectFrom('rental_products')
    .select(sql<Array<RentalProductTerms & { id: number }>>`coalesce(json_agg((${terms})::jsonb || jsonb_build_object('id', id) order by id), '[]'::json)`.as('value'))
    .where('parent_rental_product_id', '=', id)
    .where(sql<boolean>`coalesce((details->>'generateWhenParentCreated')::boolean, false)`)
