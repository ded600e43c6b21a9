import { Type } from 'typebox'
import { field } from '../../resources/fields.ts'
import { dateField, idField, referenceField } from '../../resources/common-fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { NameText, StringEnum } from '../../resources/schemas.ts'

/** An optional end date in a column of its own, filterable and sortable (none: open-ended). */
const endDateField = (description: string) =>
  field(Type.String({ format: 'date', description, examples: ['2019-08-24'] }), { column: 'end_date', filter: 'date', sortable: true, optional: true })

/** What a category's charges are counted in: time, data (MB), or once per event. */
export const CHARGING_UNIT_TYPES = ['DURATION', 'DATA', 'ONE_OFF'] as const

/** A charge group category's fields (Reference Data API 1.12, tag `charge-groups`). */
export const chargeGroupCategoryFields = {
  id: idField(),
  name: field(NameText(255, { description: 'Charge group category name', examples: ['Calls to UK landlines'] }), { column: 'name', filter: 'string', folded: true, sortable: true }),
  chargingUnitType: field(StringEnum(CHARGING_UNIT_TYPES, { description: 'Charging unit: duration, data (MB) or one off' }), { column: 'charging_unit_type' }),
  startDate: dateField('start_date'),
  endDate: endDateField('Date this charge group category applies to'),
}

export const chargeGroupCategoryResource = describeResource(chargeGroupCategoryFields, { noun: 'Charge group category' })

export const CHARGE_GROUP_TYPES = ['NATIONAL', 'LOCAL', 'GENERAL'] as const

/** A charge group's fields (Reference Data API 1.12, tag `charge-groups`); the four flags are off unless asked for. */
export const chargeGroupFields = {
  id: idField(),
  name: field(NameText(255, { description: 'Charge group name', examples: ['UK landline daytime'] }), { column: 'name', filter: 'string', folded: true, sortable: true }),
  chargeGroupCategoryId: referenceField('charge_group_category_id', 'read-write', 'Identifier of category that this charge group belongs to'),
  type: field(StringEnum(CHARGE_GROUP_TYPES, { description: 'Type of charge group i.e. NATIONAL, LOCAL or GENERAL' }), { column: 'type', filter: 'enum', optional: true }),
  startDate: dateField('start_date'),
  endDate: endDateField('Date this charge group applies to'),
  requiresAccessCharge: field(Type.Boolean({ description: 'Indicates that this charge group has an access charge' }), { default: false }),
  dontShowOnItemisation: field(Type.Boolean({ description: 'Indicator to control charges from this charge group showing on itemisation or not' }), { default: false }),
  applicableForDrcVat: field(Type.Boolean({ description: 'Indicates that charges in this charge group are applicable for VAT DRC (Domestic Reverse Charge)' }), { default: false }),
  applyUsageCap: field(Type.Boolean({ description: 'Indicator to control whether a usage cap should be applied or not' }), { default: false }),
  taxBandId: field(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Identifier of tax band to apply for this charge group' }), {
    column: 'tax_band_id',
    filter: 'id',
    optional: true,
  }),
}

export const chargeGroupResource = describeResource(chargeGroupFields, { noun: 'Charge group' })
