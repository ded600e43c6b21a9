import type { Actor } from '../../auth/actor.ts'
import type { Database } from '../../db/database.ts'
import { assertValid } from '../../errors.ts'
import { dateOrderErrors, withoutNulls } from '../../resources/dates.ts'
import { ResourceService, type ResourceDefinition } from '../../resources/resource-service.ts'
import { assertWritableBy, scopeConditions } from '../../resources/scope.ts'
import { contractOwners, type ContractOwnerRow, type ContractOwnerValues } from './contract-owner.repository.ts'
import { ContractOwnerBody, contractOwnerList, READ_ONLY, type ContractOwner } from './contract-owner.schemas.ts'

function toValues(body: ContractOwnerBody): ContractOwnerValues {
  const { name, availableFrom, availableTo, ...details } = body
  return { name, available_from: availableFrom, available_to: availableTo ?? null, details }
}

export const contractOwnerDefinition: ResourceDefinition<ContractOwnerRow, ContractOwner, ContractOwnerBody> = {
  noun: 'Contract owner',
  list: contractOwnerList,
  readOnly: READ_ONLY,
  body: ContractOwnerBody,
  toResource: (row) =>
    withoutNulls({
      id: row.id,
      name: row.name,
      availableFrom: row.available_from,
      availableTo: row.available_to ?? undefined,
      ...row.details,
      createdDate: row.created_date.toISOString(),
      updatedDate: row.updated_date.toISOString(),
    }) as ContractOwner,
  // A user restricted to one contract owner sees that one only.
  scope: (actor) => scopeConditions(actor, 'id'),
  ...contractOwners,
  insert: (trx, body) => contractOwners.insert(trx, toValues(body)),
  update: (trx, id, body, version) => contractOwners.update(trx, id, toValues(body), version),
  async check(_trx, actor: Actor, body, current) {
    if (current === undefined) assertWritableBy(actor, 0) // only an unrestricted user creates one
    assertValid(dateOrderErrors(body.availableFrom, body.availableTo, 'availableTo', 'availableFrom'))
  },
  conflicts: (body) => ({ contract_owners_name_key: { field: 'name', value: body.name } }),
}

/** Contract owners: the parties customers contract with (Admin API). */
export class ContractOwnerService extends ResourceService<ContractOwnerRow, ContractOwner, ContractOwnerBody> {
  constructor(db: Database) {
    super(db, contractOwnerDefinition)
  }
}
