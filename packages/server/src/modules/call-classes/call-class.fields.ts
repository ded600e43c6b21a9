import { Type } from 'typebox'
import { field } from '../../resources/fields.ts'
import { dateField, idField, referenceField } from '../../resources/common-fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { NameText } from '../../resources/schemas.ts'

const sourceChargeGroupField = (description: string) => referenceField('reference_data_source_charge_group_id', 'read-write', description)
const endDateField = (description: string) =>
  field(Type.String({ format: 'date', description, examples: ['2019-08-24'] }), { column: 'end_date', filter: 'date', sortable: true, optional: true })

/** A call class's fields (Reference Data API 1.12, tag `call-classes`): rates usage that no dialstring identifies. */
export const callClassFields = {
  id: idField(),
  callClass: field(NameText(50, { description: 'Call class', examples: ['NGN0800'] }), { column: 'call_class', filter: 'string', sortable: true }),
  referenceDataSourceChargeGroupId: sourceChargeGroupField('Identifier of reference data source charge group that this call class relates to'),
  startDate: dateField('start_date'),
  endDate: endDateField('Date this call class applies to'),
}

export const callClassResource = describeResource(callClassFields, { noun: 'Call class' })

/** A dialled-number prefix: digits, and the `+`, `*` and `#` a number may be dialled with. */
export const DIALSTRING_PATTERN = '^[0-9+*#]+$'

/** A dialstring's fields (tag `dialstrings`): a prefix of dialled numbers, mapped onto a source charge group. */
export const dialstringFields = {
  id: idField(),
  dialstring: field(Type.String({ minLength: 1, maxLength: 30, pattern: DIALSTRING_PATTERN, description: 'Dialstring prefix', examples: ['44113'] }), { column: 'dialstring', filter: 'string', sortable: true }),
  referenceDataSourceChargeGroupId: sourceChargeGroupField('Identifier of the linked reference data source charge group'),
  startDate: dateField('start_date'),
  endDate: endDateField('Date this dialstring applies to'),
}

export const dialstringResource = describeResource(dialstringFields, { noun: 'Dialstring' })
