import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** The `charge_group_categories` table. */
export interface ChargeGroupCategoriesTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  name: string
  charging_unit_type: string
  start_date: string
  end_date: string | null
}

/** The `charge_groups` table: the flags live in `details`. */
export interface ChargeGroupsTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  name: string
  charge_group_category_id: number
  type: string | null
  start_date: string
  end_date: string | null
  tax_band_id: number | null
  details: Record<string, unknown>
}

declare module '../../db/tables.ts' {
  interface Tables {
    charge_group_categories: ChargeGroupCategoriesTable
    charge_groups: ChargeGroupsTable
  }
}
