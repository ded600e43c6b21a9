import type { Actor } from '../../auth/actor.ts'
import type { Database, TenantReader } from '../../db/database.ts'
import { assertValid } from '../../errors.ts'
import type { Condition } from '../../lists/filters.ts'
import type { ListRequest } from '../../lists/list-query.ts'
import { crudUseCases, notFound } from '../../resources/crud.ts'
import type { CreateOf } from '../../resources/fields.ts'
import { canSee, scopeConditions } from '../../resources/scope.ts'
import { subBrandOwner } from '../contract-owner-sub-brands/index.ts'
import type { invoiceGroupTagLabelFields } from './invoice-group-tag-label.fields.ts'
import { invoiceGroupTagLabels } from './invoice-group-tag-label.repository.ts'

export { invoiceGroupTagLabelLookup } from './invoice-group-tag-label.repository.ts'

type CreateBody = CreateOf<typeof invoiceGroupTagLabelFields>
const scope = (actor: Actor) => scopeConditions(actor, 'contract_owner_id')

/** The contract owner of a sub-brand the actor may see; 404 otherwise (existence is not revealed). */
async function visibleSubBrand(db: TenantReader, actor: Actor, subBrandId: number): Promise<number> {
  const owner = await subBrandOwner(db, subBrandId)
  if (owner === undefined || !canSee(actor, owner)) throw notFound('Contract owner sub-brand', subBrandId)
  return owner
}

/** The labels of one sub-brand: the list's conditions, after the sub-brand is found visible. */
const ofSubBrand = (subBrandId: number, conditions: readonly Condition[]): Condition[] => [...conditions, { column: 'contract_owner_sub_brand_id', operator: '=', value: subBrandId }]

/**
 * Invoice group tag labels: listed and created under their sub-brand, read, changed and deleted by
 * their own id. A new label stores its sub-brand's contract owner beside it, so scope needs no join.
 */
export function invoiceGroupTagLabelUseCases(db: Database) {
  const crud = crudUseCases(db, invoiceGroupTagLabels, {
    scope,
    async check(trx, actor, label, current) {
      if (current !== undefined) return // the sub-brand is fixed: checked at create
      return { contract_owner_id: await visibleSubBrand(trx, actor, label.contractOwnerSubBrandId!) }
    },
  })
  return {
    ...crud,
    list: (actor: Actor, list: ListRequest, { contractOwnerSubBrandId: id }: { contractOwnerSubBrandId: number }) =>
      db.readTenant(actor.brandId, async (reader) => {
        await visibleSubBrand(reader, actor, id)
        return invoiceGroupTagLabels.page(reader, { ...list, conditions: ofSubBrand(id, list.conditions) }, scope(actor))
      }),
    exists: (actor: Actor, conditions: Condition[], { contractOwnerSubBrandId: id }: { contractOwnerSubBrandId: number }) =>
      db.readTenant(actor.brandId, async (reader) => {
        await visibleSubBrand(reader, actor, id)
        return invoiceGroupTagLabels.exists(reader, [...scope(actor), ...ofSubBrand(id, conditions)])
      }),
    create: (actor: Actor, body: CreateBody, { contractOwnerSubBrandId: id }: { contractOwnerSubBrandId: number }) => {
      if (body.contractOwnerSubBrandId !== undefined && body.contractOwnerSubBrandId !== id) {
        assertValid([{ field: 'contractOwnerSubBrandId', code: 'invalid_value', message: `must be the sub-brand of the path (${id}), or left out` }])
      }
      return crud.create(actor, { ...body, contractOwnerSubBrandId: id })
    },
  }
}
