import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Decimal } from '../../resources/decimal.ts'
import type { AssignmentLevel } from './levels.ts'
import { applicablePrice, type CardAssignmentCandidate, type OverrideCandidate, type PriceCandidates, type PricedItem, type RateCandidate } from './precedence.ts'

// One customer (1) with two sites (10, 11); inventory item 100 on site 10 holds product 7.
const ITEM: PricedItem = { productId: 7, customerId: 1, siteId: 10, inventoryId: 100, date: '2025-06-15' }
const HOLDERS: Record<AssignmentLevel, { customerId: number | null; siteId: number | null; inventoryId: number | null }> = {
  CUSTOMER: { customerId: 1, siteId: null, inventoryId: null },
  SITE: { customerId: 1, siteId: 10, inventoryId: null },
  INVENTORY: { customerId: 1, siteId: 10, inventoryId: 100 },
}

let ids = 0
const card = (level: AssignmentLevel, rateCardId: number, more: Partial<CardAssignmentCandidate> = {}): CardAssignmentCandidate => ({
  id: ++ids,
  level,
  ...HOLDERS[level],
  rateCardId,
  startDate: '2025-01-01',
  endDate: null,
  acceptOverridesFromParents: true,
  ...more,
})
const rate = (rateCardId: number, price: string, more: Partial<RateCandidate> = {}): RateCandidate => ({
  id: ++ids,
  rateCardId,
  productId: 7,
  price: new Decimal(price),
  startDate: '2025-01-01',
  endDate: null,
  ...more,
})
const override = (level: AssignmentLevel, price: string, more: Partial<OverrideCandidate> = {}): OverrideCandidate => ({
  id: ++ids,
  level,
  ...HOLDERS[level],
  productId: 7,
  price: new Decimal(price),
  startDate: '2025-01-01',
  endDate: null,
  applyThisToChildren: true,
  ...more,
})

// Card 1 is the customer's (10.00), 2 the site's (8.00), 3 the item's (6.00); card 4 has no rate for product 7.
const RATES = [rate(1, '10.00'), rate(2, '8.00'), rate(3, '6.00'), rate(4, '1.00', { productId: 8 })]

interface Case {
  name: string
  item?: Partial<PricedItem>
  cardAssignments?: CardAssignmentCandidate[]
  rates?: RateCandidate[]
  overrides?: OverrideCandidate[]
  /** The price expected, and where it comes from (none: nothing prices the item). */
  expected: { price: string; source: 'OVERRIDE' | 'RATE_CARD'; level: AssignmentLevel } | undefined
}

