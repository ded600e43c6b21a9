import { Type } from 'typebox'
import { dateField, idField, referenceField } from '../../resources/common-fields.ts'
import { DecimalNumber } from '../../resources/decimal.ts'
import { field } from '../../resources/fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { DateString, Id, NameText, StringEnum, Text } from '../../resources/schemas.ts'
import { PERIODS_IN_ADVANCE, RENTAL_PRICE, RENTAL_RATE_FREQUENCIES, RENTAL_RATE_TYPES } from '../rental-rates/index.ts'

/** A quantity of usage (seconds, megabytes, events): 0 to 999999999 with up to 4 decimal places. */
const USAGE_QUANTITY = { precision: 13, scale: 4, minimum: '0', maximum: '999999999' }
const OptionalId = (description: string) => Type.Integer({ ...Id, description })
/** A value allowance in the minor unit (pence), as usage charges: 0 to 999999999 with up to 6 decimal places. */
const VALUE_IN_PENCE = { precision: 15, scale: 6, minimum: '0', maximum: '999999999' }

export const COMPONENT_TYPES = ['VALUE', 'QUANTITY'] as const
export const CHARGING_TYPES = ['DURATION', 'DATA', 'ONEOFF'] as const
export const TIMEBANDS = ['PEAK', 'OFFPEAK', 'WEEKEND'] as const

/** The id of a nested item: the server's (kept when the item is sent back with it, new otherwise). */
const ItemId = Type.Optional(Type.Integer({ ...Id, description: 'Server-assigned identifier (kept when sent back unchanged)' }))
const item = <P extends Parameters<typeof Type.Object>[0]>(properties: P, description: string) =>
  Type.Object({ id: ItemId, ...properties }, { additionalProperties: false, description })

/** What a component's allowance covers: time bands, charge groups, charge group categories, dial strings. */
const Timeband = item({ timeband: StringEnum(TIMEBANDS, { description: 'A time band the allowance covers' }) }, 'A time band of the component')
const ComponentChargeGroup = item({ chargeGroupId: Type.Integer({ ...Id, description: 'Charge group identifier' }) }, 'A charge group the allowance covers')
const ComponentChargeGroupCategory = item({ chargeGroupCategoryId: Type.Integer({ ...Id, description: 'Charge group category identifier' }) }, 'A charge group category the allowance covers')
const DialString = item(
  {
    dialString: Type.String({ minLength: 1, maxLength: 50, pattern: '^[0-9+*#]+$', description: 'A dialled number, or its prefix', examples: ['0800'] }),
    isWholeNumber: Type.Optional(Type.Boolean({ description: 'The whole number (true) or a prefix of numbers (false, when left out)' })),
  },
  'A dial string the allowance covers',
)

/**
 * An inclusive usage component ("500 free minutes to UK National or Local calls"): a QUANTITY
 * allowance (`quantity` of seconds, megabytes or events) or a VALUE allowance (`valueInPence`),
 * covering the usage of its time bands, charge groups, charge group categories and dial strings.
 */
export const InclusiveUsageComponent = item(
  {
    description: Type.Optional(Text(100, { description: 'Description' })),
    componentType: StringEnum(COMPONENT_TYPES, { description: 'VALUE: an allowance of money (valueInPence); QUANTITY: an allowance of usage (quantity)' }),
    chargingType: StringEnum(CHARGING_TYPES, { description: 'What the allowance counts: call duration, data, or one-off events' }),
    quantity: Type.Optional(DecimalNumber(USAGE_QUANTITY, { description: 'The allowance of a QUANTITY component (seconds, megabytes or events)' })),
    valueInPence: Type.Optional(DecimalNumber(VALUE_IN_PENCE, { description: 'The allowance of a VALUE component, in the minor unit' })),
    timebands: Type.Optional(Type.Array(Timeband, { maxItems: 3 })),
    chargeGroups: Type.Optional(Type.Array(ComponentChargeGroup, { maxItems: 1000 })),
    chargeGroupCategories: Type.Optional(Type.Array(ComponentChargeGroupCategory, { maxItems: 1000 })),
    dialStrings: Type.Optional(Type.Array(DialString, { maxItems: 1000 })),
  },
  'An inclusive usage component: an allowance and the usage it covers',
)

