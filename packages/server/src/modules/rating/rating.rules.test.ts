import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Decimal } from '../../resources/decimal.ts'
import { addMonths } from './rating.dates.ts'
import { adhocAmount, chargeAmount, chargePeriods, horizon, oneOffDue, roundToMinorUnit, taxOf, type Frequency, type RentalTerms } from './rating.rules.ts'

const DECEMBER = { start: '2026-12-01', end: '2026-12-31' }
const terms = (rentalRateType: RentalTerms['rentalRateType'], frequency: Frequency = 'MONTHLY', periodsInAdvance: RentalTerms['periodsInAdvance'] = 'STANDARD'): RentalTerms => ({
  rentalRateType,
  periodsInAdvance,
  frequency,
})

describe('addMonths', () => {
  for (const [anchor, months, expected] of [
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-01-31', 2, '2026-03-31'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-03-01', -3, '2025-12-01'],
  ] as const) {
    it(`${anchor} + ${months} months is ${expected}`, () => assert.equal(addMonths(anchor, months), expected))
  }
})

describe('horizon: the last day a bill run charges recurring rentals up to', () => {
  for (const [name, period, rateTerms, expected] of [
    ['arrears: the bill period’s end', DECEMBER, terms('ARREARS'), '2026-12-31'],
    ['advance: the next period’s end', DECEMBER, terms('ADVANCE'), '2027-01-31'],
    ['advance plus one month', DECEMBER, terms('ADVANCE', 'MONTHLY', 'ADVANCEDPLUSONEMONTH'), '2027-02-28'],
    ['advance, mid-month cycle', { start: '2026-12-15', end: '2027-01-14' }, terms('ADVANCE'), '2027-02-14'],
    ['advance, quarterly cycle', { start: '2027-01-01', end: '2027-03-31' }, terms('ADVANCE'), '2027-06-30'],
    ['advance, a period of days (14)', { start: '2026-12-01', end: '2026-12-14' }, terms('ADVANCE'), '2026-12-28'],
  ] as const) {
    it(name, () => assert.equal(horizon(period, rateTerms), expected))
  }
})

describe('chargePeriods', () => {
  const cases: Array<[string, { from: string; end: string | null }, RentalTerms, Array<[string, string]>]> = [
    ['advance, starting mid-period: the rest of this month and the next', { from: '2026-12-15', end: null }, terms('ADVANCE'), [['2026-12-15', '2026-12-31'], ['2027-01-01', '2027-01-31']]],
    ['advance, already billed to the period’s end: only the next month', { from: '2027-01-01', end: null }, terms('ADVANCE'), [['2027-01-01', '2027-01-31']]],
    ['advance, billed ahead already: nothing', { from: '2027-02-01', end: null }, terms('ADVANCE'), []],
    ['advance, ending next month: cut at the end', { from: '2026-12-01', end: '2027-01-10' }, terms('ADVANCE'), [['2026-12-01', '2026-12-31'], ['2027-01-01', '2027-01-10']]],
    ['arrears, starting mid-period', { from: '2026-12-15', end: null }, terms('ARREARS'), [['2026-12-15', '2026-12-31']]],
    ['arrears, started months ago and never billed: caught up', { from: '2026-10-20', end: null }, terms('ARREARS'), [['2026-10-20', '2026-10-31'], ['2026-11-01', '2026-11-30'], ['2026-12-01', '2026-12-31']]],
    ['arrears, quarterly: billed when its calendar quarter ends', { from: '2026-11-01', end: null }, terms('ARREARS', 'QUARTERLY'), [['2026-11-01', '2026-12-31']]],
    ['arrears, quarterly: not before its quarter ends', { from: '2027-01-01', end: null }, terms('ARREARS', 'QUARTERLY'), []],
    ['arrears, quarterly, the RPI ended: billed to its end', { from: '2026-10-01', end: '2026-12-10' }, terms('ARREARS', 'QUARTERLY'), [['2026-10-01', '2026-12-10']]],
    ['advance, quarterly: the calendar quarters that start by the horizon', { from: '2026-12-15', end: null }, terms('ADVANCE', 'QUARTERLY'), [['2026-12-15', '2026-12-31'], ['2027-01-01', '2027-03-31']]],
    ['advance, yearly', { from: '2026-12-01', end: null }, terms('ADVANCE', 'YEARLY'), [['2026-12-01', '2026-12-31'], ['2027-01-01', '2027-12-31']]],
    ['ended before the first unbilled day: nothing', { from: '2026-12-15', end: '2026-12-10' }, terms('ARREARS'), []],
  ]
  for (const [name, span, rateTerms, expected] of cases) {
    it(name, () =>
      assert.deepEqual(
        chargePeriods(span, DECEMBER, rateTerms).map((charge) => [charge.start, charge.end]),
        expected,
      ),
    )
  }
})

