import type { Static } from 'typebox'
import type { Actor } from '../../auth/actor.ts'
import type { Database } from '../../db/database.ts'
import { AppError } from '../../errors.ts'
import type { Condition } from '../../lists/filters.ts'
import { readUseCases } from '../../resources/crud.ts'
import { decimalText } from '../../resources/decimal.ts'
import type { CreditThresholdBody } from './credit-status.fields.ts'
import { creditStatuses, removeThreshold, saveThreshold } from './credit-status.repository.ts'
import { visibleCustomer } from './money-moves.ts'

/** A restricted user sees its contract owner's customers only (the view carries the owner). */
const ownerScope = (actor: Actor): Condition[] => (actor.contractOwnerId === null ? [] : [{ column: 'contract_owner_id', operator: '=', value: actor.contractOwnerId }])

/** Customer credit status: the published list, and our operations that set and remove a threshold. */
export function creditStatusUseCases(db: Database, clock: () => Date) {
  const reads = readUseCases(db, creditStatuses, ownerScope)
  return {
    list: reads.list,
    setThreshold: (actor: Actor, customerId: number, body: Static<typeof CreditThresholdBody>) =>
      db.withTenant(actor.brandId, async (trx) => {
        await visibleCustomer(trx, actor, customerId)
        await saveThreshold(trx, customerId, decimalText(body.creditThreshold), actor.username, clock())
        const found = await creditStatuses.find(trx, customerId, [])
        if (found === undefined) throw new Error(`the credit status of customer ${customerId} was not found after its threshold was set`)
        return found.resource
      }),
    removeThreshold: (actor: Actor, customerId: number) =>
      db.withTenant(actor.brandId, async (trx) => {
        await visibleCustomer(trx, actor, customerId)
        if (!(await removeThreshold(trx, customerId))) throw new AppError('not_found', { message: `Customer ${customerId} has no credit threshold` })
      }),
  }
}
