import type { Database } from '../../db/database.ts'
import { withoutNulls } from '../../resources/dates.ts'
import { checkContractOwner } from '../../resources/owned.ts'
import { ResourceService, type ResourceDefinition } from '../../resources/resource-service.ts'
import { scopeConditions } from '../../resources/scope.ts'
import { contractOwnerExists } from '../contract-owners/index.ts'
import { subBrands, type SubBrandRow, type SubBrandValues } from './sub-brand.repository.ts'
import { READ_ONLY, SubBrandBody, subBrandList, type SubBrand } from './sub-brand.schemas.ts'

function toValues(body: SubBrandBody): SubBrandValues {
  const { contractOwnerId, name, accountNumberFormat, ...details } = body
  return { contract_owner_id: contractOwnerId, name, account_number_format: accountNumberFormat, details }
}

export const subBrandDefinition: ResourceDefinition<SubBrandRow, SubBrand, SubBrandBody> = {
  noun: 'Contract owner sub-brand',
  list: subBrandList,
  readOnly: READ_ONLY,
  body: SubBrandBody,
  toResource: (row) =>
    withoutNulls({
      id: row.id,
      contractOwnerId: row.contract_owner_id,
      name: row.name,
      accountNumberFormat: row.account_number_format,
      ...row.details,
      createdAt: row.created_date.toISOString(),
      updatedAt: row.updated_date.toISOString(),
    }) as SubBrand,
  scope: (actor) => scopeConditions(actor, 'contract_owner_id'),
  ...subBrands,
  insert: (trx, body) => subBrands.insert(trx, toValues(body)),
  update: (trx, id, body, version) => subBrands.update(trx, id, toValues(body), version),
  async check(trx, actor, body, current) {
    if (current !== undefined) return // the owner is read-only, so it was checked at create
    ;(await checkContractOwner(trx, actor, body.contractOwnerId, contractOwnerExists)).throwIfAny()
  },
  conflicts: (body) => ({ contract_owner_sub_brands_name_key: { field: 'name', value: body.name } }),
}

/** Contract-owner sub-brands: branding and account numbering within a contract owner (Admin API). */
export class SubBrandService extends ResourceService<SubBrandRow, SubBrand, SubBrandBody> {
  constructor(db: Database) {
    super(db, subBrandDefinition)
  }
}
