import type { TenantReader } from '../../db/database.ts'
import { resourceTable } from '../../resources/table.ts'
import { sourceChargeGroupResource, sourceResource } from './source.fields.ts'
import './source.table.ts'

export const sources = resourceTable('reference_data_sources', sourceResource, {
  unique: { reference_data_sources_name_key: 'name' },
  referencedBy: { reference_data_source_charge_groups_source_fkey: 'reference data source charge groups' },
  inUseAdvice: 'delete its charge groups first',
})

export const sourceChargeGroups = resourceTable('reference_data_source_charge_groups', sourceChargeGroupResource, {
  unique: { reference_data_source_charge_groups_code_key: 'code' },
  references: {
    reference_data_source_charge_groups_source_fkey: 'referenceDataSourceId',
    reference_data_source_charge_groups_charge_group_fkey: 'chargeGroupId',
  },
})

/** Whether a source is maintained by Elevate (undefined: there is no such source); locked against a concurrent change. */
export async function sourceMaintenance(db: TenantReader, id: number): Promise<boolean | undefined> {
  const row = await db.selectFrom('reference_data_sources').select('si_maintained').where('id', '=', id).forShare().executeTakeFirst()
  return row?.si_maintained
}

/** Whether a source charge group's source is maintained by Elevate (undefined: there is no such source charge group); locked against a concurrent change. */
export async function sourceChargeGroupMaintenance(db: TenantReader, id: number): Promise<boolean | undefined> {
  const row = await db
    .selectFrom('reference_data_source_charge_groups as g')
    .innerJoin('reference_data_sources as s', (join) => join.onRef('s.brand_id', '=', 'g.brand_id').onRef('s.id', '=', 'g.reference_data_source_id'))
    .select('s.si_maintained')
    .where('g.id', '=', id)
    .forShare()
    .executeTakeFirst()
  return row?.si_maintained
}
