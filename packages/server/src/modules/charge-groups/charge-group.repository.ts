import type { Lookup } from '../../resources/lookups.ts'
import type { TenantReader } from '../../db/database.ts'
import { resourceTable } from '../../resources/table.ts'
import { chargeGroupCategoryResource, chargeGroupResource } from './charge-group.fields.ts'
import './charge-group.table.ts'

export const chargeGroupCategories = resourceTable('charge_group_categories', chargeGroupCategoryResource, {
  referencedBy: { charge_groups_category_fkey: 'charge groups' },
  inUseAdvice: 'move or delete its charge groups first',
})

export const chargeGroups = resourceTable('charge_groups', chargeGroupResource, {
  references: { charge_groups_category_fkey: 'chargeGroupCategoryId', charge_groups_tax_band_fkey: 'taxBandId' },
  referencedBy: { reference_data_source_charge_groups_charge_group_fkey: 'reference data source charge groups' },
})

/** Whether a category exists, locked against a concurrent delete (KEY SHARE). */
export async function categoryExists(db: TenantReader, id: number): Promise<boolean> {
  return (await db.selectFrom('charge_group_categories').select('id').where('id', '=', id).forKeyShare().executeTakeFirst()) !== undefined
}

/** The charge group's id, when the brand has it (for `lookUp`). */
export const chargeGroupLookup = (id: number): Lookup<number> => (db) => db.selectFrom('charge_groups').select('id as value').where('id', '=', id)
