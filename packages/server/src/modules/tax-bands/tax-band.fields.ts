import { Type } from 'typebox'
import { field } from '../../resources/fields.ts'
import { dateField, idField, referenceField } from '../../resources/common-fields.ts'
import { DecimalNumber, decimalFieldOptions } from '../../resources/decimal.ts'
import { describeResource } from '../../resources/resource.ts'
import { NameText } from '../../resources/schemas.ts'

/**
 * A tax band's fields (Reference Data API 1.12, tag `tax-bands`): its code and name, whether it is
 * the brand's default band and the band of early termination charges. No timestamps: the
 * published tax band has none.
 */
export const taxBandFields = {
  id: idField(),
  code: field(NameText(10, { description: 'Default tax code for this band, e.g. T1 for standard UK rated transactions', examples: ['T1'] }), { column: 'code', filter: 'string', sortable: true }),
  name: field(NameText(50, { description: 'Name of the tax band', examples: ['Standard'] }), { column: 'name', filter: 'string', folded: true, sortable: true }),
  defaultBand: field(Type.Boolean({ description: 'This is the default tax band to use; setting it on one band clears it on the others' }), { column: 'default_band', filter: 'boolean' }),
  usedForEtc: field(Type.Boolean({ description: 'This tax band is used for early termination charges; setting it on one band clears it on the others (absent on create: false)' }), {
    column: 'used_for_etc',
    filter: 'boolean',
    default: false,
  }),
}

export const taxBandResource = describeResource(taxBandFields, { noun: 'Tax band' })

/** A percentage rate: 0 to 100 with up to 4 decimal places (17.5, 20, 5.0000). */
export const TAX_RATE = { precision: 7, scale: 4, minimum: '0', maximum: '100' }

/**
 * A tax band's rate over a period (`tax-band-rates`, modelled on the published `currency-rates`):
 * the percentage that applies from `startDate` to `endDate` (inclusive; none: open-ended). The
 * rates of one band never overlap.
 */
export const taxBandRateFields = {
  id: idField(),
  taxBandId: referenceField('tax_band_id', 'create-only', 'The tax band this rate belongs to'),
  rate: field(DecimalNumber(TAX_RATE, { description: 'The tax rate, in percent', examples: [20] }), decimalFieldOptions('rate')),
  startDate: dateField('start_date'),
  endDate: field(Type.String({ format: 'date', description: 'The last date the rate applies (none: until further notice)', examples: ['2019-08-24'] }), { column: 'end_date', filter: 'date', sortable: true, optional: true }),
}

export const taxBandRateResource = describeResource(taxBandRateFields, { noun: 'Tax band rate' })
