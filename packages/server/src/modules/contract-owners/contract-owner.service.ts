import type { Database } from '../../db/database.ts'
import { assertValid } from '../../errors.ts'
import { crudUseCases } from '../../resources/crud.ts'
import { dateOrderErrors } from '../../resources/dates.ts'
import { assertWritableBy, scopeConditions } from '../../resources/scope.ts'
import { contractOwners } from './contract-owner.repository.ts'

export { contractOwnerExists } from './contract-owner.repository.ts'

/** Contract owners: the parties customers contract with (Admin API). */
export function contractOwnerUseCases(db: Database) {
  return crudUseCases(db, contractOwners, {
    // A user restricted to one contract owner sees that one only.
    scope: (actor) => scopeConditions(actor, 'id'),
    async check(_trx, actor, owner, current) {
      if (current === undefined) assertWritableBy(actor, 0) // only an unrestricted user creates one
      assertValid(dateOrderErrors(owner.availableFrom, owner.availableTo, 'availableTo', 'availableFrom'))
    },
  })
}
