import type { Actor } from '../../auth/actor.ts'
import type { Database, TenantTransaction } from '../../db/database.ts'
import { assertValid, type FieldError } from '../../errors.ts'
import type { Condition } from '../../lists/filters.ts'
import type { Static } from 'typebox'
import { splitAppendedChildren } from '../../resources/appended-children.ts'
import { visibleRecord } from '../../resources/crud.ts'
import type { PatchRequest } from '../../resources/patch.ts'
import { assertBrandWideWriter } from '../../resources/scope.ts'
import { patchStored } from '../../resources/versioned.ts'
import { leaveOut, type ListRequest } from '../../lists/list-query.ts'
import { summarised } from '../../resources/summary.ts'
import { brandWideRules, crudUseCases } from '../../resources/crud.ts'
import { dateOrderErrors } from '../../resources/dates.ts'
import type { DocumentOf } from '../../resources/fields.ts'
import { expectIds } from '../../resources/id-lists.ts'
import { lookUp } from '../../resources/lookups.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import { contractOwnersAmong } from '../contract-owners/index.ts'
import { contractOwnerConditions, currencyErrors } from '../rental-rate-cards/index.ts'
import { supplierLookup } from '../suppliers/index.ts'
import { taxBandLookup } from '../tax-bands/index.ts'
import { usageProductLookup } from '../usage-products/index.ts'
import { addUsageRates, validateNewUsageRates, type NewUsageRate } from '../usage-rates/index.ts'
import type { CreateUsageRateCardBody, usageRateCardFields } from './usage-rate-card.fields.ts'
import { usageRateCards } from './usage-rate-card.repository.ts'

type CardDocument = DocumentOf<typeof usageRateCardFields>
type DatedList = ReadonlyArray<{ startDate: string; endDate?: string }> | undefined

/** Every dated entry of a list (`accessCharges[1]`) ends on or after its start. */
function datedErrors(name: string, list: DatedList): FieldError[] {
  return (list ?? []).flatMap((entry, index) => dateOrderErrors(entry.startDate, entry.endDate, `${name}[${index}].endDate`, 'startDate'))
}

/** The rules of a card, every error at once: owners (published: required), dates, bolt-on charges only on a bolt on. */
function shapeErrors(card: CardDocument): FieldError[] {
  const errors: FieldError[] = []
  if ((card.contractOwnerIds ?? []).length === 0) errors.push({ field: 'contractOwnerIds', code: 'required', message: 'must name at least one contract owner' })
  errors.push(...dateOrderErrors(card.availableFrom, card.availableTo, 'availableTo', 'availableFrom'))
  errors.push(...datedErrors('timeBandPlans', card.timeBandPlans), ...datedErrors('accessCharges', card.accessCharges), ...datedErrors('boltOnCharges', card.boltOnCharges))
  if (card.boltOn !== true && (card.boltOnCharges ?? []).length > 0) errors.push({ field: 'boltOnCharges', code: 'invalid_value', message: 'are for bolt-on cards only (boltOn true)' })
  return errors
}

async function check(trx: TenantTransaction, _actor: Actor, card: CardDocument): Promise<void> {
  assertValid(shapeErrors(card))
  const references = new ReferenceErrors()
  const ownerIds = card.contractOwnerIds ?? []
  const found = await lookUp(trx, {
    owners: contractOwnersAmong(ownerIds),
    product: usageProductLookup(card.usageProductId),
    ...(card.supplierId === undefined ? {} : { supplier: supplierLookup(card.supplierId) }),
    ...(card.boltOnTaxBandId === undefined ? {} : { band: taxBandLookup(card.boltOnTaxBandId) }),
  })
  expectIds(ownerIds, found.owners, references, 'contractOwnerIds', 'contract owner')
  references.expect(found.product !== undefined, 'usageProductId', `usage product ${card.usageProductId} does not exist`)
  if (card.supplierId !== undefined) references.expect(found.supplier !== undefined, 'supplierId', `supplier ${card.supplierId} does not exist`)
  if (card.boltOnTaxBandId !== undefined) references.expect(found.band !== undefined, 'boltOnTaxBandId', `tax band ${card.boltOnTaxBandId} does not exist`)
  references.throwIfAny()
  assertValid(await currencyErrors(trx, ownerIds))
}

/** The published `summary` answers the card without its dated charges, plans and rates. */
const PRICED = ['timeBandPlans', 'accessCharges', 'boltOnCharges', 'usageRates'] as const

/**
 * Usage rate cards: brand-wide pricing (every user reads them; users restricted to a contract owner
 * do not write them). The list's `contractOwnerId` matches any of a card's owners.
 */
export function usageRateCardUseCases(db: Database) {
  const crud = crudUseCases(db, usageRateCards, brandWideRules('Usage rate cards', check))
  return {
    ...crud,
    list: async (actor: Actor, list: ListRequest, summary = false) => {
      const listed = { ...list, conditions: contractOwnerConditions(list.conditions) }
      return crud.list(actor, summary ? leaveOut(listed, usageRateCards.description.list, PRICED) : listed)
    },
    exists: (actor: Actor, conditions: Condition[]) => crud.exists(actor, contractOwnerConditions(conditions)),
    /** A card with its first rates, in one transaction. */
    create: (actor: Actor, body: Static<typeof CreateUsageRateCardBody>) =>
      db.withTenant(actor.brandId, async (trx) => {
        const { usageRates: rates = [], ...card } = body
        assertBrandWideWriter(actor, 'Usage rate cards')
        await check(trx, actor, card)
        const created = await usageRateCards.insert(trx, card)
        if (rates.length === 0) return created
        const id = Number(created.row.id)
        await addUsageRates(trx, id, rates, atRate, { newCard: true })
        return (await usageRateCards.find(trx, id, []))!
      }),
    /**
     * JSON Patch of the card; an `add` to `/usageRates/-` (or past its last rate) adds a rate, as
     * published ("to add a new rate, use /usage-rate-cards/ PATCH"). Any other change to the rates is 400.
     */
    update: async (actor: Actor, id: number, patch: PatchRequest, summary = false) =>
      summarised(await db.withTenant(actor.brandId, async (trx) => {
        const current = await visibleRecord(trx, usageRateCards, [], id, true)
        assertBrandWideWriter(actor, 'Usage rate cards')
        const { rest, added } = splitAppendedChildren(patch, 'usageRates', (current.resource.usageRates ?? []).length, '/v2/usage-rates/{id}')
        const saved = await patchStored(usageRateCards.description, current, rest, async (card) => {
          await check(trx, actor, card)
          return usageRateCards.update(trx, current, card)
        })
        if (added.length === 0) return saved
        assertValid(validateNewUsageRates(added, atRate))
        await addUsageRates(trx, id, added as NewUsageRate[], atRate)
        return (await usageRateCards.find(trx, id, []))!
      }), summary, PRICED),
  }
}

const atRate = (index: number) => `usageRates[${index}].`

export { sellUsageRateCardProductLookup } from './usage-rate-card.repository.ts'
