import type { Decimal } from '../../resources/decimal.ts'
import type { AssignmentLevel } from './levels.ts'

/**
 * Which price applies (pure: no database, no clock). The published precedence: a rate override
 * beats any rate card; among rate cards the inventory item's beats its site's, which beats its
 * customer's; every candidate counts only on the dates it covers (start and end inclusive, no end:
 * open-ended). Billing loads the candidates of a whole bill run at once
 * (`loadRentalPriceCandidates`) and asks this per item and date. Decisions where the published
 * pages are silent are in docs/modules/pricing-assignment.md.
 */

/** What is being priced: one product, held by an inventory item on a site of a customer, on one date. */
export interface PricedItem {
  productId: number
  customerId: number
  siteId: number | null
  inventoryId: number | null
  /** yyyy-MM-dd */
  date: string
  /** RENTAL or ONEOFF for rental products: rates and overrides of another price type do not apply. */
  priceType?: string
}

/** Who a candidate is assigned to: the id of its level is the one compared. */
export interface Holder {
  level: AssignmentLevel
  customerId: number | null
  siteId: number | null
  inventoryId: number | null
}

interface Dated {
  id: number
  startDate: string
  endDate: string | null
}

export interface CardAssignmentCandidate extends Holder, Dated {
  rateCardId: number
  /** The card's `acceptOverridesFromParents`: false, and overrides held above this assignment's level do not apply. */
  acceptOverridesFromParents: boolean
}

/** How a recurring price is charged, as its rate or override says (absent on one-off prices). */
export interface ChargeTerms {
  rentalRateType?: string
  periodsInAdvance?: string
  rentalRateFrequency?: string
}

export interface RateCandidate extends Dated, ChargeTerms {
  rateCardId: number
  productId: number
  priceType?: string
  price: Decimal
}

export interface OverrideCandidate extends Holder, Dated, ChargeTerms {
  productId: number
  priceType?: string
  price: Decimal
  /** false: the override applies to its holder's own charges only, not to the sites and items below it. */
  applyThisToChildren: boolean
}

export interface PriceCandidates {
  cardAssignments: readonly CardAssignmentCandidate[]
  rates: readonly RateCandidate[]
  overrides: readonly OverrideCandidate[]
}

export type AppliedPrice =
  | { source: 'OVERRIDE'; level: AssignmentLevel; overrideId: number; price: Decimal }
  | { source: 'RATE_CARD'; level: AssignmentLevel; assignmentId: number; rateCardId: number; rateId: number; price: Decimal }

/** How specific a level is: the more specific wins. */
export const LEVEL_RANK: Readonly<Record<AssignmentLevel, number>> = { CUSTOMER: 1, SITE: 2, INVENTORY: 3 }

/** The level the item itself is at: an inventory item, else a site, else the customer. */
function ownLevel(item: PricedItem): AssignmentLevel {
  return item.inventoryId !== null ? 'INVENTORY' : item.siteId !== null ? 'SITE' : 'CUSTOMER'
}

/** Whether a candidate's holder holds the item: its customer, its site or the item itself. */
export function holds(holder: Holder, item: PricedItem): boolean {
  if (holder.level === 'CUSTOMER') return holder.customerId === item.customerId
  if (holder.level === 'SITE') return item.siteId !== null && holder.siteId === item.siteId
  return item.inventoryId !== null && holder.inventoryId === item.inventoryId
}

/** Whether a dated candidate covers the date (both ends inclusive; no end date: open-ended). */
export function covers(candidate: Dated, date: string): boolean {
  return candidate.startDate <= date && (candidate.endDate === null || candidate.endDate >= date)
}

const samePriceType = (candidate: { priceType?: string }, item: PricedItem) =>
  item.priceType === undefined || candidate.priceType === undefined || candidate.priceType === item.priceType

/**
 * The order candidates are preferred in: the more specific level, then the later start (the
 * newer arrangement), then the higher id (the later written). The API refuses overlaps within one
 * series, so the last two only decide between candidates of different series.
 */
function preferred<T extends Dated & { level?: AssignmentLevel }>(a: T, b: T): number {
  const rank = a.level !== undefined && b.level !== undefined ? LEVEL_RANK[b.level] - LEVEL_RANK[a.level] : 0
  if (rank !== 0) return rank
  if (a.startDate !== b.startDate) return a.startDate < b.startDate ? 1 : -1
  return b.id - a.id
}

/** The rate card price: the most specific assignment whose card has a rate for the product on the date. */
export function rateCardPrice(item: PricedItem, candidates: Pick<PriceCandidates, 'cardAssignments' | 'rates'>) {
  const assignments = candidates.cardAssignments.filter((a) => holds(a, item) && covers(a, item.date)).sort(preferred)
  for (const assignment of assignments) {
    const [rate] = candidates.rates
      .filter((r) => r.rateCardId === assignment.rateCardId && r.productId === item.productId && samePriceType(r, item) && covers(r, item.date))
      .sort(preferred)
    if (rate !== undefined) return { assignment, rate }
  }
  return undefined
}

/** The override that applies: the most specific one holding the item on the date, within what the card accepts. */
export function applicableOverride(item: PricedItem, overrides: readonly OverrideCandidate[], card?: CardAssignmentCandidate): OverrideCandidate | undefined {
  const own = LEVEL_RANK[ownLevel(item)]
  const floor = card === undefined || card.acceptOverridesFromParents ? 0 : LEVEL_RANK[card.level]
  const [best] = overrides
    .filter((o) => o.productId === item.productId && samePriceType(o, item) && holds(o, item) && covers(o, item.date))
    .filter((o) => LEVEL_RANK[o.level] >= own || o.applyThisToChildren)
    .filter((o) => LEVEL_RANK[o.level] >= floor)
    .sort(preferred)
  return best
}

/** The price that applies to the item on its date, or undefined when nothing prices it (billing's suspense). */
export function applicablePrice(item: PricedItem, candidates: PriceCandidates): AppliedPrice | undefined {
  const card = rateCardPrice(item, candidates)
  const override = applicableOverride(item, candidates.overrides, card?.assignment)
  if (override !== undefined) return { source: 'OVERRIDE', level: override.level, overrideId: override.id, price: override.price }
  if (card === undefined) return undefined
  return { source: 'RATE_CARD', level: card.assignment.level, assignmentId: card.assignment.id, rateCardId: card.assignment.rateCardId, rateId: card.rate.id, price: card.rate.price }
}
