import type { Actor } from '../../auth/actor.ts'
import type { Database } from '../../db/database.ts'
import type { Condition } from '../../lists/filters.ts'
import type { ListRequest } from '../../lists/list-query.ts'
import { childConditions } from '../../resources/children.ts'
import { brandWideRules, crudUseCases } from '../../resources/crud.ts'
import { accountRows, suppliers } from './supplier.repository.ts'

export { supplierAccountExists, supplierExists } from './supplier.repository.ts'

/**
 * Suppliers: brand-wide reference data (products are bought from them). Their accounts are read
 * inside them, and the list's account filters find suppliers by an account.
 */
export function supplierUseCases(db: Database) {
  const crud = crudUseCases(db, suppliers, brandWideRules('Suppliers'))
  return {
    ...crud,
    list: (actor: Actor, list: ListRequest) => crud.list(actor, { ...list, conditions: childConditions(accountRows, list.conditions) }),
    exists: (actor: Actor, conditions: Condition[]) => crud.exists(actor, childConditions(accountRows, conditions)),
  }
}
