import type { Decimal } from '../../resources/decimal.ts'
import { applicablePrice, type CardAssignmentCandidate, type ChargeTerms, type OverrideCandidate, type PriceCandidates, type PricedItem, type RateCandidate } from '../pricing-assignments/index.ts'

export interface FoundPrice {
  price: Decimal
  terms: ChargeTerms
}

type Held = { customerId: number | null; siteId: number | null; inventoryId: number | null; level: string }

/** The key of the customer, site or inventory item a candidate is held by. */
const holderKey = (held: Held) => (held.level === 'CUSTOMER' ? `C${held.customerId}` : held.level === 'SITE' ? `S${held.siteId}` : `I${held.inventoryId}`)

function bucket<T extends Held>(candidates: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const candidate of candidates) {
    const key = holderKey(candidate)
    map.set(key, [...(map.get(key) ?? []), candidate])
  }
  return map
}

/**
 * `applicablePrice` over a whole bill run's candidates, fast: each item is asked with only the
 * candidates held by its customer, site or itself (the precedence function filters every
 * candidate it is given, so 30,000 items against all of them would be quadratic). Answers the
 * price with the terms of the rate or override it came from.
 */
export function priceFinder(candidates: PriceCandidates): (item: PricedItem) => FoundPrice | undefined {
  const assignments = bucket<CardAssignmentCandidate>(candidates.cardAssignments)
  const overrides = bucket<OverrideCandidate>(candidates.overrides)
  const rates = new Map<string, RateCandidate[]>()
  for (const rate of candidates.rates) {
    const key = `${rate.rateCardId}:${rate.productId}`
    rates.set(key, [...(rates.get(key) ?? []), rate])
  }
  const rateById = new Map(candidates.rates.map((rate) => [rate.id, rate]))
  const overrideById = new Map(candidates.overrides.map((override) => [override.id, override]))
  return (item) => {
    const keys = [`C${item.customerId}`, `S${item.siteId}`, `I${item.inventoryId}`]
    const cardAssignments = keys.flatMap((key) => assignments.get(key) ?? [])
    const subset: PriceCandidates = {
      cardAssignments,
      rates: [...new Set(cardAssignments.map((a) => a.rateCardId))].flatMap((card) => rates.get(`${card}:${item.productId}`) ?? []),
      overrides: keys.flatMap((key) => overrides.get(key) ?? []),
    }
    const applied = applicablePrice(item, subset)
    if (applied === undefined) return undefined
    const source = applied.source === 'OVERRIDE' ? overrideById.get(applied.overrideId) : rateById.get(applied.rateId)
    const { rentalRateType, periodsInAdvance, rentalRateFrequency } = source ?? {}
    return { price: applied.price, terms: { rentalRateType, periodsInAdvance, rentalRateFrequency } }
  }
}
