import type { Actor } from '../../auth/actor.ts'
import type { Database, TenantTransaction } from '../../db/database.ts'
import { assertValid, type FieldError } from '../../errors.ts'
import { notFound, readUseCases, visibleRecord } from '../../resources/crud.ts'
import { dateOrderErrors } from '../../resources/dates.ts'
import type { CreateOf, DocumentOf } from '../../resources/fields.ts'
import { expectIds } from '../../resources/id-lists.ts'
import { lookUpOne } from '../../resources/lookups.ts'
import type { PatchRequest } from '../../resources/patch.ts'
import { assertNoOverlap, type Period } from '../../resources/periods.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import { assertBrandWideWriter } from '../../resources/scope.ts'
import { patchStored } from '../../resources/versioned.ts'
import { chargeGroupsAmong } from '../charge-groups/index.ts'
import type { usageRateFields } from './usage-rate.fields.ts'
import { cardOfRate, lockAndTouchCard, seriesPeriods, usageRates } from './usage-rate.repository.ts'

export { usageRateRows } from './usage-rate.repository.ts'

export type NewUsageRate = CreateOf<typeof usageRateFields>
type UsageRateDocument = DocumentOf<typeof usageRateFields>

const NOUN = 'Usage rate'

/** The rules of a rate the schema cannot state: an end date not before the start. `at` prefixes the fields (`usageRates[0].`). */
function ruleErrors(rate: Pick<UsageRateDocument, 'startDate' | 'endDate'>, at = ''): FieldError[] {
  return dateOrderErrors(rate.startDate, rate.endDate, `${at}endDate`, `${at}startDate`)
}

/**
 * Adds rates to a usage rate card, in the caller's transaction (the card's create or PATCH): each
 * checked by the rules (400, every error at once, fields named `usageRates[i].…`), their charge
 * groups in one query (400 `invalid_reference`), then against the card's other rates of their
 * charge group and each other (409 `overlapping_period`). The card is locked and its version
 * bumped first (but a card created in the same transaction).
 */
export async function addUsageRates(trx: TenantTransaction, cardId: number, rates: readonly NewUsageRate[], at: (index: number) => string, { newCard = false } = {}): Promise<void> {
  if (rates.length === 0) return
  assertValid(rates.flatMap((rate, index) => ruleErrors(rate, at(index))))
  const groups = [...new Set(rates.map((rate) => rate.chargeGroupId))]
  const found = new Set(((await lookUpOne(trx, chargeGroupsAmong(groups))) ?? []).map(Number))
  const references = new ReferenceErrors()
  rates.forEach((rate, index) => references.expect(found.has(rate.chargeGroupId), `${at(index)}chargeGroupId`, `charge group ${rate.chargeGroupId} does not exist`))
  references.throwIfAny()
  if (!newCard && !(await lockAndTouchCard(trx, cardId))) throw notFound('Usage rate card', cardId)
  const seen = new Map<number, Array<Period & { id: number }>>()
  for (const rate of rates) {
    let others = seen.get(rate.chargeGroupId)
    if (others === undefined) {
      others = await seriesPeriods(trx, cardId, rate.chargeGroupId, undefined)
      seen.set(rate.chargeGroupId, others)
    }
    assertNoOverlap(NOUN, rate, others)
    // A new rate has no id yet: the message names the new one it meets by its dates.
    others.push({ id: 0, startDate: rate.startDate, endDate: rate.endDate ?? null })
  }
  await usageRates.insertMany(trx, rates, { usage_rate_card_id: cardId })
}

/** Field errors of rates that did not come through a body schema (a JSON Patch `add`), named `usageRates[i].…`. */
export function validateNewUsageRates(rates: readonly unknown[], at: (index: number) => string): FieldError[] {
  return rates.flatMap((rate, index) => usageRates.description.validateDocument(rate).map((error) => ({ ...error, field: `${at(index)}${error.field}` })))
}

/**
 * Usage rates: listed by their card (required), read, changed (JSON Patch) and deleted here;
 * created with or through their card. Brand-wide like their cards.
 */
export function usageRateUseCases(db: Database) {
  const reads = readUseCases(db, usageRates, () => [])
  return {
    list: reads.list,
    get: reads.get,
    update: (actor: Actor, id: number, patch: PatchRequest) =>
      db.withTenant(actor.brandId, async (trx) => {
        const cardId = await cardOfRate(trx, id)
        if (cardId === undefined) throw notFound(NOUN, id)
        assertBrandWideWriter(actor, 'Usage rates')
        await lockAndTouchCard(trx, cardId)
        const current = await visibleRecord(trx, usageRates, [], id, true)
        return patchStored(usageRates.description, current, patch, async (rate) => {
          assertValid(ruleErrors(rate))
          const references = new ReferenceErrors()
          expectIds([rate.chargeGroupId], await lookUpOne(trx, chargeGroupsAmong([rate.chargeGroupId])), references, 'chargeGroupId', 'charge group')
          references.throwIfAny()
          assertNoOverlap(NOUN, rate, await seriesPeriods(trx, cardId, rate.chargeGroupId, id))
          return usageRates.update(trx, current, rate)
        })
      }),
    remove: (actor: Actor, id: number) =>
      db.withTenant(actor.brandId, async (trx) => {
        const cardId = await cardOfRate(trx, id)
        if (cardId === undefined) throw notFound(NOUN, id)
        assertBrandWideWriter(actor, 'Usage rates')
        await lockAndTouchCard(trx, cardId)
        if (!(await usageRates.remove(trx, id, []))) throw notFound(NOUN, id)
      }),
  }
}
