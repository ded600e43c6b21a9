import { idField } from '../../resources/common-fields.ts'
import { field } from '../../resources/fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { NameText } from '../../resources/schemas.ts'

/**
 * A usage product category's fields. The published usage product names its category
 * (`usageProductCategoryId`, a list filter), but the Products API 2.13 publishes no operation on
 * the categories themselves: they are modelled on the rental product categories' name, without the
 * dates and contract owners that rate cards need of a rental category.
 */
export const usageProductCategoryFields = {
  id: idField(),
  name: field(NameText(255, { description: 'Usage product category name, unique within the brand', examples: ['Outbound calls'] }), { column: 'name', filter: 'string', folded: true, sortable: true }),
}

export const usageProductCategoryResource = describeResource(usageProductCategoryFields, { noun: 'Usage product category' })
