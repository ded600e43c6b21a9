import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isScheduled, periodContaining, shiftPeriod, type CycleSettings } from './bill-run.schedule.ts'

const monthly = (startDayOfPeriod: number, lengthOfPeriod?: number): CycleSettings => ({ periodUnit: 'MONTHLY', startDayOfPeriod, lengthOfPeriod })

describe('billing cycle schedules', () => {
  it('find the period containing a date: month ends, leap years, quarters, weeks and days', () => {
    const cases: Array<[string, CycleSettings, string, string, string]> = [
      ['monthly from the 1st', monthly(1), '2026-12-01', '2026-12-01', '2026-12-31'],
      ['the last day of a 31-day month', monthly(1), '2026-12-31', '2026-12-01', '2026-12-31'],
      ['February of a leap year', monthly(1), '2028-02-15', '2028-02-01', '2028-02-29'],
      ['February of a common year', monthly(1), '2027-02-28', '2027-02-01', '2027-02-28'],
      ['February of 2100 (not a leap year)', monthly(1), '2100-02-10', '2100-02-01', '2100-02-28'],
      ['February of 2000 (a leap year)', monthly(1), '2000-02-29', '2000-02-01', '2000-02-29'],
      ['from the 15th, before the day', monthly(15), '2026-03-14', '2026-02-15', '2026-03-14'],
      ['from the 15th, on the day', monthly(15), '2026-03-15', '2026-03-15', '2026-04-14'],
      ['from the 28th across a leap February', monthly(28), '2028-02-29', '2028-02-28', '2028-03-27'],
      ['from the 28th across the year end', monthly(28), '2027-01-05', '2026-12-28', '2027-01-27'],
      ['quarterly from January', monthly(1, 3), '2026-05-20', '2026-04-01', '2026-06-30'],
      ['quarterly, the last quarter', monthly(1, 3), '2026-12-31', '2026-10-01', '2026-12-31'],
      ['yearly (12 months)', monthly(1, 12), '2028-07-04', '2028-01-01', '2028-12-31'],
      ['two-monthly from the 10th, before the day', monthly(10, 2), '2026-01-09', '2025-11-10', '2026-01-09'],
      ['weekly from Monday', { periodUnit: 'WEEKLY', startDayOfPeriod: 1 }, '2026-12-03', '2026-11-30', '2026-12-06'],
      ['weekly from Sunday, on a Sunday', { periodUnit: 'WEEKLY', startDayOfPeriod: 7 }, '2026-12-06', '2026-12-06', '2026-12-12'],
      ['weekly from Thursday (the epoch weekday)', { periodUnit: 'WEEKLY', startDayOfPeriod: 4 }, '1970-01-01', '1970-01-01', '1970-01-07'],
      ['fortnightly from Monday', { periodUnit: 'WEEKLY', startDayOfPeriod: 1, lengthOfPeriod: 2 }, '2026-12-10', '2026-12-07', '2026-12-20'],
      ['daily', { periodUnit: 'DAILY', startDayOfPeriod: 1 }, '2028-02-29', '2028-02-29', '2028-02-29'],
      ['every ten days', { periodUnit: 'DAILY', startDayOfPeriod: 1, lengthOfPeriod: 10 }, '1970-01-15', '1970-01-11', '1970-01-20'],
    ]
    for (const [name, cycle, date, start, end] of cases) {
      assert.deepEqual(periodContaining(cycle, date), { start, end }, name)
    }
  })

  it('shift by whole periods, back and forth, and every period joins the next', () => {
    const cycles: CycleSettings[] = [monthly(1), monthly(28), monthly(5, 3), { periodUnit: 'WEEKLY', startDayOfPeriod: 3, lengthOfPeriod: 2 }, { periodUnit: 'DAILY', startDayOfPeriod: 1, lengthOfPeriod: 7 }]
    for (const cycle of cycles) {
      const first = periodContaining(cycle, '2027-12-30')
      let period = first
      for (let i = 0; i < 30; i += 1) {
        const next = shiftPeriod(cycle, period, 1)
        assert.equal(Date.parse(next.start) - Date.parse(period.end), 86_400_000, `${JSON.stringify(cycle)}: ${period.end} then ${next.start}`)
        assert.ok(isScheduled(cycle, next))
        period = next
      }
      assert.deepEqual(shiftPeriod(cycle, period, -30), first, JSON.stringify(cycle))
    }
    assert.deepEqual(shiftPeriod(monthly(1), { start: '2028-01-01', end: '2028-01-31' }, 1), { start: '2028-02-01', end: '2028-02-29' })
    assert.deepEqual(shiftPeriod(monthly(1), { start: '2028-03-01', end: '2028-03-31' }, -13), { start: '2027-02-01', end: '2027-02-28' })
  })

  it('knows a period that is not on the schedule', () => {
    assert.equal(isScheduled(monthly(1), { start: '2026-12-02', end: '2027-01-01' }), false)
    assert.equal(isScheduled(monthly(1), { start: '2026-12-01', end: '2026-12-31' }), true)
  })
})
