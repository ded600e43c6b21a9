import { Type } from 'typebox'
import { dateField, idField, referenceField } from '../../resources/common-fields.ts'
import { DecimalNumber } from '../../resources/decimal.ts'
import { field } from '../../resources/fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { Id, NameText, StringEnum } from '../../resources/schemas.ts'

/** A quantity of usage (seconds, megabytes, events): 0 to 999999999 with up to 4 decimal places. */
const USAGE_QUANTITY = { precision: 13, scale: 4, minimum: '0', maximum: '999999999' }
const OptionalId = (description: string) => Type.Integer({ ...Id, description })

/**
 * An inclusive usage plan's fields (Pricing API 2.21, tag `inclusive-usage-plans`): "an inclusive
 * bundle that can be sold to a Customer, for example 500 free minutes to UK National or Local
 * calls", of one contract owner and one usage product.
 */
export const inclusiveUsagePlanFields = {
  id: idField(),
  contractOwnerId: referenceField('contract_owner_id', 'create-only', 'Contract owner identifier'),
  name: field(NameText(100, { description: 'Inclusive usage plan name', examples: ['500 UK minutes'] }), { column: 'name', filter: 'string', sortable: true }),
  usageProductId: field(OptionalId('Usage product identifier'), { column: 'usage_product_id', filter: 'id', sortable: true }),
  availableFrom: dateField('available_from'),
  availableTo: field(Type.String({ format: 'date', description: 'Available to (inclusive; none: open-ended)', examples: ['2019-08-24'] }), { column: 'available_to', filter: 'date', sortable: true, optional: true }),
  boltOn: field(Type.Boolean({ description: 'Bolt on flag (absent on create: false)' }), { default: false }),
  taxBandId: field(OptionalId('Tax band identifier'), { column: 'tax_band_id', filter: 'id', sortable: true, optional: true }),
  nominalCode: field(Type.String({ minLength: 1, maxLength: 50, pattern: '^[a-zA-Z0-9\\p{L}.\\-_]*$', description: 'Nominal code', examples: ['SALES-01QTR2'] }), { optional: true }),
  rolloverPeriods: field(Type.Integer({ minimum: 0, maximum: 120, description: 'Roll over period: the periods unused allowance is carried over' }), { optional: true }),
  triggerChargeId: field(OptionalId('The rental product the first qualifying event charges (an RPI is created); the next, once the allowance is used up'), { optional: true }),
  supplierAccountId: field(OptionalId('The supplier account of the triggered rental product (required when triggerChargeId is set)'), { optional: true }),
  frequency: field(StringEnum(['MONTHLY', 'DAILY', 'WEEKLY'] as const, { description: 'The period of the plan (required when triggerChargeId is set)' }), { optional: true }),
  minQualifyingQuantity: field(DecimalNumber(USAGE_QUANTITY, { description: 'The least quantity an event must have to be deducted from the allowance' }), { optional: true }),
  maxPerEventQuantity: field(DecimalNumber(USAGE_QUANTITY, { description: 'Events over this quantity are split: the first part from the allowance, the rest rated as normal' }), { optional: true }),
}

export const inclusiveUsagePlanResource = describeResource(inclusiveUsagePlanFields, { noun: 'Inclusive usage plan' })
