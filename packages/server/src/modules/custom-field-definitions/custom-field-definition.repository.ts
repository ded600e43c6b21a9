import { resourceTable } from '../../resources/table.ts'
import { customFieldDefinitionResource } from './custom-field-definition.fields.ts'
import './custom-field-definition.table.ts'

export const customFieldDefinitions = resourceTable('custom_field_definitions', customFieldDefinitionResource, {
  unique: { custom_field_definitions_label_key: 'label' },
})