/** A recurring charge of a bolt-on plan, dated, as the usage rate cards' bolt-on charges. */
export const InclusiveUsageBoltOnCharge = item(
  {
    price: DecimalNumber(RENTAL_PRICE, { description: 'The recurring price of the bolt on' }),
    rentalRateType: Type.Optional(StringEnum(RENTAL_RATE_TYPES)),
    periodsInAdvance: Type.Optional(StringEnum(PERIODS_IN_ADVANCE)),
    rentalRateFrequency: Type.Optional(StringEnum(RENTAL_RATE_FREQUENCIES)),
    showOnInvoice: Type.Optional(Type.Boolean()),
    startDate: DateString,
    endDate: Type.Optional(DateString),
  },
  'A recurring charge of a bolt-on plan',
)

/**
 * An inclusive usage plan's fields (Pricing API 2.21, tag `inclusive-usage-plans`): "an inclusive
 * bundle that can be sold to a Customer, for example 500 free minutes to UK National or Local
 * calls", of one contract owner and one usage product.
 */
export const inclusiveUsagePlanFields = {
  id: idField(),
  contractOwnerId: referenceField('contract_owner_id', 'create-only', 'Contract owner identifier'),
  name: field(NameText(100, { description: 'Inclusive usage plan name', examples: ['500 UK minutes'] }), { column: 'name', filter: 'string', folded: true, sortable: true }),
  usageProductId: field(OptionalId('Usage product identifier'), { column: 'usage_product_id', filter: 'id', sortable: true }),
  availableFrom: dateField('available_from'),
  availableTo: field(Type.String({ format: 'date', description: 'Available to (inclusive; none: open-ended)', examples: ['2019-08-24'] }), { column: 'available_to', filter: 'date', sortable: true, optional: true }),
  boltOn: field(Type.Boolean({ description: 'Bolt on flag (absent on create: false)' }), { default: false }),
  taxBandId: field(OptionalId('Tax band identifier'), { column: 'tax_band_id', filter: 'id', sortable: true, optional: true }),
  nominalCode: field(Type.String({ minLength: 1, maxLength: 50, pattern: '^[a-zA-Z0-9\\p{L}.\\-_]*$', description: 'Nominal code', examples: ['SALES-01QTR2'] }), { optional: true }),
  inclusiveUsageComponents: field(Type.Array(InclusiveUsageComponent, { maxItems: 100, description: 'The allowances of the plan' }), { optional: true }),
  boltOnCharges: field(Type.Array(InclusiveUsageBoltOnCharge, { maxItems: 100, description: 'The recurring charges of a bolt-on plan (boltOn true) over time' }), { optional: true }),
  rolloverPeriods: field(Type.Integer({ minimum: 0, maximum: 120, description: 'Roll over period: the periods unused allowance is carried over' }), { optional: true }),
  triggerChargeId: field(OptionalId('The rental product the first qualifying event charges (an RPI is created); the next, once the allowance is used up'), { optional: true }),
  supplierAccountId: field(OptionalId('The supplier account of the triggered rental product (required when triggerChargeId is set)'), { optional: true }),
  frequency: field(StringEnum(['MONTHLY', 'DAILY', 'WEEKLY'] as const, { description: 'The period of the plan (required when triggerChargeId is set)' }), { optional: true }),
  minQualifyingQuantity: field(DecimalNumber(USAGE_QUANTITY, { description: 'The least quantity an event must have to be deducted from the allowance' }), { optional: true }),
  maxPerEventQuantity: field(DecimalNumber(USAGE_QUANTITY, { description: 'Events over this quantity are split: the first part from the allowance, the rest rated as normal' }), { optional: true }),
}

export const inclusiveUsagePlanResource = describeResource(inclusiveUsagePlanFields, { noun: 'Inclusive usage plan' })
