/**
 * A billing cycle's schedule of periods, from its settings alone (pure: no clock, no database).
 * Periods are numbered from an epoch so that every date falls in exactly one period and the
 * schedule never depends on when the cycle was created:
 * - MONTHLY: `lengthOfPeriod` months (default 1) starting on day `startDayOfPeriod` (1..28, so
 *   every month has it); multi-month periods are aligned to January (quarters start in January,
 *   April, July and October);
 * - WEEKLY: `lengthOfPeriod` weeks starting on weekday `startDayOfPeriod` (1 Monday … 7 Sunday),
 *   counted from the first such weekday on or after 1970-01-01;
 * - DAILY: `lengthOfPeriod` days counted from 1970-01-01 (`startDayOfPeriod` is not used).
 * A period ends the day before the next one starts (dates inclusive, `yyyy-MM-dd`).
 */

export interface CycleSettings {
  periodUnit: 'DAILY' | 'WEEKLY' | 'MONTHLY'
  startDayOfPeriod: number
  lengthOfPeriod?: number
}

export interface Period {
  start: string
  end: string
}

const DAY_MS = 86_400_000

/** Days since 1970-01-01 of a `yyyy-MM-dd` date. */
function epochDay(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS)
}

function dateOfEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/** The date `days` after (or before) `date`. */
export function addDays(date: string, days: number): string {
  return dateOfEpochDay(epochDay(date) + days)
}

/** The first day of period number `index`, in epoch days. */
function startOf(cycle: CycleSettings, index: number): number {
  const length = cycle.lengthOfPeriod ?? 1
  switch (cycle.periodUnit) {
    case 'MONTHLY': {
      const months = index * length
      const year = Math.floor(months / 12)
      const month = months - year * 12
      return Math.floor(Date.UTC(year, month, cycle.startDayOfPeriod) / DAY_MS)
    }
    case 'WEEKLY':
      return firstWeekday(cycle.startDayOfPeriod) + index * 7 * length
    case 'DAILY':
      return index * length
  }
}

/** The number of the period a day falls in. */
function indexOf(cycle: CycleSettings, day: number): number {
  const length = cycle.lengthOfPeriod ?? 1
  switch (cycle.periodUnit) {
    case 'MONTHLY': {
      const date = new Date(day * DAY_MS)
      let months = date.getUTCFullYear() * 12 + date.getUTCMonth()
      if (date.getUTCDate() < cycle.startDayOfPeriod) months -= 1
      return Math.floor(months / length)
    }
    case 'WEEKLY':
      return Math.floor((day - firstWeekday(cycle.startDayOfPeriod)) / (7 * length))
    case 'DAILY':
      return Math.floor(day / length)
  }
}

/** Epoch day of the first ISO weekday `weekday` (1 Monday … 7 Sunday) on or after 1970-01-01, a Thursday. */
function firstWeekday(weekday: number): number {
  return (((weekday - 4) % 7) + 7) % 7
}

function periodNumbered(cycle: CycleSettings, index: number): Period {
  return { start: dateOfEpochDay(startOf(cycle, index)), end: dateOfEpochDay(startOf(cycle, index + 1) - 1) }
}

/** The period of the schedule that contains `date`. */
export function periodContaining(cycle: CycleSettings, date: string): Period {
  return periodNumbered(cycle, indexOf(cycle, epochDay(date)))
}

/** The period `count` periods after `period` (before, when negative); `period` must be one of the schedule's. */
export function shiftPeriod(cycle: CycleSettings, period: Period, count: number): Period {
  return periodNumbered(cycle, indexOf(cycle, epochDay(period.start)) + count)
}

/** Whether `period` is one of the cycle's schedule (it may not be after the cycle's settings changed). */
export function isScheduled(cycle: CycleSettings, period: Period): boolean {
  const own = periodContaining(cycle, period.start)
  return own.start === period.start && own.end === period.end
}