describe('chargeAmount: price × quantity × the part of the grid period charged', () => {
  const base = { doNotProRate: false, treatStartAsWholePeriod: false, treatEndAsWholePeriod: false, rpiStart: '2026-12-15', rpiEnd: null }
  const december = { start: '2026-12-01', end: '2026-12-31' }
  const part = { start: '2026-12-15', end: '2026-12-31', grid: december }
  const whole = { ...december, grid: december }
  const cases: Array<[string, Frequency, number, typeof part, Partial<typeof base>, string]> = [
    ['a whole month', 'MONTHLY', 1, whole, {}, '20'],
    ['17 of 31 days', 'MONTHLY', 1, part, {}, '10.96774193548387096774193548387096774194'],
    ['17 of 31 days, two of them', 'MONTHLY', 2, part, {}, '21.93548387096774193548387096774193548387'],
    ['doNotProRate: in full', 'MONTHLY', 1, part, { doNotProRate: true }, '20'],
    ['treatStartAsWholePeriod on its first period', 'MONTHLY', 1, part, { treatStartAsWholePeriod: true }, '20'],
    ['treatEndAsWholePeriod does not cover its start', 'MONTHLY', 1, part, { treatEndAsWholePeriod: true }, '10.96774193548387096774193548387096774194'],
    ['daily: per day', 'DAILY', 1, part, {}, '340'],
    ['weekly: per 7 days', 'WEEKLY', 1, { ...part, end: '2026-12-28' }, {}, '40'],
    ['weekly, doNotProRate: per started week', 'WEEKLY', 1, part, { doNotProRate: true }, '60'],
  ]
  for (const [name, frequency, quantity, charge, more, expected] of cases) {
    it(name, () => assert.equal(chargeAmount(new Decimal(20), quantity, charge, { ...base, ...more, frequency }).toFixed(), expected))
  }
})

describe('rounding and tax: half up, to the minor unit, at each line', () => {
  for (const [value, expected] of [
    ['10.967741', '10.97'],
    ['2.195', '2.2'],
    ['2.194999', '2.19'],
    ['-2.195', '-2.2'],
    ['0.005', '0.01'],
  ] as const) {
    it(`${value} → ${expected}`, () => assert.equal(roundToMinorUnit(new Decimal(value)).toFixed(), expected))
  }
  it('tax is the rounded amount × rate, rounded', () => assert.equal(taxOf(new Decimal('10.97'), new Decimal(20)).toFixed(), '2.19'))
  it('an adhoc credit is negative', () => assert.equal(adhocAmount(new Decimal('12.505'), new Decimal(2), true).toFixed(), '-25.01'))
  it('an adhoc discount (a negative price) stays negative', () => assert.equal(adhocAmount(new Decimal('-5'), new Decimal(1), false).toFixed(), '-5'))
  it('an adhoc charge is positive', () => assert.equal(adhocAmount(new Decimal('5'), new Decimal('1.5'), false).toFixed(), '7.5'))
})

describe('oneOffDue: billed once, by the first bill run that reaches the RPI’s start', () => {
  for (const [billed, start, expected] of [
    [false, '2026-12-15', true],
    [true, '2026-12-15', false],
    [false, '2027-01-02', false],
  ] as const) {
    it(`billed ${billed}, start ${start}: ${expected}`, () => assert.equal(oneOffDue(billed, start, '2026-12-31'), expected))
  }
})
