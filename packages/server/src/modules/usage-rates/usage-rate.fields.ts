import { Type } from 'typebox'
import { dateField, idField } from '../../resources/common-fields.ts'
import { DecimalNumber, decimalFieldOptions } from '../../resources/decimal.ts'
import { field } from '../../resources/fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { Id, StringEnum } from '../../resources/schemas.ts'

export const USAGE_RATE_TYPES = ['MARKUP', 'VARIABLE'] as const

/** A charge in the minor unit (pence), as the cards' charges: 0 to 999999999 with up to 6 decimal places. */
const CHARGE = { precision: 15, scale: 6, minimum: '0', maximum: '999999999' }
/** A value: a price per unit (VARIABLE) or a markup (MARKUP), which may be negative (a discount). */
const VALUE = { precision: 15, scale: 6, minimum: '-999999999', maximum: '999999999' }
/** A period in the usage's unit (seconds, kilobytes, events). */
const PERIOD = Type.Integer({ minimum: 0, maximum: 1000000000 })

const charge = (column: string, description: string) => field(DecimalNumber(CHARGE, { description: `${description}, in the minor unit (absent on create: 0)` }), { ...decimalFieldOptions(column), default: 0, sortable: true })
const value = (column: string, description: string) =>
  field(DecimalNumber(VALUE, { description: `${description}: the price per unit after the initial period (VARIABLE), or the markup (MARKUP) (absent on create: 0)` }), { ...decimalFieldOptions(column), default: 0, sortable: true })
const period = (column: string, description: string) => field(Type.Integer({ ...PERIOD, description: `${description}: the length of the initial period (absent on create: 0)` }), { column, default: 0, sortable: true })

/**
 * A usage rate's fields (Pricing API 2.21, tag `usage-rates`): the price of the usage of one
 * charge group on one usage rate card from a date, by time band. Rates are added by PATCHing
 * their card (or with it, on create), and read, changed and deleted here. The card is not a field
 * of the published rate: the list filters by it (`usageRateCardId`, required).
 */
export const usageRateFields = {
  id: idField(),
  chargeGroupId: field(Type.Integer({ ...Id, description: 'Charge group identifier' }), { column: 'charge_group_id', filter: 'id', sortable: true }),
  usageRateType: field(StringEnum(USAGE_RATE_TYPES, { description: 'Usage rate type: VARIABLE prices each unit, MARKUP marks up the cost' }), {
    column: 'usage_rate_type',
    filter: 'string',
    sortable: true,
  }),
  peakInitialCharge: charge('peak_initial_charge', 'Peak initial charge: the charge for the initial period'),
  peakInitialPeriod: field(Type.Integer({ ...PERIOD, description: 'Peak initial period: the length of the initial period charged at the initial charge (30: the first 30 seconds)' }), { column: 'peak_initial_period', sortable: true }),
  peakValue: value('peak_value', 'Peak value'),
  peakMinimum: charge('peak_minimum', 'Peak minimum charge'),
  offPeakInitialCharge: charge('off_peak_initial_charge', 'Off peak initial charge: the charge for the initial period'),
  offPeakInitialPeriod: period('off_peak_initial_period', 'Off peak initial period'),
  offPeakValue: value('off_peak_value', 'Off peak value'),
  offPeakMinimum: charge('off_peak_minimum', 'Off peak minimum charge'),
  weekendInitialCharge: charge('weekend_initial_charge', 'Weekend initial charge: the charge for the initial period'),
  weekendInitialPeriod: period('weekend_initial_period', 'Weekend initial period'),
  weekendValue: value('weekend_value', 'Weekend value'),
  weekendMinimum: charge('weekend_minimum', 'Weekend minimum charge'),
  quantityRoundingIncrement: field(Type.Integer({ minimum: 1, maximum: 1000000, description: 'Quantity rounding increment (absent on create: 1)', examples: [1] }), { column: 'quantity_rounding_increment', default: 1, sortable: true }),
  variableChargeUnitSize: field(Type.Integer({ minimum: 1, maximum: 1000000, description: 'Variable charge unit size: the units a value prices, e.g. 60 seconds (absent on create: 1)', examples: [1] }), { column: 'variable_charge_unit_size', default: 1, sortable: true }),
  surchargeInitialCharge: charge('surcharge_initial_charge', 'Surcharge initial charge: the charge for the initial period'),
  surchargeInitialPeriod: period('surcharge_initial_period', 'Surcharge initial period'),
  surchargeValue: value('surcharge_value', 'Surcharge value'),
  surchargeMinimum: charge('surcharge_minimum', 'Surcharge minimum charge'),
  startDate: dateField('start_date'),
  endDate: field(Type.String({ format: 'date', description: 'End date (inclusive; none: open-ended)', examples: ['2019-08-24'] }), { column: 'end_date', filter: 'date', sortable: true, optional: true }),
}

export const usageRateResource = describeResource(usageRateFields, {
  noun: 'Usage rate',
  filters: {
    // "Filter by usage rate card" (required), and the published date filters on the rate's period.
    usageRateCardId: { column: 'usage_rate_card_id', filter: 'id', required: true },
    availableFrom: { column: 'start_date', filter: 'date' },
    availableTo: { column: 'end_date', filter: 'date' },
  },
})
