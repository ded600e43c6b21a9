import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { AppError } from '../errors.ts'
import { assertNoOverlap, periodsOverlap } from './periods.ts'

describe('validity periods', () => {
  it('overlap when they share a date: ends inclusive, no end date open-ended', () => {
    const cases: Array<[string, string | null, string, string | null, boolean]> = [
      ['2020-01-01', '2020-12-31', '2021-01-01', null, false],
      ['2020-01-01', '2020-12-31', '2020-12-31', null, true],
      ['2020-01-01', null, '2030-01-01', '2030-01-31', true],
      ['2021-01-01', null, '2020-01-01', '2020-12-31', false],
      ['2020-03-01', '2020-03-31', '2020-01-01', '2020-12-31', true],
      ['2020-01-01', null, '2019-01-01', null, true],
    ]
    for (const [s1, e1, s2, e2, expected] of cases) {
      assert.equal(periodsOverlap({ startDate: s1, endDate: e1 }, { startDate: s2, endDate: e2 }), expected, `${s1}..${e1} vs ${s2}..${e2}`)
      assert.equal(periodsOverlap({ startDate: s2, endDate: e2 }, { startDate: s1, endDate: e1 }), expected, 'symmetric')
    }
  })

  it('refuses an overlap with 409 overlapping_period naming the record it meets', () => {
    const others = [{ id: 3, startDate: '2011-01-04', endDate: '2020-12-31' }, { id: 4, startDate: '2021-01-01' }]
    assert.doesNotThrow(() => assertNoOverlap('Tax band rate', { startDate: '2000-01-01', endDate: '2011-01-03' }, others))
    assert.throws(
      () => assertNoOverlap('Tax band rate', { startDate: '2022-01-01' }, others),
      (error: unknown) =>
        error instanceof AppError &&
        error.code === 'overlapping_period' &&
        error.kind === 'conflict' &&
        /tax band rate 4 \(2021-01-01 to no end date\)/.test(error.message) &&
        error.errors?.[0]?.field === 'startDate',
    )
  })
})
