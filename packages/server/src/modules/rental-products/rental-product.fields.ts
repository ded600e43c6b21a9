import { Type } from 'typebox'
import { dateField, idField } from '../../resources/common-fields.ts'
import { field } from '../../resources/fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { Id, NameText, StringEnum, Text } from '../../resources/schemas.ts'

export const RENTAL_PRODUCT_TYPES = ['PRODUCT', 'FEATURE', 'EVENT'] as const

const flag = (description: string) => field(Type.Boolean({ description: `${description} (absent on create: false)` }), { default: false })
const reference = (column: string, description: string) => field(Type.Integer({ ...Id, description, examples: [1] }), { column, sortable: true })

/** A custom field's value on a product, by its label. */
export const CustomFieldValue = Type.Object(
  {
    id: Type.Optional(Type.Integer({ ...Id, description: 'Custom field identifier' })),
    label: Text(100, { description: 'Custom field label' }),
    value: Text(255, { description: 'Custom field value' }),
  },
  { additionalProperties: false },
)

/** Regular expressions are at most 50 characters, as published. */
const Regex = (description: string, example: string) => Type.String({ maxLength: 50, description, examples: [example] })

/**
 * A rental product's fields (Products API 2.13, tag `rental-products`: "a product or service that
 * is billed on a fixed charge; for example, a broadband service, connection or site visit"), in
 * the published order. Features and events hang under a parent product; each product is bought
 * from a supplier and taxed in a tax band. The two reference formats are regular expressions the
 * inventory will validate references with, so they are checked to compile on every save.
 */
export const rentalProductFields = {
  id: idField(),
  rentalProductCategoryId: reference('rental_product_category_id', 'Rental product category identifier'),
  productType: field(StringEnum(RENTAL_PRODUCT_TYPES, { description: 'Rental product type' }), { column: 'product_type', filter: 'string', sortable: true }),
  name: field(NameText(255, { description: 'Product name', examples: ['FTTP 900'] }), { column: 'name', filter: 'string', folded: true, sortable: true }),
  invoicePresentationName: field(NameText(255, { description: 'Invoice presentation name', examples: ['Full fibre broadband 900 Mb'] }), { column: 'invoice_presentation_name' }),
  parentRentalProductId: field(Type.Integer({ ...Id, description: 'Parent rental product identifier', examples: [1] }), { column: 'parent_rental_product_id', sortable: true, optional: true }),
  supplierId: field(Type.Integer({ ...Id, description: 'Supplier identifier', examples: [1] }), { column: 'supplier_id', filter: 'id', sortable: true }),
  supplierProductNames: field(Type.Array(Text(255), { maxItems: 100, description: 'Mapping name(s) used by the supplier in their invoice file' }), { default: [] }),
  taxBandId: reference('tax_band_id', 'Tax band identifier'),
  availableFrom: dateField('available_from'),
  nominalCode: field(Type.String({ minLength: 1, maxLength: 50, pattern: '^[a-zA-Z0-9\\p{L}.\\-_]*$', description: 'Nominal code', examples: ['SALES-01QTR2'] }), {
    column: 'nominal_code',
    filter: 'string',
    sortable: true,
    optional: true,
  }),
  availableTo: field(Type.String({ format: 'date', description: 'Product is available to this date (none: open-ended)', examples: ['2019-08-24'] }), {
    column: 'available_to',
    filter: 'date',
    sortable: true,
    optional: true,
  }),
  doNotProRate: flag('Do not pro rate'),
  alignedToStart: flag('Default value for alignedToStart when creating rental product inventories'),
  alignedToBillPeriod: flag('Default value for alignedToBillPeriod when creating rental product inventories'),
  billInitialChargesImmediately: flag('Default value for billInitialChargesImmediately when creating rental product inventories'),
  forceBillPeriods: field(
    Type.Integer({ minimum: 0, maximum: 731, description: 'Default value for forceBillPeriods when creating rental product inventories; 0: forceBilling false (absent on create: 0)', examples: [1] }),
    { default: 0 },
  ),
  additionalProductReferenceRequired: flag('Additional product reference is required on rental product inventories'),
  additionalProductReferenceFormat: field(Regex('Regular expression (regex) used to validate the additional product reference on rental product inventories', '[a-zA-Z0-9]{4,15}'), { optional: true }),
  linkedUsageProductId: field(Type.Integer({ ...Id, description: 'Linked usage product identifier', examples: [1] }), { optional: true }),
  productReferenceRequired: flag('Product reference is required on rental product inventories'),
  productReferenceFormat: field(Regex('Regular expression (regex) used to validate the product reference on rental product inventories', '.*'), { optional: true }),
  productReferenceMayBeDDIRange: flag('The product reference may be a DDI range'),
  generateWhenParentCreated: flag('Generate a rental product inventory of this product when one of its parent is created'),
  customFields: field(Type.Array(CustomFieldValue, { maxItems: 100, description: 'Custom field values' }), { default: [] }),
}

export const rentalProductResource = describeResource(rentalProductFields, { noun: 'Rental product' })
