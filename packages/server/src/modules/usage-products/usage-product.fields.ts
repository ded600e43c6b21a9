import { Type } from 'typebox'
import { dateField, idField } from '../../resources/common-fields.ts'
import { field } from '../../resources/fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { Id, NameText, StringEnum, Text } from '../../resources/schemas.ts'

export const USAGE_DIRECTIONS = ['INBOUND', 'OUTBOUND'] as const

const flag = (description: string) => field(Type.Boolean({ description: `${description} (absent on create: false)` }), { default: false })
const Regex = (description: string, example: string) => Type.String({ maxLength: 255, description, examples: [example] })

/** A custom field's value on a product, by its label. */
const CustomFieldValue = Type.Object(
  {
    id: Type.Optional(Type.Integer({ ...Id, description: 'Custom field identifier' })),
    label: Text(100, { description: 'Custom field label' }),
    value: Text(255, { description: 'Custom field value' }),
  },
  { additionalProperties: false },
)

/**
 * A usage product's fields (Products API 2.13, tag `usage-products`: "a product that is billed
 * based on its usage, such as calls or data"), in the published order. Its references (telephone
 * numbers, service ids) are validated on the inventory by the two formats, so they are checked to
 * compile on every save.
 */
export const usageProductFields = {
  id: idField(),
  name: field(NameText(255, { description: 'Usage product name', examples: ['UK outbound calls'] }), { column: 'name', filter: 'string', folded: true, sortable: true }),
  nominalCode: field(Type.String({ minLength: 1, maxLength: 50, pattern: '^[a-zA-Z0-9\\p{L}.\\-_]*$', description: 'Nominal code', examples: ['SALES-01QTR2'] }), {
    column: 'nominal_code',
    filter: 'string',
    sortable: true,
    optional: true,
  }),
  usageProductCategoryId: field(Type.Integer({ ...Id, description: 'Usage product category identifier', examples: [1] }), { column: 'usage_product_category_id', filter: 'id', sortable: true }),
  direction: field(StringEnum(USAGE_DIRECTIONS, { description: 'Usage product direction' }), { column: 'direction', sortable: true }),
  performLocalAndNationalCheck: flag('Perform local and national check'),
  availableFrom: dateField('available_from'),
  availableTo: field(Type.String({ format: 'date', description: 'Product is available to (none: open-ended)', examples: ['2019-08-24'] }), {
    column: 'available_to',
    filter: 'date',
    sortable: true,
    optional: true,
  }),
  productReferenceCanBeRange: flag('Product reference can be range'),
  serviceIdRequired: flag('Service id is required on usage product inventories'),
  customFields: field(Type.Array(CustomFieldValue, { maxItems: 100, description: 'Custom field values' }), { default: [] }),
  productReferenceFormat: field(Regex('Regular expression used to validate product references on usage product inventories', '[0-9]{3,11}')),
  serviceIdFormat: field(Regex('Regular expression used to validate service ids on usage product inventories', '[a-zA-Z0-9\\-]{3,100}'), { optional: true }),
}

export const usageProductResource = describeResource(usageProductFields, { noun: 'Usage product' })
