import { Type } from 'typebox'
import { field } from '../../resources/fields.ts'
import { dateField, idField, jsonText, referenceField } from '../../resources/common-fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { CurrencyCode, NameText } from '../../resources/schemas.ts'

/** The locale a source's data is in: its id, and the currency its prices are given in. */
export const Locale = Type.Object(
  {
    id: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'Locale identifier', examples: [0] }),
    currencyCode: Type.Optional({ ...CurrencyCode, description: 'ISO 4217 3-character currency code' }),
    majorCurrencyName: Type.Optional(NameText(10, { description: 'Name of major currency', examples: ['pounds'] })),
    minorCurrencyName: Type.Optional(NameText(10, { description: 'Name of minor currency', examples: ['pence'] })),
    majorCurrencyFormat: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'Format to use when displaying major currency', examples: ['£#,##0.00'] })),
  },
  { additionalProperties: false, description: 'The locale of the source’s data' },
)

/**
 * A reference data source's fields (Reference Data API 1.12, tag `reference-data-sources`): its
 * name, locale and whether Elevate maintains it (`siMaintained`: then the API does not change it).
 */
export const sourceFields = {
  id: idField(),
  name: field(NameText(255, { description: 'Reference data source name', examples: ['Internal numbering plan'] }), { column: 'name', filter: 'string', sortable: true }),
  locale: field(Locale, { column: 'locale', write: jsonText, optional: true }),
  siMaintained: field(Type.Boolean({ description: 'Maintained only by Elevate (true; the API does not change it) or externally (false: every source created through the API)' }), {
    column: 'si_maintained',
    filter: 'boolean',
    access: 'read-only',
  }),
}

export const sourceResource = describeResource(sourceFields, {
  noun: 'Reference data source',
  filters: { locale: { column: 'locale_id', filter: 'number' } },
})

/**
 * A reference data source charge group's fields (tag `reference-data-source-charge-groups`): a
 * source's own charge group, by code, mapped onto one of the brand's charge groups.
 */
export const sourceChargeGroupFields = {
  id: idField(),
  name: field(NameText(255, { description: 'Name of the reference data source charge group', examples: ['UK Local'] }), { column: 'name', filter: 'string', sortable: true }),
  code: field(NameText(50, { description: 'The source’s code for it, unique within the source', examples: ['UKL'] }), { column: 'code', filter: 'string', sortable: true }),
  chargeGroupId: referenceField('charge_group_id', 'read-write', 'The charge group it maps onto'),
  referenceDataSourceId: referenceField('reference_data_source_id', 'read-write', 'The reference data source it belongs to'),
  startDate: dateField('start_date'),
  endDate: field(Type.String({ format: 'date', description: 'Date this reference data source charge group applies to', examples: ['2019-08-24'] }), {
    column: 'end_date',
    filter: 'date',
    sortable: true,
    optional: true,
  }),
}

export const sourceChargeGroupResource = describeResource(sourceChargeGroupFields, { noun: 'Reference data source charge group' })
