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
    const list = map.get(key)
    if (list === undefined) map.set(key, [candidate])
    else list.push(candidate)
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
    const list = rates.get(key)
    if (list === undefined) rates.set(key, [rate])
    else list.push(rate)
  }
  const rateById = new Map(candidates.rates.map((rate) => [rate.id, rate]))
  const overrideById = new Map(candidates.overrides.map((override) => [override.id, override]))
  // An RPI is asked several times (each charge period, its one-off): its candidates are picked once.
  const picked = new Map<string, PriceCandidates>()
  const candidatesOf = (item: PricedItem): PriceCandidates => {
    const key = `${item.customerId}/${item.siteId}/${item.inventoryId}/${item.productId}`
    let subset = picked.get(key)
    if (subset === undefined) {
      const keys = [`C${item.customerId}`, `S${item.siteId}`, `I${item.inventoryId}`]
      const cardAssignments = keys.flatMap((holder) => assignments.get(holder) ?? [])
      subset = {
        cardAssignments,
        rates: [...new Set(cardAssignments.map((a) => a.rateCardId))].flatMap((card) => rates.get(`${card}:${item.productId}`) ?? []),
        overrides: keys.flatMap((holder) => overrides.get(holder) ?? []),
      }
      picked.set(key, subset)
    }
    return subset
  }
  return (item) => {
    const applied = applicablePrice(item, candidatesOf(item))
    if (applied === undefined) return undefined
    const source = applied.source === 'OVERRIDE' ? overrideById.get(applied.overrideId) : rateById.get(applied.rateId)
    const { rentalRateType, periodsInAdvance, rentalRateFrequency } = source ?? {}
    return { price: applied.price, terms: { rentalRateType, periodsInAdvance, rentalRateFrequency } }
  }
}
