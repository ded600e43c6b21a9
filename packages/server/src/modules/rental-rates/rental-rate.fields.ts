import { Type } from 'typebox'
import { dateField, idField } from '../../resources/common-fields.ts'
import { DecimalNumber, decimalFieldOptions } from '../../resources/decimal.ts'
import { field } from '../../resources/fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { Id, StringEnum } from '../../resources/schemas.ts'

export const RENTAL_RATE_TYPES = ['ADVANCE', 'ARREARS'] as const
export const RENTAL_RATE_PRICE_TYPES = ['RENTAL', 'ONEOFF'] as const
export const PERIODS_IN_ADVANCE = ['STANDARD', 'ADVANCEDPLUSONEMONTH'] as const
export const RENTAL_RATE_FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'QUARTERLY', 'SIXMONTHS', 'TWENTYFOURMONTHS'] as const

/** A price: -9999999 to 9999999 (the published range of rental prices) with up to 4 decimal places. */
export const RENTAL_PRICE = { precision: 11, scale: 4, minimum: '-9999999', maximum: '9999999' }

/**
 * A rental rate's fields (Pricing API 2.21, tag `rental-rates`): the price of one rental product
 * on one rate card from a date. Rates are added by PATCHing their card (or with it, on create),
 * and read, changed and deleted here. The card is not a field of the published rate: the list
 * filters by it (`rentalRateCardId`, required).
 */
export const rentalRateFields = {
  id: idField(),
  rentalProductId: field(Type.Integer({ ...Id, description: 'Rental product identifier' }), { column: 'rental_product_id', access: 'create-only', sortable: true }),
  price: field(DecimalNumber(RENTAL_PRICE, { description: 'Price', examples: [10.5] }), { ...decimalFieldOptions('price'), filter: 'number', sortable: true }),
  rentalRateType: field(StringEnum(RENTAL_RATE_TYPES, { description: 'Rental rate type. Required when rentalRatePriceType is RENTAL' }), {
    column: 'rental_rate_type',
    filter: 'string',
    sortable: true,
    optional: true,
  }),
  rentalRatePriceType: field(StringEnum(RENTAL_RATE_PRICE_TYPES, { description: 'Rental price type - recurring rental or one off' }), {
    column: 'rental_rate_price_type',
    filter: 'string',
    sortable: true,
  }),
  periodsInAdvance: field(StringEnum(PERIODS_IN_ADVANCE, { description: 'Number of periods in advance (i.e. months) for rentals. Required when rentalRateType is ADVANCE' }), {
    column: 'periods_in_advance',
    filter: 'string',
    sortable: true,
    optional: true,
  }),
  rentalRateFrequency: field(StringEnum(RENTAL_RATE_FREQUENCIES, { description: 'Frequency of rental. Required when rentalRatePriceType is RENTAL' }), {
    column: 'rental_rate_frequency',
    filter: 'string',
    sortable: true,
    optional: true,
  }),
  startDate: dateField('start_date'),
  endDate: field(Type.String({ format: 'date', description: 'End date (inclusive; none: open-ended)', examples: ['2019-08-24'] }), {
    column: 'end_date',
    filter: 'date',
    sortable: true,
    optional: true,
  }),
  showOnInvoice: field(Type.Boolean({ description: 'Show on invoice? (absent on create: true)' }), { column: 'show_on_invoice', filter: 'boolean', default: true }),
}

export const rentalRateResource = describeResource(rentalRateFields, {
  noun: 'Rental rate',
  filters: {
    // "Filter by rental rate card - mandatory".
    rentalRateCardId: { column: 'rental_rate_card_id', filter: 'id', required: true },
    // The rates of the products whose name matches (rental-rate.repository.ts).
    rentalProductName: { column: 'rental_products.name', filter: 'string', folded: 'rental_products.name_folded' },
  },
})
