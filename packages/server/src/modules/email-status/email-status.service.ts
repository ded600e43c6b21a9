import type { Actor } from '../../auth/actor.ts'
import type { Database } from '../../db/database.ts'
import type { Condition } from '../../lists/filters.ts'
import type { ListRequest } from '../../lists/list-query.ts'
import { scopeConditions } from '../../resources/scope.ts'
import { emailStatuses } from './email-status.repository.ts'

export { insertEmailRecords, type EmailRecord } from './email-status.repository.ts'

/**
 * The published `bounceType` filter "also filters to BOUNCED email notification status": a bounce
 * type asked for adds that condition, so a bounce type left on another status never matches.
 */
function withBounces(conditions: readonly Condition[]): Condition[] {
  const bounce = conditions.some((condition) => condition.column === 'bounce_type')
  return bounce ? [...conditions, { column: 'status', operator: '=', value: 'BOUNCED' }] : [...conditions]
}

/** The email-status list: read-only, a restricted user sees its contract owner's emails only. */
export function emailStatusUseCases(db: Database) {
  return {
    list: (actor: Actor, list: ListRequest) =>
      db.readTenant(actor.brandId, (reader) => emailStatuses.page(reader, { ...list, conditions: withBounces(list.conditions) }, scopeConditions(actor, 'contract_owner_id'))),
  }
}
