import { Type } from 'typebox'
import { field } from '../../resources/fields.ts'
import { idField, timestampField } from '../../resources/common-fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { StringEnum } from '../../resources/schemas.ts'

/** The records a custom field can be defined for (published `CustomFieldEntityLevel`). */
export const ENTITY_LEVELS = ['USAGE_PRODUCT', 'RENTAL_PRODUCT', 'RENTAL_PRODUCT_INVENTORY', 'SITE', 'CUSTOMER'] as const

// The published label's characters: letters, digits, spaces and its punctuation (the class is cut
// off in the published page after `*`; `.` and the rest of NameText's are taken as well).
const LABEL_PATTERN = "^[\\p{L}\\p{M}\\p{N}\\s%£€$@&#=':;`’,|!_—–\\-()\\[\\]{}/\\\\+.?*\"~^<>]+$"

/** A custom field definition's fields (elevate-api.md §4.2, CustomFieldDefinition). */
export const customFieldDefinitionFields = {
  id: idField(),
  label: field(Type.String({ minLength: 1, maxLength: 100, pattern: LABEL_PATTERN, description: 'Display label for the custom field', examples: ['Additional field definition label'] }), {
    column: 'label',
    sortable: true,
  }),
  entityLevel: field(StringEnum(ENTITY_LEVELS, { description: 'The entity level the custom field applies to; fixed once created' }), {
    column: 'entity_level',
    filter: 'enum',
    sortable: true,
    access: 'create-only',
  }),
  createdDate: timestampField('created_date', 'sort'),
  updatedDate: timestampField('updated_date', 'sort'),
}

export const customFieldDefinitionResource = describeResource(customFieldDefinitionFields, { noun: 'Custom field definition' })
