import { Type } from 'typebox'
import { idField } from '../../resources/common-fields.ts'
import { DecimalNumber, decimalFieldOptions } from '../../resources/decimal.ts'
import { field } from '../../resources/fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { Id, StringEnum } from '../../resources/schemas.ts'
import { PERIODS_IN_ADVANCE, RENTAL_PRICE, RENTAL_RATE_FREQUENCIES, RENTAL_RATE_PRICE_TYPES, RENTAL_RATE_TYPES } from '../rental-rates/index.ts'
import { rentalInventoryField, usageInventoryField } from './assignment.fields.ts'
import { levelFields, periodFields } from './levels.ts'

const idOf = (description: string) => Type.Integer({ ...Id, description })

/** The price and its terms, as a rental rate has them (Pricing API `rental-rates`). */
const rentalPriceFields = {
  price: field(DecimalNumber(RENTAL_PRICE, { description: 'Price', examples: [9.99] }), { ...decimalFieldOptions('price'), filter: 'number', sortable: true }),
  rentalRatePriceType: field(StringEnum(RENTAL_RATE_PRICE_TYPES, { description: 'Rental price type - recurring rental or one off?' }), {
    column: 'rental_rate_price_type',
    filter: 'string',
    sortable: true,
  }),
  rentalRateType: field(StringEnum(RENTAL_RATE_TYPES, { description: 'Rental rate type. Required when rentalRatePriceType is RENTAL' }), {
    column: 'rental_rate_type',
    filter: 'string',
    optional: true,
  }),
  periodsInAdvance: field(StringEnum(PERIODS_IN_ADVANCE, { description: 'Number of periods in advance (i.e. Months) for rentals. Required when rentalRateType is ADVANCE' }), {
    column: 'periods_in_advance',
    optional: true,
  }),
  rentalRateFrequency: field(StringEnum(RENTAL_RATE_FREQUENCIES, { description: 'Frequency of rental. Required when rentalRatePriceType is RENTAL' }), {
    column: 'rental_rate_frequency',
    filter: 'string',
    optional: true,
  }),
  ...periodFields,
}

/** A sell price for one rental product that overrules the assigned rate cards (tag `rental-rate-overrides`). */
export const rentalRateOverrideFields = {
  id: idField(),
  ...levelFields('Rate overrides'),
  rentalProductInventoryId: rentalInventoryField(),
  rentalProductId: field(idOf('Rental product identifier'), { column: 'rental_product_id', access: 'create-only', filter: 'id', sortable: true }),
  ...rentalPriceFields,
  applyThisToChildren: field(Type.Boolean({ description: 'Apply this override to children? (absent on create: true)' }), { column: 'apply_this_to_children', default: true }),
  showOnInvoice: field(Type.Boolean({ description: 'Show on invoice? (absent on create: true)' }), { column: 'show_on_invoice', filter: 'boolean', default: true }),
}

export const rentalRateOverrideResource = describeResource(rentalRateOverrideFields, { noun: 'Rental rate override' })

/** A buy price for one rental product inventory item, overruling the supplier's buy rate card (tag `buy-rental-rate-overrides`). */
export const buyRentalRateOverrideFields = {
  id: idField(),
  rentalProductInventoryId: field(idOf('Rental product inventory identifier'), { column: 'rental_product_inventory_id', access: 'create-only', filter: 'id', sortable: true }),
  ...rentalPriceFields,
}

export const buyRentalRateOverrideResource = describeResource(buyRentalRateOverrideFields, { noun: 'Buy rental rate override' })

/** A usage charge: up to 6 decimal places, as the usage rates have them. */
export const USAGE_OVERRIDE_CHARGE = { precision: 15, scale: 6, minimum: '-999999999', maximum: '999999999' }
const charge = (description: string, optional = false) =>
  optional ? field(DecimalNumber(USAGE_OVERRIDE_CHARGE, { description }), { optional: true }) : field(DecimalNumber(USAGE_OVERRIDE_CHARGE, { description }))
const period = (description: string) => field(Type.Integer({ minimum: 0, maximum: 2147483647, description }))

/** Usage prices for one usage product and charge group that overrule the assigned usage rate cards (tag `usage-rate-overrides`). */
export const usageRateOverrideFields = {
  id: idField(),
  ...levelFields('Rate overrides'),
  usageProductInventoryId: usageInventoryField(),
  usageProductId: field(idOf('Usage product identifier'), { column: 'usage_product_id', access: 'create-only', filter: 'id', sortable: true }),
  supplierId: field(idOf('Supplier identifier'), { column: 'supplier_id', optional: true }),
  chargeGroupId: field(idOf('Charge group identifier'), { column: 'charge_group_id', filter: 'id', sortable: true }),
  variableChargeUnitSize: field(Type.Integer({ minimum: 1, maximum: 2147483647, description: 'Variable charge unit size', examples: [60] })),
  quantityRoundingIncrement: field(DecimalNumber({ precision: 15, scale: 6, minimum: '1', maximum: '999999999' }, { description: 'Quantity rounding increment', examples: [1] })),
  ...periodFields,
  appliesToISDNOnly: field(Type.Boolean({ description: 'Applies to ISDN calls only? (absent on create: false)' }), { default: false }),
  peakValue: charge('Peak value', true),
  offPeakValue: charge('Off peak value', true),
  weekendValue: charge('Weekend value', true),
  peakMinimumCharge: charge('Peak minimum charge'),
  offPeakMinimumCharge: charge('Off peak minimum charge'),
  weekendMinimumCharge: charge('Weekend minimum charge'),
  peakInitialCharge: charge('Peak initial charge'),
  offPeakInitialCharge: charge('Off peak initial charge'),
  weekendInitialCharge: charge('Weekend initial charge'),
  peakInitialChargePeriod: period('Peak initial charge period'),
  offPeakInitialChargePeriod: period('Off peak initial charge period'),
  weekendInitialChargePeriod: period('Weekend initial charge period'),
  applyThisToChildren: field(Type.Boolean({ description: 'Apply this override to children? (absent on create: true)' }), { column: 'apply_this_to_children', default: true }),
}

export const usageRateOverrideResource = describeResource(usageRateOverrideFields, { noun: 'Usage rate override' })
