import type { Actor } from '../../auth/actor.ts'
import type { Database, TenantTransaction } from '../../db/database.ts'
import { assertValid, type FieldError } from '../../errors.ts'
import type { Condition } from '../../lists/filters.ts'
import { leaveOut, type ListRequest } from '../../lists/list-query.ts'
import { summarised } from '../../resources/summary.ts'
import { brandWideRules, crudUseCases } from '../../resources/crud.ts'
import { dateOrderErrors } from '../../resources/dates.ts'
import type { DocumentOf } from '../../resources/fields.ts'
import type { PatchRequest } from '../../resources/patch.ts'
import { assertBrandWideWriter } from '../../resources/scope.ts'
import { patchStored } from '../../resources/versioned.ts'
import { splitAppendedChildren } from '../../resources/appended-children.ts'
import { visibleRecord } from '../../resources/crud.ts'
import { expectIds } from '../../resources/id-lists.ts'
import { lookUp } from '../../resources/lookups.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import type { Stored } from '../../resources/table.ts'
import { billingCycleCurrencies } from '../billing-cycles/index.ts'
import { contractOwnersAmong } from '../contract-owners/index.ts'
import { rentalProductCategoryLookup } from '../rental-product-categories/index.ts'
import { supplierAccountExists } from '../suppliers/index.ts'
import type { Static } from 'typebox'
import { addRentalRates, validateNewRates, type NewRentalRate } from '../rental-rates/index.ts'
import type { CreateRentalRateCardBody, rentalRateCardFields } from './rental-rate-card.fields.ts'
import { contractOwnerConditions, rentalRateCardTypeLookup, rentalRateCards } from './rental-rate-card.repository.ts'

export { contractOwnerConditions, sellRentalRateCardCategoryLookup } from './rental-rate-card.repository.ts'

type CardDocument = DocumentOf<typeof rentalRateCardFields>

/** The published rules of a card's shape: owners for SELL and TEMPLATE, a supplier account on BUY only, a template under SELL only. */
function shapeErrors(card: CardDocument): FieldError[] {
  const errors = dateOrderErrors(card.availableFrom, card.availableTo, 'availableTo', 'availableFrom')
  const type = card.rentalRateCardType
  if (type !== 'BUY' && (card.contractOwnerIds ?? []).length === 0) {
    errors.push({ field: 'contractOwnerIds', code: 'required', message: `must name at least one contract owner for a ${type} rate card` })
  }
  if (type !== 'BUY' && card.supplierAccountId !== undefined) {
    errors.push({ field: 'supplierAccountId', code: 'invalid_value', message: 'is for BUY rate cards only' })
  }
  if (type !== 'SELL' && card.basedOnTemplateId !== undefined) {
    errors.push({ field: 'basedOnTemplateId', code: 'invalid_value', message: 'is for SELL rate cards only' })
  }
  return errors
}

/**
 * "Different currencies cannot be mixed": a card's contract owners must bill in one currency (the
 * currency of their billing cycles). One owner alone may bill in any.
 */
export async function currencyErrors(trx: TenantTransaction, ownerIds: readonly number[]): Promise<FieldError[]> {
  if (ownerIds.length < 2) return []
  const currencies = await billingCycleCurrencies(trx, ownerIds)
  if (currencies.length <= 1) return []
  return [{ field: 'contractOwnerIds', code: 'invalid_value', message: `must bill in one currency: their billing cycles bill in ${currencies.join(', ')}` }]
}

async function check(trx: TenantTransaction, _actor: Actor, card: CardDocument, current: Stored<unknown> | undefined): Promise<void> {
  const shape = shapeErrors(card)
  assertValid(shape)
  const references = new ReferenceErrors()
  const ownerIds = card.contractOwnerIds ?? []
  const template = card.basedOnTemplateId
  const found = await lookUp(trx, {
    owners: contractOwnersAmong(ownerIds),
    category: rentalProductCategoryLookup(card.rentalProductCategoryId),
    ...(template === undefined ? {} : { type: rentalRateCardTypeLookup(template) }),
  })
  expectIds(ownerIds, found.owners, references, 'contractOwnerIds', 'contract owner')
  references.expect(found.category !== undefined, 'rentalProductCategoryId', `rental product category ${card.rentalProductCategoryId} does not exist`)
  if (template !== undefined) {
    const self = current === undefined ? undefined : Number(current.row.id)
    if (found.type !== 'TEMPLATE' || template === self) references.add('basedOnTemplateId', `rental rate card ${template} is not a TEMPLATE rate card of the brand`)
  }
  if (card.supplierAccountId !== undefined) {
    references.expect(await supplierAccountExists(trx, card.supplierAccountId), 'supplierAccountId', `supplier account ${card.supplierAccountId} does not exist`)
  }
  references.throwIfAny()
  assertValid(await currencyErrors(trx, ownerIds))
}

/**
 * Rental rate cards: brand-wide pricing (every user reads them; users restricted to a contract
 * owner do not write them). The list's `contractOwnerId` matches any of a card's owners.
 */
export function rentalRateCardUseCases(db: Database) {
  const crud = crudUseCases(db, rentalRateCards, brandWideRules('Rental rate cards', check))
  return {
    ...crud,
    list: async (actor: Actor, list: ListRequest, summary = false) => {
      const listed = { ...list, conditions: contractOwnerConditions(list.conditions) }
      return crud.list(actor, summary ? leaveOut(listed, rentalRateCards.description.list, RATES) : listed)
    },
    get: async (actor: Actor, id: number, summary = false) => summarised(await crud.get(actor, id), summary, RATES),
    exists: (actor: Actor, conditions: Condition[]) => crud.exists(actor, contractOwnerConditions(conditions)),
    /** A card with its first rates, in one transaction. */
    create: (actor: Actor, body: Static<typeof CreateRentalRateCardBody>) =>
      db.withTenant(actor.brandId, async (trx) => {
        const { rentalRates: rates = [], ...card } = body
        assertBrandWideWriter(actor, 'Rental rate cards')
        await check(trx, actor, card, undefined)
        const created = await rentalRateCards.insert(trx, card)
        if (rates.length === 0) return created
        const id = Number(created.row.id)
        await addRentalRates(trx, id, rates, atRate, { newCard: true })
        return (await rentalRateCards.find(trx, id, []))!
      }),
    /**
     * JSON Patch of the card; an `add` to `/rentalRates/-` (or past its last rate) adds a rate, as
     * published ("rental rates can only be added here"). Any other change to the rates is 400.
     */
    update: async (actor: Actor, id: number, patch: PatchRequest, summary = false) =>
      summarised(await db.withTenant(actor.brandId, async (trx) => {
        const current = await visibleRecord(trx, rentalRateCards, [], id, true)
        assertBrandWideWriter(actor, 'Rental rate cards')
        const { rest, added } = splitAppendedChildren(patch, 'rentalRates', (current.resource.rentalRates ?? []).length, '/v2/rental-rates/{id}')
        const saved = await patchStored(rentalRateCards.description, current, rest, async (card) => {
          await check(trx, actor, card, current)
          return rentalRateCards.update(trx, current, card)
        })
        if (added.length === 0) return saved
        assertValid(validateNewRates(added, atRate))
        await addRentalRates(trx, id, added as NewRentalRate[], atRate)
        return (await rentalRateCards.find(trx, id, []))!
      }), summary, RATES),
  }
}


/** The published `summary`: "a lightweight summary of each rental rate card", the card without its rates. */
const RATES = ['rentalRates'] as const

const atRate = (index: number) => `rentalRates[${index}].`
