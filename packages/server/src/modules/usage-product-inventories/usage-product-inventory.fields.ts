import { Type } from 'typebox'
import { dateField, idField, referenceField } from '../../resources/common-fields.ts'
import { DecimalNumber, decimalFieldOptions } from '../../resources/decimal.ts'
import { field } from '../../resources/fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { DateString, Email, Id, NameText, Text } from '../../resources/schemas.ts'

/** A product reference or service id as published (`[a-zA-Z0-9\p{L}\s()@&.,-_£|]{4,100}`), anchored, the hyphen literal (as on RPIs). */
const Reference = (description: string) =>
  Type.String({ minLength: 4, maxLength: 100, pattern: '^[a-zA-Z0-9\\p{L}\\s()@&.,\\-_£|]{4,100}$', description, examples: ['01132345678'] })

/** Minor currency units (pence for GBP), exact to two places. */
const UsageCap = (description: string) => DecimalNumber({ precision: 12, scale: 2, minimum: '0' }, { description: `${description}, in minor currency units (pence for GBP, cents for EUR/USD)` })

const flag = (column: string, description: string, value: boolean) => field(Type.Boolean({ description: `${description} (absent on create: ${value})` }), { column, default: value })

/**
 * A usage product reference (UPR): an identifier of a UPI (a telephone number), dated within it.
 * Without dates it runs from the UPI's start; one of a UPI's references is its primary one at
 * any time. `id` is the server's: a PATCH of the UPI keeps the references whose ids it keeps.
 */
export const UsageProductReference = Type.Object(
  {
    id: Type.Optional(Type.Integer({ ...Id, description: 'Product reference identifier (the server’s; keep it in a PATCH to change that reference)' })),
    productReference: Reference('Product reference; must match the usage product’s productReferenceFormat'),
    primary: Type.Optional(Type.Boolean({ description: 'The primary reference (main billing number); when none is, the first one is made primary' })),
    label: Type.Optional(NameText(255, { description: 'Label' })),
    startDate: Type.Optional(Type.String({ format: 'date', description: 'Start date (absent: the UPI’s startDate)' })),
    endDate: Type.Optional(Type.String({ format: 'date', description: 'End date' })),
    userId: Type.Optional(Text(100, { description: 'User id' })),
    userEmail: Type.Optional(Email),
    costCentreCode: Type.Optional(Text(100, { description: 'Cost centre code' })),
    departmentCode: Type.Optional(Text(100, { description: 'Department code' })),
    notes: Type.Optional(Text(1000, { description: 'Notes' })),
  },
  { additionalProperties: false },
)

/** Column of each reference field, for reading them inside their UPI and writing them. */
export const REFERENCE_COLUMNS = {
  id: 'id',
  productReference: 'product_reference',
  primary: 'is_primary',
  label: 'label',
  startDate: 'start_date',
  endDate: 'end_date',
  userId: 'user_id',
  userEmail: 'user_email',
  costCentreCode: 'cost_centre_code',
  departmentCode: 'department_code',
  notes: 'notes',
} as const

/**
 * A usage product inventory (Product Inventory API 2.24, tag `usage-product-inventories`): a
 * usage product on a site between two dates, charged from the usage rated against its product
 * references. Fields in the published order; the references live in a table of their own.
 */
export const usageProductInventoryFields = {
  id: idField(),
  siteId: referenceField('site_id', 'create-only', 'Site identifier'),
  usageProductId: referenceField('usage_product_id', 'create-only', 'Usage product identifier'),
  startDate: dateField('start_date'),
  endDate: field(DateString, { column: 'end_date', filter: 'date', sortable: true, optional: true }),
  supplierAccountId: field(Type.Integer({ ...Id, description: 'Supplier account identifier' }), { column: 'supplier_account_id', sortable: true, optional: true }),
  billByServiceId: flag('bill_by_service_id', 'Bill by service id', false),
  serviceId: field(Reference('Service id; the usage product may require it and give its format'), { column: 'service_id', filter: 'string', sortable: true, optional: true }),
  billable: flag('billable', 'Billable charge', true),
  inFlightOrder: flag('in_flight_order', 'In-flight order', false),
  externalOrderReference: field(NameText(100, { description: 'External order reference' }), { optional: true }),
  externalNetworkOrderReference: field(NameText(100, { description: 'External network order reference' }), { optional: true }),
  pendingEndDate: field(DateString, { column: 'pending_end_date', optional: true }),
  usageCapEnabled: flag('usage_cap_enabled', 'Usage cap enabled', false),
  defaultUsageCap: field(UsageCap('Default usage cap amount'), { ...decimalFieldOptions('default_usage_cap'), optional: true }),
  overrideUsageCap: field(UsageCap('Override of the default usage cap, for a while'), { ...decimalFieldOptions('override_usage_cap'), optional: true }),
  applySurcharges: flag('apply_surcharges', 'Apply the surcharge of rates with a surchargeValue above 0', false),
  productReferences: field(Type.Array(UsageProductReference, { minItems: 1, maxItems: 100, description: 'The UPI’s product references (at least one)' }), { column: 'product_references' }),
}

export const usageProductInventoryResource = describeResource(usageProductInventoryFields, {
  noun: 'Usage product inventory',
  // The published filters on the references: UPIs with a reference that matches.
  filters: {
    productReference: { column: 'usage_product_references.product_reference', filter: 'string' },
    label: { column: 'usage_product_references.label', filter: 'string' },
  },
})

/** A reference on its own (`PATCH /v2/usage-product-references/{productReferenceId}`). */
export const usageProductReferenceFields = {
  id: idField(),
  productReference: field(Reference('Product reference; must match the usage product’s productReferenceFormat'), { column: 'product_reference' }),
  primary: field(Type.Boolean({ description: 'The primary reference (main billing number)' }), { column: 'is_primary' }),
  label: field(NameText(255, { description: 'Label' }), { column: 'label', optional: true }),
  startDate: field(DateString, { column: 'start_date' }),
  endDate: field(DateString, { column: 'end_date', optional: true }),
  userId: field(Text(100, { description: 'User id' }), { column: 'user_id', optional: true }),
  userEmail: field(Email, { column: 'user_email', optional: true }),
  costCentreCode: field(Text(100, { description: 'Cost centre code' }), { column: 'cost_centre_code', optional: true }),
  departmentCode: field(Text(100, { description: 'Department code' }), { column: 'department_code', optional: true }),
  notes: field(Text(1000, { description: 'Notes' }), { column: 'notes', optional: true }),
}

export const usageProductReferenceResource = describeResource(usageProductReferenceFields, { noun: 'Usage product reference' })
