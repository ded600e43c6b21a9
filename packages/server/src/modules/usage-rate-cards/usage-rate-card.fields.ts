import { Type } from 'typebox'
import { dateField, idField } from '../../resources/common-fields.ts'
import { DecimalNumber } from '../../resources/decimal.ts'
import { field } from '../../resources/fields.ts'
import { idListField } from '../../resources/id-lists.ts'
import { describeResource } from '../../resources/resource.ts'
import { DateString, Id, NameText, StringEnum, Text } from '../../resources/schemas.ts'
import { usageRateResource } from '../usage-rates/index.ts'

/** A usage charge in the minor unit (pence): 0 to 999999999 with up to 6 decimal places. */
export const USAGE_CHARGE = { precision: 15, scale: 6, minimum: '0', maximum: '999999999' }
/** A bolt-on's recurring price, as rental prices: ±9999999 with up to 4 decimal places. */
const BOLT_ON_PRICE = { precision: 11, scale: 4, minimum: '-9999999', maximum: '9999999' }

const OptionalId = (description: string) => Type.Integer({ ...Id, description })
const Dated = { startDate: DateString, endDate: Type.Optional(DateString) }

const AccessCharge = Type.Object({ charge: DecimalNumber(USAGE_CHARGE, { description: 'Access charge' }), ...Dated }, { additionalProperties: false })
const TimeBandPlan = Type.Object(
  { timeBandPlanId: OptionalId('Time band plan identifier'), name: Type.Optional(Text(100)), ...Dated },
  { additionalProperties: false },
)
const BoltOnCharge = Type.Object(
  {
    price: DecimalNumber(BOLT_ON_PRICE, { description: 'The recurring price of the bolt on' }),
    rentalRateType: Type.Optional(StringEnum(['ADVANCE', 'ARREARS'] as const)),
    periodsInAdvance: Type.Optional(StringEnum(['STANDARD', 'ADVANCEDPLUSONEMONTH'] as const)),
    rentalRateFrequency: Type.Optional(StringEnum(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'QUARTERLY', 'SIXMONTHS', 'TWENTYFOURMONTHS'] as const)),
    showOnInvoice: Type.Optional(Type.Boolean()),
    ...Dated,
  },
  { additionalProperties: false },
)

/**
 * A usage rate card's fields (Pricing API 2.21, tag `usage-rate-cards`): "the pricing structure
 * for usage that can be sold to Customers", for one usage product. What the list filters has a
 * column; the pricing settings and the dated charges live in `details`.
 */
export const usageRateCardFields = {
  id: idField(),
  contractOwnerIds: idListField('contract_owner_ids', 'The contract owners (billing entities) that have access to the card: at least one; several must bill in one currency'),
  name: field(NameText(50, { description: 'Usage rate card name', examples: ['UK calls'] }), { column: 'name', filter: 'string', folded: true, sortable: true }),
  rateCardType: field(StringEnum(['TEMPLATE', 'SELL', 'BUY'] as const, { description: 'BUY prices usage bought from the supplier, SELL usage sold to customers, TEMPLATE a card other cards are linked to (absent on create: SELL)' }), {
    column: 'rate_card_type',
    filter: 'string',
    sortable: true,
    default: 'SELL',
  }),
  availableFrom: dateField('available_from'),
  availableTo: field(Type.String({ format: 'date', description: 'Available to (inclusive; none: open-ended)', examples: ['2019-08-24'] }), { column: 'available_to', filter: 'date', sortable: true, optional: true }),
  usageProductId: field(OptionalId('Usage product identifier'), { column: 'usage_product_id', filter: 'id', sortable: true }),
  supplierId: field(OptionalId('Supplier identifier'), { column: 'supplier_id', filter: 'id', sortable: true, optional: true }),
  decimalPlaces: field(Type.Integer({ minimum: 0, maximum: 6, description: 'The decimal places usage prices are calculated to (4: 1.0045 pence)', examples: [4] })),
  priceRoundingStyle: field(StringEnum(['UP', 'DOWN', 'MATHEMATICAL'] as const, { description: 'How each priced call is rounded to decimalPlaces (absent on create: MATHEMATICAL)' }), { default: 'MATHEMATICAL' }),
  defaultMinCharge: field(DecimalNumber(USAGE_CHARGE, { description: 'Default minimum charge, in the minor unit', examples: [5] })),
  roundAccessChargeFirstMinute: field(Type.Boolean({ description: 'Round the first minute of a call priced by access charges' }), { default: false }),
  boltOn: field(Type.Boolean({ description: 'A bolt on: the card incurs a recurring charge (boltOnCharges)' }), { default: false }),
  boltOnTaxBandId: field(OptionalId('The tax band of the bolt-on charge'), { optional: true }),
  nominalCode: field(Text(50, { description: 'Nominal code' }), { optional: true }),
  applyCrossTimeBandCharging: field(Type.Boolean({ description: 'Price a call crossing time bands by each band' }), { default: false }),
  defaultQuantityRoundingIncrement: field(Type.Integer({ minimum: 1, maximum: 1000000, description: 'Default quantity rounding increment' }), { optional: true }),
  defaultVariableChargeUnitSize: field(Type.Integer({ minimum: 1, maximum: 1000000, description: 'Default variable charge unit size' }), { optional: true }),
  timeBandPlans: field(Type.Array(TimeBandPlan, { maxItems: 100, description: 'The time band plans of the card over time' }), { optional: true }),
  accessCharges: field(Type.Array(AccessCharge, { maxItems: 100, description: 'Access charges over time' }), { optional: true }),
  boltOnCharges: field(Type.Array(BoltOnCharge, { maxItems: 100, description: 'The recurring charges of a bolt on over time' }), { optional: true }),
  // Answered with the card; added with it (create) or by PATCHing it (`add` to `/usageRates/-`).
  usageRates: field(Type.Array(usageRateResource.schema, { description: 'The rates of the card (added here; changed and deleted at /v2/usage-rates/{id}); left out of a summary' }), {
    column: 'usage_rates',
    access: 'read-only',
    optional: true,
  }),
}

export const usageRateCardResource = describeResource(usageRateCardFields, {
  noun: 'Usage rate card',
  filters: { contractOwnerId: { column: 'contract_owner_ids', filter: 'id' } },
})


/** The body of a card's create: the card, and its first rates. */
export const CreateUsageRateCardBody = Type.Object(
  { ...usageRateCardResource.createBody.properties, usageRates: Type.Optional(Type.Array(usageRateResource.createBody, { maxItems: 1000, description: 'The first rates of the card' })) },
  { additionalProperties: false },
)
