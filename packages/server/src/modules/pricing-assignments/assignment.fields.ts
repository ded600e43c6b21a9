import { Type } from 'typebox'
import { idField } from '../../resources/common-fields.ts'
import { field } from '../../resources/fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { Id, StringEnum } from '../../resources/schemas.ts'
import { levelFields, periodFields } from './levels.ts'

const idOf = (description: string) => Type.Integer({ ...Id, description })

/** The inventory item a rental assignment holds at INVENTORY level. */
export const rentalInventoryField = () =>
  field(idOf('Rental product inventory identifier: required at INVENTORY level'), {
    column: 'rental_product_inventory_id',
    access: 'create-only',
    filter: 'id',
    sortable: true,
    optional: true,
  })

/** The inventory item a usage assignment holds at INVENTORY level. */
export const usageInventoryField = () =>
  field(idOf('Usage product inventory identifier: required at INVENTORY level'), {
    column: 'usage_product_inventory_id',
    access: 'create-only',
    filter: 'id',
    sortable: true,
    optional: true,
  })

/** A rental rate card assigned to a customer, a site or a rental product inventory item (tag `rental-rate-card-assignments`). */
export const rentalRateCardAssignmentFields = {
  id: idField(),
  ...levelFields('Rate cards'),
  rentalProductInventoryId: rentalInventoryField(),
  rentalRateCardId: field(idOf('Rental rate card identifier'), { column: 'rental_rate_card_id', filter: 'id', sortable: true }),
  ...periodFields,
}

export const rentalRateCardAssignmentResource = describeResource(rentalRateCardAssignmentFields, {
  noun: 'Rental rate card assignment',
  filters: {
    // The card's category, copied from the card when it is assigned.
    rentalProductCategoryId: { column: 'rental_product_category_id', filter: 'id' },
  },
})

export const USAGE_CARD_ASSIGNMENT_TYPES = ['INVOICE', 'ADDITIONAL'] as const

/** A usage rate card assigned to a customer, a site or a usage product inventory item (tag `usage-rate-card-assignments`). */
export const usageRateCardAssignmentFields = {
  id: idField(),
  ...levelFields('Rate cards'),
  usageProductInventoryId: usageInventoryField(),
  usageRateCardId: field(idOf('Usage rate card identifier'), { column: 'usage_rate_card_id', filter: 'id', sortable: true }),
  ...periodFields,
  assignmentType: field(
    StringEnum(USAGE_CARD_ASSIGNMENT_TYPES, { description: 'INVOICE (the default) prices the invoice; ADDITIONAL rate card assignments are included in commission calculations' }),
    { column: 'assignment_type', filter: 'string', sortable: true, default: 'INVOICE' },
  ),
}

export const usageRateCardAssignmentResource = describeResource(usageRateCardAssignmentFields, {
  noun: 'Usage rate card assignment',
  filters: {
    // The card's usage product, copied from the card when it is assigned.
    usageProductId: { column: 'usage_product_id', filter: 'id' },
  },
})

/** An inclusive usage plan assigned to a customer (shared by its sites), a site or a usage product inventory item (tag `inclusive-usage-plan-assignments`). */
export const inclusiveUsagePlanAssignmentFields = {
  id: idField(),
  ...levelFields('Inclusive usage plans'),
  usageProductInventoryId: usageInventoryField(),
  inclusiveUsagePlanId: field(idOf('Inclusive usage plan identifier'), { column: 'inclusive_usage_plan_id', filter: 'id', sortable: true }),
  ...periodFields,
}

export const inclusiveUsagePlanAssignmentResource = describeResource(inclusiveUsagePlanAssignmentFields, { noun: 'Inclusive usage plan assignment' })
