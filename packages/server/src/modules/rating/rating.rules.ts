import { Decimal } from '../../resources/decimal.ts'
import { addDays, addMonths, daysIn, earlier, later, monthsBetween } from './rating.dates.ts'

/**
 * The rating rules (pure: no database, no clock), written out with a worked example in
 * docs/billing.md. Days are `yyyy-MM-dd`, both ends of every period included.
 */

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'QUARTERLY' | 'SIXMONTHS' | 'YEARLY' | 'TWENTYFOURMONTHS'

/** How a recurring rental is charged: the rate's (or override's) type, periods in advance and frequency. */
export interface RentalTerms {
  rentalRateType: 'ADVANCE' | 'ARREARS'
  periodsInAdvance: 'STANDARD' | 'ADVANCEDPLUSONEMONTH'
  frequency: Frequency
}

/** A rate without its terms (an override written before they were required) is monthly, in advance. */
export const DEFAULT_TERMS: RentalTerms = { rentalRateType: 'ADVANCE', periodsInAdvance: 'STANDARD', frequency: 'MONTHLY' }

export interface Period {
  start: string
  end: string
}

/** One charge of an RPI: a period of the rate's grid, cut to the days the RPI is live and not billed yet. */
export interface ChargePeriod extends Period {
  /** The whole grid period the charge belongs to (what a full price pays for). */
  grid: Period
}

/** Months in one charge period; DAILY and WEEKLY rates are charged per day, on a monthly grid. */
const GRID_MONTHS: Record<Frequency, number> = { DAILY: 1, WEEKLY: 1, MONTHLY: 1, QUARTERLY: 3, SIXMONTHS: 6, YEARLY: 12, TWENTYFOURMONTHS: 24 }

/** The bill period's length in whole months from its start, when it is a whole number of months. */
function wholeMonths(period: Period): number | undefined {
  const months = monthsBetween(period.start, addDays(period.end, 1))
  return months > 0 && addDays(addMonths(period.start, months), -1) === period.end ? months : undefined
}

/**
 * The last day a bill run charges recurring rentals up to. ARREARS: the bill period's last day.
 * ADVANCE (STANDARD): the last day of the period after it (as long as the bill period: in months
 * when it is whole months, else in days); ADVANCEDPLUSONEMONTH: one month further.
 */
export function horizon(billPeriod: Period, terms: Pick<RentalTerms, 'rentalRateType' | 'periodsInAdvance'>): string {
  if (terms.rentalRateType === 'ARREARS') return billPeriod.end
  const months = wholeMonths(billPeriod)
  const following = months === undefined ? addDays(billPeriod.end, daysIn(billPeriod.start, billPeriod.end)) : addDays(addMonths(billPeriod.start, 2 * months), -1)
  return terms.periodsInAdvance === 'ADVANCEDPLUSONEMONTH' ? addDays(addMonths(addDays(following, 1), 1), -1) : following
}

/**
 * The rate's grid: periods of its frequency's months on the bill period's day of the month,
 * counted from January 2000, so the grid stays put from one bill run to the next (quarters start
 * in January, April, July and October; years in January).
 */
const gridAnchor = (billPeriod: Period) => `2000-01-${billPeriod.start.slice(8)}`

function gridPeriod(anchor: string, months: number, index: number): Period {
  return { start: addMonths(anchor, index * months), end: addDays(addMonths(anchor, (index + 1) * months), -1) }
}

function gridIndexOf(anchor: string, months: number, day: string): number {
  let index = Math.floor(monthsBetween(anchor, day) / months)
  while (gridPeriod(anchor, months, index).start > day) index -= 1
  while (gridPeriod(anchor, months, index).end < day) index += 1
  return index
}

export interface RentalSpan {
  /** The first day not charged yet: the RPI's start, or the day after the last charge billed. */
  from: string
  /** The RPI's end date; null: open-ended. */
  end: string | null
}

