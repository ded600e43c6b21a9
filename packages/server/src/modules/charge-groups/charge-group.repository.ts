import type { TenantReader } from '../../db/database.ts'
import { idsAmong } from '../../resources/id-lists.ts'
import type { Lookup } from '../../resources/lookups.ts'
import { resourceTable } from '../../resources/table.ts'
import { chargeGroupCategoryResource, chargeGroupResource } from './charge-group.fields.ts'
import './charge-group.table.ts'

export const chargeGroupCategories = resourceTable('charge_group_categories', chargeGroupCategoryResource, {
  referencedBy: { charge_groups_category_fkey: 'charge groups' },
  inUseAdvice: 'move or delete its charge groups first',
})

export const chargeGroups = resourceTable('charge_groups', chargeGroupResource, {
  references: { charge_groups_category_fkey: 'chargeGroupCategoryId', charge_groups_tax_band_fkey: 'taxBandId' },
  referencedBy: { reference_data_source_charge_groups_charge_group_fkey: 'reference data source charge groups', usage_rates_charge_group_fkey: 'usage rates' },
})

/** Whether a category exists, locked against a concurrent delete (KEY SHARE). */
export async function categoryExists(db: TenantReader, id: number): Promise<boolean> {
  return (await db.selectFrom('charge_group_categories').select('id').where('id', '=', id).forKeyShare().executeTakeFirst()) !== undefined
}

/** Which of `ids` are charge groups of the brand (for `lookUp`: usage rates, inclusive usage components). */
export const chargeGroupsAmong = (ids: readonly number[]): Lookup<ReadonlyArray<string | number>> => idsAmong('charge_groups', ids)

/** Which of `ids` are charge group categories of the brand (for `lookUp`: inclusive usage components). */
export const chargeGroupCategoriesAmong = (ids: readonly number[]): Lookup<ReadonlyArray<string | number>> => idsAmong('charge_group_categories', ids)

/** The charge group's id, when the brand has it (for `lookUp`). */
export const chargeGroupLookup = (id: number): Lookup<number> => (db) => db.selectFrom('charge_groups').select('id as value').where('id', '=', id)
