import { idField } from '../../resources/common-fields.ts'
import { field } from '../../resources/fields.ts'
import { idListField } from '../../resources/id-lists.ts'
import { describeResource } from '../../resources/resource.ts'
import { NameText, StringEnum } from '../../resources/schemas.ts'

/** The levels of a product custom field: "usage, rental products and rental product inventories". */
export const PRODUCT_ENTITY_LEVELS = ['USAGE_PRODUCT', 'RENTAL_PRODUCT', 'RENTAL_PRODUCT_INVENTORY'] as const

/**
 * A product custom field's fields (Products API 2.13, tag `custom-fields`: "custom fields can be
 * added to usage or rental products or to rental product inventory lines"), as published: its
 * label, its level, and the product categories it applies to (usage product categories for
 * `USAGE_PRODUCT`, rental product categories for the rental levels).
 */
export const productCustomFieldFields = {
  id: idField(),
  label: field(NameText(100, { description: 'Display label for the custom field, unique within its entity level', examples: ['Circuit reference'] }), {
    column: 'label',
    filter: 'string',
    sortable: true,
  }),
  productCategoryIds: idListField('product_category_ids', 'The product categories whose products carry the field (empty: every category of its kind)'),
  entityLevel: field(StringEnum(PRODUCT_ENTITY_LEVELS, { description: 'The records the field is added to; fixed once created' }), {
    column: 'entity_level',
    filter: 'enum',
    sortable: true,
    access: 'create-only',
  }),
}

export const productCustomFieldResource = describeResource(productCustomFieldFields, {
  noun: 'Product custom field',
  // Published: the fields that apply to a category (its list holds the id).
  filters: { productCategoryId: { column: 'product_category_ids', filter: 'id' } },
})
