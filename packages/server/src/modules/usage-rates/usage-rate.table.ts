import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** The `usage_rates` table: the rates of a usage rate card; the charges are numeric(15, 6), sent and read as text. */
export interface UsageRatesTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  usage_rate_card_id: number
  charge_group_id: number
  usage_rate_type: string
  peak_initial_charge: string
  peak_initial_period: number
  peak_value: string
  peak_minimum: string
  off_peak_initial_charge: string
  off_peak_initial_period: number
  off_peak_value: string
  off_peak_minimum: string
  weekend_initial_charge: string
  weekend_initial_period: number
  weekend_value: string
  weekend_minimum: string
  quantity_rounding_increment: number
  variable_charge_unit_size: number
  surcharge_initial_charge: string
  surcharge_initial_period: number
  surcharge_value: string
  surcharge_minimum: string
  start_date: string
  end_date: string | null
}

declare module '../../db/tables.ts' {
  interface Tables {
    usage_rates: UsageRatesTable
  }
}
