import { Type } from 'typebox'
import { idField, referenceField } from '../../resources/common-fields.ts'
import { DecimalNumber, decimalFieldOptions } from '../../resources/decimal.ts'
import { field } from '../../resources/fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { Id, NameText, StringEnum } from '../../resources/schemas.ts'

/** The published PaymentMethod enum (Product Inventory API 2.27). */
export const PAYMENT_METHODS = [
  'CHEQUE', 'DIRECT_DEBIT', 'CANCELLED_DD', 'CANCELLED_CARD', 'CREDIT_CARD', 'PAYPAL', 'BACS', 'POST_OFFICE_PAYMENT_CARD', 'EZYPAY', 'GO_CARDLESS',
  'GC_INSTANT_BANK_PAYMENTS', 'STRIPE', 'STRIPE_CARD', 'STRIPE_DD', 'FINASTRA', 'FAST_PAY', 'OTHER',
] as const

/** Prices in major currency units, exact to 4 places; negative for a discount or refund. */
const Price = (description: string) => DecimalNumber({ precision: 14, scale: 4, minimum: '-9999999999', maximum: '9999999999' }, { description, examples: [49.99] })
const flag = (column: string, description: string) => field(Type.Boolean({ description: `${description} (absent on create: false)` }), { column, default: false })

/**
 * An adhoc inventory (Product Inventory API, tag `adhoc-inventories`): a one-off charge,
 * discount or refund on a site, billed in the site's next bill run or, with `billImmediately`, in
 * an adhoc bill run. Fields in the published order (2.27, with the invoice group tag). The bill
 * run that billed it is the server's; once billed it no longer changes.
 */
export const adhocInventoryFields = {
  id: idField(),
  siteId: referenceField('site_id', 'create-only', 'Site identifier'),
  name: field(NameText(255, { description: 'Name', examples: ['Router'] }), { column: 'name', filter: 'string', folded: true, sortable: true }),
  supplierAccountId: field(Type.Integer({ ...Id, description: 'Supplier account identifier' }), { column: 'supplier_account_id', sortable: true }),
  buyPrice: field(Price('Buy price, in major currency units'), { ...decimalFieldOptions('buy_price'), optional: true }),
  sellPrice: field(Price('Sell price, in major currency units; negative for a discount'), decimalFieldOptions('sell_price')),
  billImmediately: flag('bill_immediately', 'Bill immediately, in an adhoc bill run'),
  isCredit: flag('is_credit', 'Raise a credit note (requires billImmediately)'),
  creditReason: field(Type.String({ minLength: 1, maxLength: 255, description: 'Reason for credit' }), { optional: true }),
  paid: flag('paid', 'Already paid'),
  paymentTerms: field(Type.Integer({ minimum: 0, maximum: 365, description: 'Payment terms in days' }), { optional: true }),
  paymentType: field(StringEnum(PAYMENT_METHODS, { description: 'Payment method' }), { optional: true }),
  quantity: field(DecimalNumber({ precision: 12, scale: 4, minimum: '0.0001', maximum: '99999999' }, { description: 'Quantity', examples: [1] }), decimalFieldOptions('quantity')),
  rentalProductCategoryId: referenceField('rental_product_category_id', 'read-write', 'Rental product category identifier'),
  taxBandId: field(Type.Integer({ ...Id, description: 'Tax band identifier' }), { column: 'tax_band_id', sortable: true }),
  nominalCode: field(Type.String({ minLength: 1, maxLength: 50, pattern: '^[a-zA-Z0-9\\p{L}.\\-_]*$', description: 'Nominal code', examples: ['SALES-01QTR2'] }), { column: 'nominal_code', optional: true }),
  invoiceGroupTagLabelId: field(Type.Integer({ ...Id, description: 'Invoice group tag label identifier; with invoiceGroupTagValue, groups bill-immediately charges into one invoice per tag' }), {
    column: 'invoice_group_tag_label_id',
    optional: true,
  }),
  invoiceGroupTagValue: field(Type.String({ minLength: 1, maxLength: 255, pattern: '\\S', description: 'Invoice group tag value (not blank); with invoiceGroupTagLabelId', examples: ['Sales Division'] }), {
    column: 'invoice_group_tag_value',
    optional: true,
  }),
  billRunId: field(Type.Integer({ ...Id, description: 'The bill run that billed it (the server’s)' }), { column: 'bill_run_id', access: 'read-only', filter: 'id', sortable: true, optional: true }),
  adhocBillRunId: field(Type.Integer({ ...Id, description: 'The adhoc bill run that billed it, if billed immediately (the server’s)' }), {
    column: 'adhoc_bill_run_id',
    access: 'read-only',
    filter: 'id',
    sortable: true,
    optional: true,
  }),
}

export const adhocInventoryResource = describeResource(adhocInventoryFields, { noun: 'Adhoc inventory' })