/**
 * The charge periods a bill run bills for one RPI: the grid periods from the first unbilled day,
 * cut to the RPI's days. ADVANCE bills those that start by the horizon; ARREARS those that end
 * (or whose RPI ends) by it. A period is never cut at the horizon: it is billed whole, or later.
 */
export function chargePeriods(span: RentalSpan, billPeriod: Period, terms: RentalTerms): ChargePeriod[] {
  const last = horizon(billPeriod, terms)
  const months = GRID_MONTHS[terms.frequency]
  const charges: ChargePeriod[] = []
  if (span.end !== null && span.end < span.from) return charges
  const anchor = gridAnchor(billPeriod)
  for (let index = gridIndexOf(anchor, months, span.from); ; index += 1) {
    const grid = gridPeriod(anchor, months, index)
    const start = later(grid.start, span.from)
    const end = span.end === null ? grid.end : earlier(grid.end, span.end)
    if (start > last || start > end) break
    if (terms.rentalRateType === 'ARREARS' && end > last) break
    charges.push({ start, end, grid })
  }
  return charges
}

export interface ProrationTerms {
  frequency: Frequency
  /** The product's `doNotProRate`: a part period is charged in full. */
  doNotProRate: boolean
  /** The RPI's `treatStartAsWholePeriod` / `treatEndAsWholePeriod`, with its own start and end. */
  treatStartAsWholePeriod: boolean
  treatEndAsWholePeriod: boolean
  rpiStart: string
  rpiEnd: string | null
}

/**
 * The net charge of one charge period, not rounded: price × quantity × the part of the grid
 * period charged. Month-based frequencies prorate by days (days charged / days of the grid period)
 * unless the product says doNotProRate, or the part period is the RPI's first (last) and it says
 * to treat its start (end) as a whole period. DAILY charges the price per day; WEEKLY per 7 days
 * (doNotProRate: per started week).
 */
export function chargeAmount(price: Decimal, quantity: number, charge: ChargePeriod, terms: ProrationTerms): Decimal {
  const days = daysIn(charge.start, charge.end)
  const base = price.times(quantity)
  if (terms.frequency === 'DAILY') return base.times(days)
  if (terms.frequency === 'WEEKLY') return terms.doNotProRate ? base.times(Math.ceil(days / 7)) : base.times(days).dividedBy(7)
  const wholeStart = charge.start === charge.grid.start || (terms.treatStartAsWholePeriod && charge.start === terms.rpiStart)
  const wholeEnd = charge.end === charge.grid.end || (terms.treatEndAsWholePeriod && charge.end === terms.rpiEnd)
  if (terms.doNotProRate || (wholeStart && wholeEnd)) return base
  return base.times(days).dividedBy(daysIn(charge.grid.start, charge.grid.end))
}

/** Places of the minor unit: every currency the API bills in (GBP, EUR, USD…) has two. */
export const MINOR_UNIT_PLACES = 2

/** Rounds an amount to the minor unit, half up (away from zero), as the invoices do: at each line. */
export function roundToMinorUnit(amount: Decimal): Decimal {
  return amount.toDecimalPlaces(MINOR_UNIT_PLACES, Decimal.ROUND_HALF_UP)
}

/** The tax of a line: its rounded net amount × rate / 100, rounded to the minor unit. */
export function taxOf(amount: Decimal, ratePercent: Decimal): Decimal {
  return roundToMinorUnit(amount.times(ratePercent).dividedBy(100))
}

/** An adhoc charge's net amount: sell price × quantity (negative: a discount); a credit is always negative. */
export function adhocAmount(sellPrice: Decimal, quantity: Decimal, isCredit: boolean): Decimal {
  const amount = roundToMinorUnit(sellPrice.times(quantity))
  return isCredit ? amount.abs().negated() : amount
}

/** Whether a one-off charge is billed now: never billed before, and the RPI started by the bill period's end. */
export function oneOffDue(alreadyBilled: boolean, rpiStart: string, billPeriodEnd: string): boolean {
  return !alreadyBilled && rpiStart <= billPeriodEnd
}
