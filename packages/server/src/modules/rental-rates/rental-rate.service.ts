import type { Actor } from '../../auth/actor.ts'
import type { Database, TenantTransaction } from '../../db/database.ts'
import { assertValid, type FieldError } from '../../errors.ts'
import type { ListRequest } from '../../lists/list-query.ts'
import { notFound, readUseCases, visibleRecord } from '../../resources/crud.ts'
import { dateOrderErrors } from '../../resources/dates.ts'
import type { CreateOf, DocumentOf } from '../../resources/fields.ts'
import type { PatchRequest } from '../../resources/patch.ts'
import { assertNoOverlap, type Period } from '../../resources/periods.ts'
import { assertBrandWideWriter } from '../../resources/scope.ts'
import { patchStored } from '../../resources/versioned.ts'
import { lookUpOne } from '../../resources/lookups.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import { rentalProductsAmong } from '../rental-products/index.ts'
import type { rentalRateFields } from './rental-rate.fields.ts'
import { cardOfRate, lockAndTouchCard, productNameConditions, rentalRates, seriesPeriods } from './rental-rate.repository.ts'

export { rentalRateRows } from './rental-rate.repository.ts'

export type RentalRateDocument = DocumentOf<typeof rentalRateFields>
export type NewRentalRate = CreateOf<typeof rentalRateFields>

const NOUN = 'Rental rate'

/**
 * The published rules of a rate, every error at once: `rentalRateType` and `rentalRateFrequency`
 * are required when `rentalRatePriceType` is RENTAL, `periodsInAdvance` when `rentalRateType` is
 * ADVANCE; an end date not before the start. `at` prefixes the fields (a card's `rentalRates[0].`).
 */
export function rentalRateRuleErrors(rate: Pick<RentalRateDocument, 'rentalRatePriceType' | 'rentalRateType' | 'periodsInAdvance' | 'rentalRateFrequency' | 'startDate' | 'endDate'>, at = ''): FieldError[] {
  const errors: FieldError[] = []
  if (rate.rentalRatePriceType === 'RENTAL') {
    if (rate.rentalRateType === undefined) errors.push({ field: `${at}rentalRateType`, code: 'required', message: 'is required when rentalRatePriceType is RENTAL' })
    if (rate.rentalRateFrequency === undefined) errors.push({ field: `${at}rentalRateFrequency`, code: 'required', message: 'is required when rentalRatePriceType is RENTAL' })
  }
  if (rate.rentalRateType === 'ADVANCE' && rate.periodsInAdvance === undefined) {
    errors.push({ field: `${at}periodsInAdvance`, code: 'required', message: 'is required when rentalRateType is ADVANCE' })
  }
  for (const error of dateOrderErrors(rate.startDate, rate.endDate, 'endDate', 'startDate')) errors.push({ ...error, field: `${at}${error.field}` })
  return errors
}

/** One series of a card's rates: the rates of one product at one price type (a product may have a RENTAL and a ONEOFF rate at once). */
type Series = { rentalProductId: number; rentalRatePriceType: string }
const seriesKey = (rate: Series) => `${rate.rentalProductId}/${rate.rentalRatePriceType}`

/**
 * Adds rates to a card, in the caller's transaction (the card's create or PATCH): each checked by
 * the published rules (400, every error at once, fields named `rentalRates[i].…`), then against
 * the card's other rates of its series and each other (409 `overlapping_period`). The card is
 * locked and its version bumped first (but a card created in the same transaction). Products that
 * do not exist are 400 `invalid_reference` (one query for all of them). Schema errors are the caller's (the body schema, or
 * `validateNewRates`).
 */
export async function addRentalRates(trx: TenantTransaction, cardId: number, rates: readonly NewRentalRate[], at: (index: number) => string, { newCard = false } = {}): Promise<void> {
  if (rates.length === 0) return
  assertValid(rates.flatMap((rate, index) => rentalRateRuleErrors(rate, at(index))))
  const products = new Set(((await lookUpOne(trx, rentalProductsAmong([...new Set(rates.map((rate) => rate.rentalProductId))]))) ?? []).map(Number))
  const references = new ReferenceErrors()
  rates.forEach((rate, index) => references.expect(products.has(rate.rentalProductId), `${at(index)}rentalProductId`, `rental product ${rate.rentalProductId} does not exist`))
  references.throwIfAny()
  // A card created in this transaction is the caller's alone, and starts at version 1.
  if (!newCard && !(await lockAndTouchCard(trx, cardId))) throw notFound('Rental rate card', cardId)
  const seen = new Map<string, Array<Period & { id: number }>>()
  for (const rate of rates) {
    const key = seriesKey(rate)
    let others = seen.get(key)
    if (others === undefined) {
      others = await seriesPeriods(trx, cardId, rate.rentalProductId, rate.rentalRatePriceType, undefined)
      seen.set(key, others)
    }
    assertNoOverlap(NOUN, rate, others)
    // A new rate has no id yet: the message names the new one it meets by its dates.
    others.push({ id: 0, startDate: rate.startDate, endDate: rate.endDate ?? null })
  }
  await rentalRates.insertMany(trx, rates, { rental_rate_card_id: cardId })
}

/** Field errors of rates that did not come through a body schema (a JSON Patch `add`), named `rentalRates[i].…`. */
export function validateNewRates(rates: readonly unknown[], at: (index: number) => string): FieldError[] {
  return rates.flatMap((rate, index) => rentalRates.description.validateDocument(rate).map((error) => ({ ...error, field: `${at(index)}${error.field}` })))
}

/**
 * Rental rates: listed by their card (required), read, changed (JSON Patch) and deleted here;
 * created with or through their card. Brand-wide like their cards.
 */
export function rentalRateUseCases(db: Database) {
  const reads = readUseCases(db, rentalRates, () => [])
  return {
    list: (actor: Actor, list: ListRequest) => reads.list(actor, { ...list, conditions: productNameConditions(list.conditions) }),
    get: reads.get,
    update: (actor: Actor, id: number, patch: PatchRequest) =>
      db.withTenant(actor.brandId, async (trx) => {
        const cardId = await cardOfRate(trx, id)
        if (cardId === undefined) throw notFound(NOUN, id)
        assertBrandWideWriter(actor, 'Rental rates')
        await lockAndTouchCard(trx, cardId)
        const current = await visibleRecord(trx, rentalRates, [], id, true)
        return patchStored(rentalRates.description, current, patch, async (rate) => {
          assertValid(rentalRateRuleErrors(rate))
          assertNoOverlap(NOUN, rate, await seriesPeriods(trx, cardId, rate.rentalProductId, rate.rentalRatePriceType, id))
          return rentalRates.update(trx, current, rate)
        })
      }),
    remove: (actor: Actor, id: number, ifMatch?: readonly number[]) =>
      db.withTenant(actor.brandId, async (trx) => {
        const cardId = await cardOfRate(trx, id)
        if (cardId === undefined) throw notFound(NOUN, id)
        assertBrandWideWriter(actor, 'Rental rates')
        await lockAndTouchCard(trx, cardId)
        if (!(await rentalRates.remove(trx, id, [], ifMatch))) throw notFound(NOUN, id)
      }),
  }
}
