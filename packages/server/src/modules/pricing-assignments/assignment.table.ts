import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** What every assignment row keeps: its level and its holder's ids (the customer's at every level: scope goes through it). */
interface HolderColumns extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  assignment_level: string
  customer_id: number
  site_id: number | null
  start_date: string
  end_date: string | null
}

interface RentalHolder extends HolderColumns {
  rental_product_inventory_id: number | null
}

interface UsageHolder extends HolderColumns {
  usage_product_inventory_id: number | null
}

/** `rental_rate_card_assignments`: the card's category copied, the series its periods may not overlap in. */
export interface RentalRateCardAssignmentsTable extends RentalHolder {
  rental_rate_card_id: number
  rental_product_category_id: number
}

/** `usage_rate_card_assignments`: the card's usage product copied, the series with the assignment type. */
export interface UsageRateCardAssignmentsTable extends UsageHolder {
  usage_rate_card_id: number
  usage_product_id: number
  assignment_type: string
}

export interface InclusiveUsagePlanAssignmentsTable extends UsageHolder {
  inclusive_usage_plan_id: number
}

/** Rental price columns; `price` is numeric(11, 4), sent and read as text. */
interface RentalPriceColumns {
  price: string
  rental_rate_price_type: string
  rental_rate_type: string | null
  periods_in_advance: string | null
  rental_rate_frequency: string | null
}

export interface RentalRateOverridesTable extends RentalHolder, RentalPriceColumns {
  rental_product_id: number
  apply_this_to_children: boolean
  show_on_invoice: boolean
}

export interface BuyRentalRateOverridesTable extends RentalHolder, RentalPriceColumns {}

/** `usage_rate_overrides`: the charges live in `details` (numbers with their published digits). */
export interface UsageRateOverridesTable extends UsageHolder {
  usage_product_id: number
  supplier_id: number | null
  charge_group_id: number
  apply_this_to_children: boolean
  details: Record<string, unknown>
}

declare module '../../db/tables.ts' {
  interface Tables {
    rental_rate_card_assignments: RentalRateCardAssignmentsTable
    usage_rate_card_assignments: UsageRateCardAssignmentsTable
    inclusive_usage_plan_assignments: InclusiveUsagePlanAssignmentsTable
    rental_rate_overrides: RentalRateOverridesTable
    buy_rental_rate_overrides: BuyRentalRateOverridesTable
    usage_rate_overrides: UsageRateOverridesTable
  }
}
