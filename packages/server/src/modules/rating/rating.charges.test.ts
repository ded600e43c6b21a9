import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Decimal } from '../../resources/decimal.ts'
import type { BillableRentalProductInventory } from '../rental-product-inventories/index.ts'
import { rateRentals } from './rating.charges.ts'

const RPI = { id: 7, siteId: 1, rentalProductId: 3, invoicePresentationProductName: 'Line rental', productReference: null, startDate: '2029-11-01', endDate: null, quantity: 1, treatStartAsWholePeriod: false, treatEndAsWholePeriod: false } as BillableRentalProductInventory
const SITE = { siteId: 1, customerId: 2, contractOwnerId: 1, invoiceSiteId: 1, currencyCode: 'GBP' }
const TERMS = { rentalRateType: 'ARREARS', periodsInAdvance: 'STANDARD', rentalRateFrequency: 'MONTHLY' }

/** Rates the RPI in January 2030's bill run, with a £20 rental price from `priceFrom` (and a £35 one-off when asked). */
function rate(priceFrom: string | undefined, more: { oneOff?: boolean; billed?: { rentedTo: string | null; oneOffBilled: boolean } } = {}) {
  return rateRentals({
    period: { start: '2030-01-01', end: '2030-01-31' },
    recurring: true,
    sites: new Map([[1, SITE]]),
    rpis: [RPI],
    products: new Map([[3, { taxBandId: 9, doNotProRate: false }]]),
    billed: new Map(more.billed === undefined ? [] : [[7, more.billed]]),
    findPrice: (item) => {
      if (item.priceType === 'ONEOFF') return more.oneOff === true ? { price: new Decimal(35), terms: {} } : undefined
      return priceFrom !== undefined && item.date >= priceFrom ? { price: new Decimal(20), terms: TERMS } : undefined
    },
    taxRateOn: () => '20',
  })
}
const charged = (result: ReturnType<typeof rate>) => result.charges.map((c) => [c.chargeType, c.chargeStartDate, c.chargeEndDate, c.amount, c.taxRate])

describe('rateRentals', () => {
  it('catches up every month since the RPI started, when a price covers them', () =>
    assert.deepEqual(charged(rate('2029-01-01')), [
      ['Rental', '2029-11-01', '2029-11-30', '20', '20'],
      ['Rental', '2029-12-01', '2029-12-31', '20', '20'],
      ['Rental', '2030-01-01', '2030-01-31', '20', '20'],
    ]))
  it('charges nothing for the months before a price starts, and the rest from it', () =>
    assert.deepEqual(charged(rate('2030-01-01')), [['Rental', '2030-01-01', '2030-01-31', '20', '20']]))
  it('starts after what earlier bill runs billed', () => assert.deepEqual(charged(rate('2029-01-01', { billed: { rentedTo: '2029-12-31', oneOffBilled: false } })), [['Rental', '2030-01-01', '2030-01-31', '20', '20']]))
  it('bills a one-off once', () => {
    assert.deepEqual(charged(rate(undefined, { oneOff: true })), [['OneOff', '2029-11-01', '2029-11-01', '35', '20']])
    assert.deepEqual(charged(rate(undefined, { oneOff: true, billed: { rentedTo: null, oneOffBilled: true } })), [])
  })
  it('counts an RPI that nothing prices in suspense', () => assert.deepEqual([rate(undefined).suspense, rate('2029-01-01').suspense], [1, 0]))
})
