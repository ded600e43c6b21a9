import { Decimal } from '../../resources/decimal.ts'
import type { BillableAdhocInventory } from '../adhoc-inventories/index.ts'
import type { PricedItem } from '../pricing-assignments/index.ts'
import type { BillableRentalProductInventory } from '../rental-product-inventories/index.ts'
import { addDays, later } from './rating.dates.ts'
import type { FoundPrice } from './rating.pricing.ts'
import type { Billed, BilledSite, NewRatedCharge, ProductTerms, TaxRate } from './rating.repository.ts'
import { adhocAmount, chargeAmount, chargePeriods, DEFAULT_TERMS, oneOffDue, roundToMinorUnit, type Frequency, type Period, type RentalTerms } from './rating.rules.ts'

/** What rating one bill run's RPIs needs, loaded beforehand (rating.service.ts). */
export interface RentalRatingInput {
  period: Period
  /** Adhoc bill runs bill the one-off charges of their RPIs only; recurring rentals wait for the schedule. */
  recurring: boolean
  sites: ReadonlyMap<number, BilledSite>
  rpis: readonly BillableRentalProductInventory[]
  products: ReadonlyMap<number, ProductTerms>
  billed: ReadonlyMap<number, Billed>
  findPrice(item: PricedItem): FoundPrice | undefined
  taxRateOn(taxBandId: number, date: string): string
}

/** The terms of a found price, with the defaults where its rate left one out. */
function termsOf(found: FoundPrice): RentalTerms {
  return {
    rentalRateType: (found.terms.rentalRateType as RentalTerms['rentalRateType'] | undefined) ?? DEFAULT_TERMS.rentalRateType,
    periodsInAdvance: (found.terms.periodsInAdvance as RentalTerms['periodsInAdvance'] | undefined) ?? DEFAULT_TERMS.periodsInAdvance,
    frequency: (found.terms.rentalRateFrequency as Frequency | undefined) ?? DEFAULT_TERMS.frequency,
  }
}

/** The first day of an RPI not billed yet. */
const firstUnbilled = (rpi: BillableRentalProductInventory, billed: Billed | undefined) =>
  billed?.rentedTo == null ? rpi.startDate : later(rpi.startDate, addDays(billed.rentedTo, 1))

/**
 * The rated charges of a bill run's RPIs (pure): per RPI its recurring rental's charge periods
 * from the first unbilled day, each priced on its first day, and its one-off charge when not
 * billed before. An RPI that nothing prices is counted in suspense.
 */
export function rateRentals(input: RentalRatingInput): { charges: NewRatedCharge[]; suspense: number } {
  const charges: NewRatedCharge[] = []
  let suspense = 0
  for (const rpi of input.rpis) {
    const site = input.sites.get(rpi.siteId)
    const product = input.products.get(rpi.rentalProductId)
    if (site === undefined || product === undefined) continue
    const from = firstUnbilled(rpi, input.billed.get(rpi.id))
    const item = { productId: rpi.rentalProductId, customerId: site.customerId, siteId: rpi.siteId, inventoryId: rpi.id }
    const line = (chargeType: NewRatedCharge['chargeType'], period: Period, unitPrice: Decimal, amount: Decimal): NewRatedCharge => ({
      customerId: site.customerId,
      siteId: rpi.siteId,
      rentalProductInventoryId: rpi.id,
      adhocInventoryId: null,
      chargeType,
      description: rpi.invoicePresentationProductName,
      productReference: rpi.productReference,
      chargeStartDate: period.start,
      chargeEndDate: period.end,
      unitPrice: unitPrice.toFixed(),
      quantity: String(rpi.quantity),
      amount: roundToMinorUnit(amount).toFixed(),
      taxBandId: product.taxBandId,
      taxRate: input.taxRateOn(product.taxBandId, period.start),
      currencyCode: site.currencyCode,
    })
    // The terms come from the price on the first unbilled day, or (a price that starts later) on the period's first day.
    const rental = input.findPrice({ ...item, date: from, priceType: 'RENTAL' }) ?? input.findPrice({ ...item, date: later(from, input.period.start), priceType: 'RENTAL' })
    if (rental !== undefined && input.recurring) {
      const terms = termsOf(rental)
      const proration = { ...terms, ...product, treatStartAsWholePeriod: rpi.treatStartAsWholePeriod, treatEndAsWholePeriod: rpi.treatEndAsWholePeriod, rpiStart: rpi.startDate, rpiEnd: rpi.endDate }
      for (const charge of chargePeriods({ from, end: rpi.endDate }, input.period, terms)) {
        // Each period at the price on its first day (a rate may change); a period no price covers is not charged.
        const price = input.findPrice({ ...item, date: charge.start, priceType: 'RENTAL' })?.price
        if (price !== undefined) charges.push(line('Rental', charge, price, chargeAmount(price, rpi.quantity, charge, proration)))
      }
    }
    const oneOff = input.findPrice({ ...item, date: rpi.startDate, priceType: 'ONEOFF' })
    if (oneOff !== undefined && oneOffDue(input.billed.get(rpi.id)?.oneOffBilled ?? false, rpi.startDate, input.period.end)) {
      charges.push(line('OneOff', { start: rpi.startDate, end: rpi.startDate }, oneOff.price, oneOff.price.times(rpi.quantity)))
    }
    if (rental === undefined && oneOff === undefined) suspense += 1
  }
  return { charges, suspense }
}

/** The rated charges of adhoc inventories, dated the bill run's invoice date. */
export function rateAdhocCharges(adhoc: readonly BillableAdhocInventory[], sites: ReadonlyMap<number, BilledSite>, invoiceDate: string, taxRateOn: RentalRatingInput['taxRateOn']): NewRatedCharge[] {
  return adhoc.flatMap((charge) => {
    const site = sites.get(charge.siteId)
    if (site === undefined) return []
    const amount = adhocAmount(new Decimal(charge.sellPrice), new Decimal(charge.quantity), charge.isCredit)
    return [{
      customerId: site.customerId,
      siteId: charge.siteId,
      rentalProductInventoryId: null,
      adhocInventoryId: charge.id,
      chargeType: 'Adhoc' as const,
      description: charge.name,
      productReference: null,
      chargeStartDate: invoiceDate,
      chargeEndDate: invoiceDate,
      unitPrice: (charge.isCredit ? new Decimal(charge.sellPrice).abs().negated() : new Decimal(charge.sellPrice)).toFixed(),
      quantity: charge.quantity,
      amount: amount.toFixed(),
      taxBandId: charge.taxBandId,
      taxRate: taxRateOn(charge.taxBandId, invoiceDate),
      currencyCode: site.currencyCode,
    }]
  })
}

/** The rate of a tax band on a day: the band's rate covering it, else 0 (a band without a rate then). */
export function taxRateFinder(rates: readonly TaxRate[]): (taxBandId: number, date: string) => string {
  return (taxBandId, date) => rates.find((rate) => rate.taxBandId === taxBandId && rate.startDate <= date && (rate.endDate === null || rate.endDate >= date))?.rate ?? '0'
}
