import type { Lookup } from '../../resources/lookups.ts'
import { resourceTable } from '../../resources/table.ts'
import { inclusiveUsagePlanResource } from './inclusive-usage-plan.fields.ts'
import './inclusive-usage-plan.table.ts'

export const inclusiveUsagePlans = resourceTable('inclusive_usage_plans', inclusiveUsagePlanResource, {
  references: { inclusive_usage_plans_owner_fkey: 'contractOwnerId', inclusive_usage_plans_tax_band_fkey: 'taxBandId', inclusive_usage_plans_usage_product_fkey: 'usageProductId' },
  // Kept by a trigger (migration 2026_12_09_0600): a page sends it as written.
  storedResource: 'api_json',
})

/** The plan's id, when the brand has it (for `lookUp`). */
export const inclusiveUsagePlanLookup = (id: number): Lookup<number> => (db) => db.selectFrom('inclusive_usage_plans').select('id as value').where('id', '=', id)
