import { Type } from 'typebox'
import { idField } from '../../resources/common-fields.ts'
import { field } from '../../resources/fields.ts'
import { readIds } from '../../resources/id-lists.ts'
import { describeResource } from '../../resources/resource.ts'
import { Id } from '../../resources/schemas.ts'
import { BILL_RUN_NAME_PATTERN, sharedBillRunFields } from './bill-run.fields.ts'

/** bigint[] arrives as text; ids are answered as numbers. */

const inventoryIds = <const C extends string>(column: C, description: string) =>
  field(Type.Array(Id, { description, examples: [[1]] }), { column, access: 'read-only', read: readIds })

/**
 * An adhoc bill run's fields (Bill Run API 1.9, `adhoc-bill-runs`): a bill run outside the
 * schedule, for adhoc charges. A client creates it with a name (unique in the brand), an optional
 * nickname and the invoice date; a PATCH moves its status and may change the nickname and the
 * invoice date. The inventory lists are filled in when adhoc inventories join it (to come).
 */
export const adhocBillRunFields = {
  id: idField(),
  name: field(Type.String({ minLength: 1, maxLength: 22, pattern: BILL_RUN_NAME_PATTERN, description: 'Adhoc bill run name (unique)' }), { column: 'name', access: 'create-only', sortable: true }),
  nickname: field(Type.String({ minLength: 1, maxLength: 100, pattern: BILL_RUN_NAME_PATTERN, description: 'Adhoc bill run nickname' }), { column: 'nickname', optional: true, sortable: true }),
  created: field(Type.String({ format: 'date', description: 'Creation date' }), { column: 'created', access: 'read-only', sortable: true }),
  invoiceDate: field(Type.String({ format: 'date', description: 'Date to be shown on the invoices' }), { column: 'invoice_date', sortable: true }),
  billRunStatus: field(sharedBillRunFields.billRunStatus.schema, { ...sharedBillRunFields.billRunStatus.options, default: 'OPEN' }),
  summaryStatus: field(sharedBillRunFields.summaryStatus.schema, { ...sharedBillRunFields.summaryStatus.options, default: 'PROPERTIES' }),
  summaryStatusPercentage: sharedBillRunFields.summaryStatusPercentage,
  billingUserAdminId: sharedBillRunFields.billingUserAdminId,
  revenueInMajorCurrency: sharedBillRunFields.revenueInMajorCurrency,
  adhocProductInventoryIds: inventoryIds('adhoc_product_inventory_ids', 'Adhoc product inventory identifiers associated to the adhoc bill run'),
  rentalProductInventoryIds: inventoryIds('rental_product_inventory_ids', 'Rental product inventory identifiers associated to the adhoc bill run'),
}

export const adhocBillRunResource = describeResource(adhocBillRunFields, { noun: 'Adhoc bill run' })
