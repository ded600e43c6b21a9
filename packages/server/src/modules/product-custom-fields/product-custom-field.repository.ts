import { resourceTable } from '../../resources/table.ts'
import { productCustomFieldResource } from './product-custom-field.fields.ts'
import './product-custom-field.table.ts'

export const productCustomFields = resourceTable('product_custom_fields', productCustomFieldResource, {
  unique: { product_custom_fields_label_key: 'label' },
  // Kept by a trigger (migration 2026_12_09_0800): a page sends it as written.
  storedResource: 'api_json',
})
