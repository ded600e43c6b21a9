import { Type } from 'typebox'
import { dateField, idField, referenceField } from '../../resources/common-fields.ts'
import { field } from '../../resources/fields.ts'
import { idListField } from '../../resources/id-lists.ts'
import { describeResource } from '../../resources/resource.ts'
import { NameText, StringEnum } from '../../resources/schemas.ts'
import { rentalRateResource } from '../rental-rates/index.ts'

export const RENTAL_RATE_CARD_TYPES = ['SELL', 'TEMPLATE', 'BUY'] as const

/**
 * A rental rate card's fields (Pricing API 2.21, tag `rental-rate-cards`): "the pricing structure
 * for rental products that can be sold to Customers". SELL cards price what customers are sold,
 * BUY cards what is bought from a supplier (`supplierAccountId`), TEMPLATE cards hold rates SELL
 * cards may be based on (`basedOnTemplateId`).
 */
export const rentalRateCardFields = {
  id: idField(),
  contractOwnerIds: idListField(
    'contract_owner_ids',
    'The contract owners (billing entities) that may use the card: required for SELL and TEMPLATE cards; several must bill in one currency',
  ),
  name: field(NameText(100, { description: 'Rental rate card name', examples: ['Standard business rental'] }), { column: 'name', filter: 'string', folded: true, sortable: true }),
  rentalProductCategoryId: referenceField('rental_product_category_id', 'read-write', 'Rental product category identifier'),
  rentalRateCardType: field(
    StringEnum(RENTAL_RATE_CARD_TYPES, { description: 'BUY prices rental products bought from the supplier, SELL those sold to customers, TEMPLATE is a card other cards are linked to' }),
    { column: 'rental_rate_card_type', filter: 'string', sortable: true, access: 'create-only' },
  ),
  basedOnTemplateId: field(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'The TEMPLATE card a SELL card is based on' }), {
    column: 'based_on_template_id',
    optional: true,
  }),
  availableFrom: dateField('available_from'),
  availableTo: field(Type.String({ format: 'date', description: 'Available to (inclusive; none: open-ended)', examples: ['2019-08-24'] }), {
    column: 'available_to',
    filter: 'date',
    sortable: true,
    optional: true,
  }),
  acceptOverridesFromParents: field(Type.Boolean({ description: 'Whether overrides assigned higher in the hierarchy override the prices of this card (absent on create: true)' }), {
    column: 'accept_overrides_from_parents',
    default: true,
  }),
  supplierAccountId: field(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'The supplier account of a BUY card (BUY cards only)' }), {
    column: 'supplier_account_id',
    optional: true,
  }),
  // Last: the card's stored JSON is its other fields, these appended (`storedResource`).
  // Answered with the card; added with it (create) or by PATCHing it (`add` to `/rentalRates/-`).
  rentalRates: field(Type.Array(rentalRateResource.schema, { description: 'The rates of the card (added here; changed and deleted at /v2/rental-rates/{id}); left out of a summary' }), {
    column: 'rental_rates',
    access: 'read-only',
    optional: true,
  }),
}

export const rentalRateCardResource = describeResource(rentalRateCardFields, {
  noun: 'Rental rate card',
  // The published filter names one owner: cards whose contractOwnerIds include it.
  filters: { contractOwnerId: { column: 'contract_owner_ids', filter: 'id' } },
})

/** A new rate, as a card's create takes it. */
const NewRentalRate = rentalRateResource.createBody

/** The body of a card's create: the card, and its first rates. */
export const CreateRentalRateCardBody = Type.Object(
  { ...rentalRateCardResource.createBody.properties, rentalRates: Type.Optional(Type.Array(NewRentalRate, { maxItems: 1000, description: 'The first rates of the card' })) },
  { additionalProperties: false },
)