const CASES: Case[] = [
  { name: 'nothing assigned: no price', expected: undefined },
  { name: "only the customer's card", cardAssignments: [card('CUSTOMER', 1)], expected: { price: '10', source: 'RATE_CARD', level: 'CUSTOMER' } },
  { name: "a site's card beats the customer's", cardAssignments: [card('CUSTOMER', 1), card('SITE', 2)], expected: { price: '8', source: 'RATE_CARD', level: 'SITE' } },
  { name: "the item's card beats the site's and the customer's", cardAssignments: [card('CUSTOMER', 1), card('SITE', 2), card('INVENTORY', 3)], expected: { price: '6', source: 'RATE_CARD', level: 'INVENTORY' } },
  { name: 'an override beats every card', cardAssignments: [card('INVENTORY', 3)], overrides: [override('CUSTOMER', '4.99')], expected: { price: '4.99', source: 'OVERRIDE', level: 'CUSTOMER' } },
  { name: 'the most specific override wins', overrides: [override('CUSTOMER', '4.99'), override('INVENTORY', '2.5'), override('SITE', '3')], expected: { price: '2.5', source: 'OVERRIDE', level: 'INVENTORY' } },
  { name: "another site's card does not apply", cardAssignments: [card('CUSTOMER', 1), card('SITE', 2, { siteId: 11 })], expected: { price: '10', source: 'RATE_CARD', level: 'CUSTOMER' } },
  { name: "another customer's card does not apply", cardAssignments: [card('CUSTOMER', 1, { customerId: 2 })], expected: undefined },
  { name: "another item's card does not apply", cardAssignments: [card('SITE', 2), card('INVENTORY', 3, { inventoryId: 101 })], expected: { price: '8', source: 'RATE_CARD', level: 'SITE' } },
  { name: 'a site card ended before the date falls back to the customer card', cardAssignments: [card('CUSTOMER', 1), card('SITE', 2, { endDate: '2025-06-14' })], expected: { price: '10', source: 'RATE_CARD', level: 'CUSTOMER' } },
  { name: 'an end date is inclusive', cardAssignments: [card('CUSTOMER', 1), card('SITE', 2, { endDate: '2025-06-15' })], expected: { price: '8', source: 'RATE_CARD', level: 'SITE' } },
  { name: 'a start date is inclusive', cardAssignments: [card('CUSTOMER', 1), card('SITE', 2, { startDate: '2025-06-15' })], expected: { price: '8', source: 'RATE_CARD', level: 'SITE' } },
  { name: 'a card starting after the date does not apply yet', cardAssignments: [card('CUSTOMER', 1), card('SITE', 2, { startDate: '2025-06-16' })], expected: { price: '10', source: 'RATE_CARD', level: 'CUSTOMER' } },
  { name: 'an override outside its dates does not apply', cardAssignments: [card('CUSTOMER', 1)], overrides: [override('INVENTORY', '1', { endDate: '2025-05-31' })], expected: { price: '10', source: 'RATE_CARD', level: 'CUSTOMER' } },
  { name: 'a site card without a rate for the product falls through to the customer card', cardAssignments: [card('CUSTOMER', 1), card('SITE', 4)], expected: { price: '10', source: 'RATE_CARD', level: 'CUSTOMER' } },
  { name: "the card's rate must cover the date", cardAssignments: [card('SITE', 2), card('CUSTOMER', 1)], rates: [rate(1, '10.00'), rate(2, '8.00', { startDate: '2025-07-01' })], expected: { price: '10', source: 'RATE_CARD', level: 'CUSTOMER' } },
  { name: "of a card's rates over time, the one covering the date", cardAssignments: [card('CUSTOMER', 1)], rates: [rate(1, '9', { endDate: '2025-03-31' }), rate(1, '11', { startDate: '2025-04-01' })], expected: { price: '11', source: 'RATE_CARD', level: 'CUSTOMER' } },
  { name: 'an override of another product does not apply', cardAssignments: [card('CUSTOMER', 1)], overrides: [override('INVENTORY', '1', { productId: 8 })], expected: { price: '10', source: 'RATE_CARD', level: 'CUSTOMER' } },
  { name: 'an override of another price type does not apply', item: { priceType: 'RENTAL' }, cardAssignments: [card('CUSTOMER', 1)], overrides: [override('SITE', '1', { priceType: 'ONEOFF' })], expected: { price: '10', source: 'RATE_CARD', level: 'CUSTOMER' } },
  { name: "a customer override not applied to children does not reach the customer's items", cardAssignments: [card('SITE', 2)], overrides: [override('CUSTOMER', '1', { applyThisToChildren: false })], expected: { price: '8', source: 'RATE_CARD', level: 'SITE' } },
  { name: "an item's own override applies whatever applyThisToChildren says", overrides: [override('INVENTORY', '1.5', { applyThisToChildren: false })], expected: { price: '1.5', source: 'OVERRIDE', level: 'INVENTORY' } },
  {
    name: 'a card refusing overrides from parents keeps its price against a customer override',
    cardAssignments: [card('SITE', 2, { acceptOverridesFromParents: false })],
    overrides: [override('CUSTOMER', '1')],
    expected: { price: '8', source: 'RATE_CARD', level: 'SITE' },
  },
  {
    name: 'a card refusing overrides from parents still takes one at its own level or below',
    cardAssignments: [card('SITE', 2, { acceptOverridesFromParents: false })],
    overrides: [override('CUSTOMER', '1'), override('SITE', '7.25')],
    expected: { price: '7.25', source: 'OVERRIDE', level: 'SITE' },
  },
  { name: 'an item with no site takes only its customer level', item: { siteId: null, inventoryId: null }, cardAssignments: [card('CUSTOMER', 1), card('SITE', 2)], expected: { price: '10', source: 'RATE_CARD', level: 'CUSTOMER' } },
  {
    name: 'two customer overrides at once (different series in the API): the later start wins',
    overrides: [override('CUSTOMER', '3', { startDate: '2025-01-01' }), override('CUSTOMER', '2', { startDate: '2025-06-01' })],
    expected: { price: '2', source: 'OVERRIDE', level: 'CUSTOMER' },
  },
  { name: 'exact decimals come back digit for digit', overrides: [override('SITE', '1234567.8912')], expected: { price: '1234567.8912', source: 'OVERRIDE', level: 'SITE' } },
]

describe('applicablePrice: override > inventory card > site card > customer card, dated', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const candidates: PriceCandidates = { cardAssignments: c.cardAssignments ?? [], rates: c.rates ?? RATES, overrides: c.overrides ?? [] }
      const applied = applicablePrice({ ...ITEM, ...c.item }, candidates)
      if (c.expected === undefined) return assert.equal(applied, undefined)
      assert.ok(applied !== undefined, 'a price applies')
      assert.deepEqual({ price: applied.price.toString(), source: applied.source, level: applied.level }, { ...c.expected, price: new Decimal(c.expected.price).toString() })
    })
  }

  it('names the assignment, card and rate it took the price from', () => {
    const assignment = card('SITE', 2)
    const applied = applicablePrice(ITEM, { cardAssignments: [assignment], rates: RATES, overrides: [] })
    assert.deepEqual(applied, { source: 'RATE_CARD', level: 'SITE', assignmentId: assignment.id, rateCardId: 2, rateId: RATES[1]!.id, price: RATES[1]!.price })
  })
})
