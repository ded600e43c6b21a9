import type { Actor } from '../../auth/actor.ts'
import type { Database, TenantTransaction } from '../../db/database.ts'
import { assertValid } from '../../errors.ts'
import { crudUseCases } from '../../resources/crud.ts'
import type { DocumentOf } from '../../resources/fields.ts'
import { checkContractOwner } from '../../resources/owned.ts'
import { scopeConditions } from '../../resources/scope.ts'
import { contractOwnerExists, firstContractOwner } from '../contract-owners/index.ts'
import type { billingCycleFields } from './billing-cycle.fields.ts'
import { billingCycles } from './billing-cycle.repository.ts'

export { billingCycleOwner, billingCycleOwnerLookup } from './billing-cycle.repository.ts'

type BillingCycleDocument = DocumentOf<typeof billingCycleFields>

/** Weeks and days number their days 1 (Monday) to 7; a new cycle's owner must exist and be in scope. */
async function check(trx: TenantTransaction, actor: Actor, cycle: BillingCycleDocument, current: unknown): Promise<void> {
  if (cycle.periodUnit !== 'MONTHLY' && cycle.startDayOfPeriod > 7) {
    assertValid([{ field: 'startDayOfPeriod', code: 'out_of_range', message: `must be at most 7 for ${cycle.periodUnit} cycles` }])
  }
  if (current === undefined) (await checkContractOwner(trx, actor, cycle.contractOwnerId, contractOwnerExists)).throwIfAny()
}

/** Billing cycles: how a contract owner's customers are billed, and when (Admin API). */
export function billingCycleUseCases(db: Database) {
  return crudUseCases(db, billingCycles, { scope: (actor) => scopeConditions(actor, 'contract_owner_id'), check })
}

/** A new brand's monthly billing cycle, of its first contract owner. */
export async function seedBillingCycle(trx: TenantTransaction): Promise<void> {
  const contractOwnerId = await firstContractOwner(trx)
  if (contractOwnerId === undefined) return
  await billingCycles.insert(trx, { contractOwnerId, name: 'Monthly', startDayOfPeriod: 1, periodUnit: 'MONTHLY', currencyCode: 'GBP', completionType: 'CLOSE_ONLY' })
}
