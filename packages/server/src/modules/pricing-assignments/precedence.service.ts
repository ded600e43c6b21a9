import type { TenantReader } from '../../db/database.ts'
import { Decimal } from '../../resources/decimal.ts'
import { rentalPriceCandidateRows, type HeldItem } from './assignment.repository.ts'
import type { ChargeTerms, PriceCandidates } from './precedence.ts'
import type { RentalTermsRow } from './assignment.repository.ts'

/** A price's charge terms, without the nulls of a one-off price. */
function termsOf(row: RentalTermsRow): ChargeTerms {
  return {
    ...(row.rental_rate_type === null ? {} : { rentalRateType: row.rental_rate_type }),
    ...(row.periods_in_advance === null ? {} : { periodsInAdvance: row.periods_in_advance }),
    ...(row.rental_rate_frequency === null ? {} : { rentalRateFrequency: row.rental_rate_frequency }),
  }
}

export type { HeldItem } from './assignment.repository.ts'

/**
 * The rental price candidates of many inventory items for a period (a whole bill run), in one
 * query, ready for `applicablePrice` per item and date. Runs on the caller's tenant connection
 * (billing's transaction). Ids, as every id this API answers, fit a JavaScript number.
 */
export async function loadRentalPriceCandidates(db: TenantReader, items: readonly HeldItem[], period: { from: string; to: string }): Promise<PriceCandidates> {
  if (items.length === 0) return { cardAssignments: [], rates: [], overrides: [] }
  const rows = await rentalPriceCandidateRows(db, items, period.from, period.to)
  const id = (value: number | null) => (value === null ? null : Number(value))
  return {
    cardAssignments: rows.assignments.map((a) => ({
      id: Number(a.id),
      level: a.assignment_level,
      customerId: id(a.customer_id),
      siteId: id(a.site_id),
      inventoryId: id(a.rental_product_inventory_id),
      rateCardId: Number(a.rental_rate_card_id),
      startDate: a.start_date,
      endDate: a.end_date,
      acceptOverridesFromParents: a.accept_overrides_from_parents,
    })),
    rates: rows.rates.map((r) => ({
      id: Number(r.id),
      rateCardId: Number(r.rental_rate_card_id),
      productId: Number(r.rental_product_id),
      priceType: r.rental_rate_price_type,
      price: new Decimal(r.price),
      startDate: r.start_date,
      endDate: r.end_date,
      ...termsOf(r),
    })),
    overrides: rows.overrides.map((o) => ({
      id: Number(o.id),
      level: o.assignment_level,
      customerId: id(o.customer_id),
      siteId: id(o.site_id),
      inventoryId: id(o.rental_product_inventory_id),
      productId: Number(o.rental_product_id),
      priceType: o.rental_rate_price_type,
      price: new Decimal(o.price),
      startDate: o.start_date,
      endDate: o.end_date,
      applyThisToChildren: o.apply_this_to_children,
      ...termsOf(o),
    })),
  }
}
