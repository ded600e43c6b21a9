import type { Actor } from '../../auth/actor.ts'
import type { Database, TenantTransaction } from '../../db/database.ts'
import type { Condition } from '../../lists/filters.ts'
import type { ListRequest } from '../../lists/list-query.ts'
import { brandWideRules, crudUseCases } from '../../resources/crud.ts'
import type { DocumentOf } from '../../resources/fields.ts'
import { expectIds, idListConditions } from '../../resources/id-lists.ts'
import { lookUpOne } from '../../resources/lookups.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import { contractOwnersAmong } from '../contract-owners/index.ts'
import type { paymentProviderFields } from './payment-provider.fields.ts'
import { paymentProviders } from './payment-provider.repository.ts'

/** The contract owners a provider serves exist in the brand (400 `invalid_reference`, naming every one missing). */
async function check(trx: TenantTransaction, provider: DocumentOf<typeof paymentProviderFields>): Promise<void> {
  const found = await lookUpOne(trx, contractOwnersAmong(provider.contractOwnerIds))
  const references = new ReferenceErrors()
  expectIds(provider.contractOwnerIds, found, references, 'contractOwnerIds', 'contract owner')
  references.throwIfAny()
}

/** `contractOwnerId=5`: the providers serving owner 5 (its id in their list). */
const ownerConditions = (conditions: readonly Condition[]) => idListConditions('contract_owner_ids', conditions)

/**
 * Payment providers: brand-wide configuration (every user of the brand reads them; users restricted
 * to a contract owner do not write them). No DELETE is published: a provider is retired by making
 * it INACTIVE, which keeps its mandates and stops new ones.
 */
export function paymentProviderUseCases(db: Database) {
  const crud = crudUseCases(db, paymentProviders, brandWideRules('Payment providers', (trx, _actor, provider) => check(trx, provider)))
  return {
    ...crud,
    list: (actor: Actor, list: ListRequest) => crud.list(actor, { ...list, conditions: ownerConditions(list.conditions) }),
    exists: (actor: Actor, conditions: Condition[]) => crud.exists(actor, ownerConditions(conditions)),
  }
}
