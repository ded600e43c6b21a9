import type { Actor } from '../../auth/actor.ts'
import type { Database, TenantTransaction } from '../../db/database.ts'
import { assertValid, type FieldError } from '../../errors.ts'
import type { Condition } from '../../lists/filters.ts'
import type { ListRequest } from '../../lists/list-query.ts'
import { brandWideRules, crudUseCases } from '../../resources/crud.ts'
import { dateOrderErrors } from '../../resources/dates.ts'
import type { DocumentOf } from '../../resources/fields.ts'
import { expectIds } from '../../resources/id-lists.ts'
import { lookUp } from '../../resources/lookups.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import type { Stored } from '../../resources/table.ts'
import { billingCycleCurrencies } from '../billing-cycles/index.ts'
import { contractOwnersAmong } from '../contract-owners/index.ts'
import { supplierAccountExists } from '../suppliers/index.ts'
import type { rentalRateCardFields } from './rental-rate-card.fields.ts'
import { contractOwnerConditions, rentalRateCardTypeLookup, rentalRateCards } from './rental-rate-card.repository.ts'

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
async function currencyErrors(trx: TenantTransaction, ownerIds: readonly number[]): Promise<FieldError[]> {
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
  await expectIds(ownerIds, (ids) => contractOwnersAmong(trx, ids), references, 'contractOwnerIds', 'contract owners')
  const template = card.basedOnTemplateId
  if (template !== undefined) {
    const self = current === undefined ? undefined : Number(current.row.id)
    const { type } = await lookUp(trx, { type: rentalRateCardTypeLookup(template) })
    if (type !== 'TEMPLATE' || template === self) references.add('basedOnTemplateId', `rental rate card ${template} is not a TEMPLATE rate card of the brand`)
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
    list: (actor: Actor, list: ListRequest) => crud.list(actor, { ...list, conditions: contractOwnerConditions(list.conditions) }),
    exists: (actor: Actor, conditions: Condition[]) => crud.exists(actor, contractOwnerConditions(conditions)),
  }
}
