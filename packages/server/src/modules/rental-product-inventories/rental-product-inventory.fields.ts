import { Type } from 'typebox'
import { dateField, idField, referenceField } from '../../resources/common-fields.ts'
import { field } from '../../resources/fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { Address, DateString, Email, Id, NameText, Text } from '../../resources/schemas.ts'

/**
 * A product reference as published (`^$|[a-zA-Z0-9\p{L}\s()@&.,-_£|]{4,100}`), anchored, with the
 * hyphen taken literally: the published class's `,-_` reads as a range (`,` to `_`, which lets in
 * `<`, `>`, `;`, …), which is taken to be a slip. The product's own format is checked on top.
 */
export const ProductReference = (description: string) =>
  Type.String({ minLength: 4, maxLength: 100, pattern: '^[a-zA-Z0-9\\p{L}\\s()@&.,\\-_£|]{4,100}$', description, examples: ['01132345678'] })

const optional = { optional: true } as const
const text = (maxLength: number, description: string) => field(Text(maxLength, { description }), { optional: true })
const name = (maxLength: number, description: string) => field(NameText(maxLength, { description }), { optional: true })
/** A flag whose default, when a create leaves it out, is the rental product's (published: "Default value … when creating rental product inventories"). */
const productDefault = (column: string, description: string) => field(Type.Boolean({ description: `${description} (absent on create: the rental product's default)` }), { column, defaulted: true })
const flag = (column: string, description: string, value: boolean) => field(Type.Boolean({ description: `${description} (absent on create: ${value})` }), { column, default: value })

/** A custom field's value on an RPI (custom fields of entity level RENTAL_PRODUCT_INVENTORY). */
export const InventoryCustomField = Type.Object(
  {
    id: Type.Optional(Type.Integer({ ...Id, description: 'Custom field identifier' })),
    label: Text(100, { description: 'Custom field label' }),
    value: Text(255, { description: 'Custom field value' }),
  },
  { additionalProperties: false },
)

/**
 * A rental product inventory (Product Inventory API 2.24, tag `rental-product-inventories`): a
 * rental product on a site between two dates, the billable asset a bill run charges for. Fields
 * in the published order. The site, product and parent are fixed once created (end it and add
 * another instead); what billing reads has a column, the rest lives in `details`.
 */
export const rentalProductInventoryFields = {
  id: idField(),
  siteId: referenceField('site_id', 'create-only', 'Site identifier'),
  rentalProductId: referenceField('rental_product_id', 'create-only', 'Rental product identifier'),
  parentRentalProductInventoryId: field(Type.Integer({ ...Id, description: 'Parent rental product inventory identifier (required for a FEATURE)' }), {
    column: 'parent_rental_product_inventory_id',
    access: 'create-only',
    sortable: true,
    optional: true,
  }),
  invoicePresentationProductName: field(NameText(255, { description: 'Product name as presented on invoice' }), { column: 'invoice_presentation_product_name', filter: 'string', sortable: true }),
  supplierAccountId: field(Type.Integer({ ...Id, description: 'Supplier account identifier' }), { column: 'supplier_account_id', filter: 'id', sortable: true }),
  startDate: dateField('start_date'),
  endDate: field(DateString, { column: 'end_date', filter: 'date', sortable: true, optional: true }),
  invoiceFrequency: field(Type.Integer({ minimum: 1, maximum: 24, description: 'Bill periods each invoice line covers: 3 on a monthly cycle is one line every three months' }), { column: 'invoice_frequency' }),
  quantity: field(Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'Quantity' }), { column: 'quantity' }),
  productReference: field(ProductReference('Product reference; the rental product may require it and give its format'), { column: 'product_reference', filter: 'string', sortable: true, optional: true }),
  additionalProductReference: field(ProductReference('Additional product reference (links an ISDN RPI to its UPI); the rental product may require it and give its format'), {
    column: 'additional_product_reference',
    filter: 'string',
    sortable: true,
    optional: true,
  }),
  label: name(255, 'Label'),
  treatStartAsWholePeriod: flag('treat_start_as_whole_period', 'Charge the first period whole, not pro-rated', false),
  treatEndAsWholePeriod: flag('treat_end_as_whole_period', 'Charge the last period whole, not pro-rated', false),
  contractStartDate: field(DateString, { column: 'contract_start_date', optional: true }),
  userId: text(100, 'User id'),
  userEmail: field(Email, optional),
  costCentreCode: text(100, 'Cost centre code'),
  departmentCode: text(100, 'Department code'),
  featureNumber: text(100, 'Feature number'),
  nominalCode: field(Type.String({ minLength: 1, maxLength: 50, pattern: '^[a-zA-Z0-9\\p{L}.\\-_]*$', description: 'Nominal code', examples: ['SALES-01QTR2'] }), { column: 'nominal_code', optional: true }),
  notes: text(1000, 'Notes'),
  billable: flag('billable', 'Billable charge', true),
  inFlightOrder: flag('in_flight_order', 'In-flight order: not billed until the order completes', false),
  billInitialChargesImmediately: productDefault('bill_initial_charges_immediately', 'Bill initial charges immediately'),
  alignedToStart: productDefault('aligned_to_start', 'Periods aligned to the start date'),
  alignedToBillPeriod: productDefault('aligned_to_bill_period', 'Periods aligned to the bill period'),
  externalOrderReference: name(100, 'External order reference'),
  externalNetworkOrderReference: name(100, 'External network order reference'),
  pendingEndDate: field(DateString, { column: 'pending_end_date', optional: true }),
  forceBilling: field(Type.Boolean({ description: 'Bill forceBillPeriods periods even after the end date (absent on create: the rental product forceBillPeriods > 0)' }), { column: 'force_billing', defaulted: true }),
  forceBillPeriods: field(Type.Integer({ minimum: 0, maximum: 731, description: 'Periods billed when forceBilling (absent on create: the rental product forceBillPeriods)' }), { column: 'force_bill_periods', defaulted: true }),
  installationAddress: field(Address, optional),
  customFields: field(Type.Array(InventoryCustomField, { maxItems: 100, description: 'Custom field values' }), { default: [] }),
}

export const rentalProductInventoryResource = describeResource(rentalProductInventoryFields, { noun: 'Rental product inventory' })
