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
