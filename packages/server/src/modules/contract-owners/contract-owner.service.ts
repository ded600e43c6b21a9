import type { Database, TenantReader, TenantTransaction } from '../../db/database.ts'
import { assertValid } from '../../errors.ts'
import { crudUseCases } from '../../resources/crud.ts'
import { dateOrderErrors } from '../../resources/dates.ts'
import { assertWritableBy, scopeConditions } from '../../resources/scope.ts'
import { contractOwners } from './contract-owner.repository.ts'

export { contractOwnerExists, contractOwnerLookup, contractOwnersAmong } from './contract-owner.repository.ts'

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

/** A new brand's contract owner, so its first customer can be created at once; changeable later. */
export async function seedContractOwner(trx: TenantTransaction): Promise<void> {
  await contractOwners.insert(trx, {
    name: 'Default Contract Owner',
    availableFrom: '2020-01-01',
    siBccEmailAddress: 'billing@example.invalid',
    taxRegistrationNumber: 'UNSET',
    address: { address1: 'Address line 1', town: 'Town', postcode: 'POSTCODE', country: 'GB' },
  })
}

/** The brand's first contract owner (the seeded one, in a new brand). */
export async function firstContractOwner(db: TenantReader): Promise<number | undefined> {
  const page = await contractOwners.page(db, { page: 1, pageSize: 1, sort: [{ column: 'id', direction: 'asc' }], fields: ['id'], conditions: [] }, [])
  return page.items[0]?.id
}
