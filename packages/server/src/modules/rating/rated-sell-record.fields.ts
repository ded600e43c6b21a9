import { Type, type TSchema } from 'typebox'
import { DecimalNumber, decimalNumber } from '../../resources/decimal.ts'
import { field, type FieldOptions } from '../../resources/fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { DateString, Id, StringEnum } from '../../resources/schemas.ts'

/** Every field of a rated record is the server's: rating writes them, the API reads them. */
const readOnly = <S extends TSchema, const O extends FieldOptions>(schema: S, options: O) => field(schema, { ...options, access: 'read-only' as const })
const id = (description: string) => Type.Integer({ ...Id, description })

/** The published price types of a rated sell record: a recurring rental's charge period, or a one-off charge. */
export const PRICE_TYPES = ['Rental', 'OneOff'] as const

/**
 * A rental rated sell record (Rental API 1.6, `getRentalRatedSell`): one charge rating made for
 * an RPI in a bill run or adhoc bill run. The published sample is the rated buy record's with a
 * sell price; the names below follow it (docs/modules/rating.md). `sellPrice` is the rated net
 * amount of the charge (prorated, × qty, rounded to the minor unit).
 */
export const ratedSellRecordFields = {
  id: readOnly(Id, { column: 'id', sortable: true }),
  rentalProductInventoryId: readOnly(id('Rental product inventory identifier'), { column: 'rental_product_inventory_id', filter: 'id', sortable: true }),
  customerId: readOnly(id('Customer identifier'), { column: 'customer_id', filter: 'id', sortable: true }),
  siteId: readOnly(id('Site identifier'), { column: 'site_id', filter: 'id', sortable: true }),
  billRunId: readOnly(id('Bill run identifier (a scheduled bill run)'), { column: 'bill_run_id', filter: 'id', sortable: true, optional: true }),
  adhocBillRunId: readOnly(id('Adhoc bill run identifier'), { column: 'adhoc_bill_run_id', filter: 'id', sortable: true, optional: true }),
  billRunName: readOnly(Type.String({ description: 'Name of the bill run (or adhoc bill run)' }), { column: 'bill_run_name' }),
  billRunStatus: readOnly(Type.String({ description: 'Status of the bill run (or adhoc bill run)', examples: ['CLOSED'] }), { column: 'bill_run_status' }),
  creationDate: readOnly(DateString, { column: 'creation_date', sortable: true }),
  chargeStartDate: readOnly(DateString, { column: 'charge_start_date', sortable: true }),
  chargeEndDate: readOnly(DateString, { column: 'charge_end_date', sortable: true }),
  sellPrice: readOnly(DecimalNumber({ precision: 15, scale: 2 }, { description: 'The rated net amount of the charge, before tax', examples: [10.97] }), { column: 'amount', read: decimalNumber, sortable: true }),
  priceType: readOnly(StringEnum(PRICE_TYPES, { description: 'Price type: Rental (a charge period) or OneOff' }), { column: 'charge_type', filter: 'string', sortable: true }),
  qty: readOnly(DecimalNumber({ precision: 15, scale: 4 }, { description: 'Quantity', examples: [1] }), { column: 'quantity', read: decimalNumber }),
  productReference: readOnly(Type.String({ description: 'Product reference (main billing number) of the RPI' }), { column: 'product_reference', filter: 'string', sortable: true, optional: true }),
  invoicePresentationName: readOnly(Type.String({ description: 'Invoice presentation name (description)' }), { column: 'description', filter: 'string', sortable: true }),
}

export const ratedSellRecordResource = describeResource(ratedSellRecordFields, { noun: 'Rental rated sell record', versioned: false })
