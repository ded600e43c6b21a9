import { field } from '../../resources/fields.ts'
import { idField } from '../../resources/common-fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { CurrencyCode, NameText } from '../../resources/schemas.ts'

/**
 * A currency's fields (Reference Data API 1.12, tag `currencies`): its name, ISO 4217 code and the
 * names of its major and minor units (1..10 characters, as published). No timestamps: the
 * published currency has none.
 */
export const currencyFields = {
  id: idField(),
  name: field(NameText(50, { description: 'Currency name', examples: ['Pound Sterling'] }), { column: 'name', filter: 'string', folded: true, sortable: true }),
  code: field(CurrencyCode, { column: 'code', filter: 'string', sortable: true }),
  majorCurrencyName: field(NameText(10, { description: 'Major currency name, e.g. pounds', examples: ['pounds'] }), { column: 'major_currency_name' }),
  minorCurrencyName: field(NameText(10, { description: 'Minor currency name, e.g. pence', examples: ['pence'] }), { column: 'minor_currency_name' }),
}

export const currencyResource = describeResource(currencyFields, { noun: 'Currency' })
