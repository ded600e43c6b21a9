import { AppError } from '../errors.ts'

/**
 * Validity periods (a tax band's rates, a currency's exchange rates): `startDate` to `endDate`,
 * both `yyyy-MM-dd` and inclusive, no end date meaning open-ended. Records of one series (the
 * rates of one tax band) may not overlap: at any date at most one applies. The caller reads the
 * series' other periods after locking what owns them (the tax band, FOR UPDATE), so two writers
 * cannot both pass the check.
 */
export interface Period {
  startDate: string
  endDate?: string | null
}

/** Whether two periods share a date (ends inclusive; no end date: open-ended). */
export function periodsOverlap(a: Period, b: Period): boolean {
  const aEndsAfterBStarts = a.endDate === undefined || a.endDate === null || a.endDate >= b.startDate
  const bEndsAfterAStarts = b.endDate === undefined || b.endDate === null || b.endDate >= a.startDate
  return aEndsAfterBStarts && bEndsAfterAStarts
}

const describePeriod = (p: Period) => `${p.startDate} to ${p.endDate ?? 'no end date'}`

/**
 * 409 `overlapping_period` when `period` shares a date with one of `others` (the record itself
 * excluded by the caller), naming the first it meets; `noun` says what they are ("Tax band rate").
 */
export function assertNoOverlap(noun: string, period: Period, others: ReadonlyArray<Period & { id: number }>): void {
  const clash = others.find((other) => periodsOverlap(period, other))
  if (clash === undefined) return
  const message = `overlaps ${noun.toLowerCase()} ${clash.id} (${describePeriod(clash)})`
  throw new AppError('overlapping_period', {
    message: `${noun} ${describePeriod(period)} ${message}: end that one first, or choose other dates`,
    errors: [{ field: 'startDate', code: 'overlapping_period', message }],
  })
}
