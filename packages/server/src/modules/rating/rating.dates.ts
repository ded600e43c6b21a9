/**
 * Calendar arithmetic on `yyyy-MM-dd` days (UTC), for the rating rules. A bill run asks the same
 * few days and grids again for every RPI, so answers are remembered (parsing and formatting dates
 * was most of rating's time over 30,000 RPIs).
 */

const MEMO_LIMIT = 100_000

/** `compute`, remembered by key (forgetting everything past a bound, so memory stays small). */
function memo<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  const known = new Map<string, R>()
  return (...args: A) => {
    const key = args.join('|')
    let value = known.get(key)
    if (value === undefined) {
      if (known.size >= MEMO_LIMIT) known.clear()
      value = compute(...args)
      known.set(key, value)
    }
    return value
  }
}

const DAY_MS = 86_400_000

const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`)
const fromTime = (time: number) => new Date(time).toISOString().slice(0, 10)

export const addDays = memo((date: string, days: number): string => fromTime(toTime(date) + days * DAY_MS))

/** Days from `start` to `end`, both included (1 for one day). */
export const daysIn = memo((start: string, end: string): number => Math.round((toTime(end) - toTime(start)) / DAY_MS) + 1)

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate()

/**
 * The day `months` months after `anchor`, on the anchor's day of the month, or the month's last
 * day when it is shorter (31 January + 1 month: 28 or 29 February; + 2 months: 31 March).
 */
export const addMonths = memo((anchor: string, months: number): string => {
  const [year, month, day] = anchor.split('-').map(Number) as [number, number, number]
  const index = year * 12 + (month - 1) + months
  const targetYear = Math.floor(index / 12)
  const targetMonth = index - targetYear * 12
  return fromTime(Date.UTC(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth))))
})

/** Whole months between two days' months (ignoring the day of the month). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number]
  const [ty, tm] = to.split('-').map(Number) as [number, number]
  return (ty - fy) * 12 + (tm - fm)
}

export const earlier = (a: string, b: string) => (a <= b ? a : b)
export const later = (a: string, b: string) => (a >= b ? a : b)
