import type { Database } from '../../db/database.ts'
import { assertValid } from '../../errors.ts'
import { withoutNulls } from '../../resources/dates.ts'
import { checkContractOwner } from '../../resources/owned.ts'
import { ResourceService, type ResourceDefinition } from '../../resources/resource-service.ts'
import { scopeConditions } from '../../resources/scope.ts'
import { contractOwnerExists } from '../contract-owners/index.ts'
import { billingCycles, type BillingCycleRow, type BillingCycleValues } from './billing-cycle.repository.ts'
import { BillingCycleBody, billingCycleList, READ_ONLY, type BillingCycle } from './billing-cycle.schemas.ts'

function toValues(body: BillingCycleBody): BillingCycleValues {
  const { contractOwnerId, name, ...details } = body
  return { contract_owner_id: contractOwnerId, name, details }
}

export const billingCycleDefinition: ResourceDefinition<BillingCycleRow, BillingCycle, BillingCycleBody> = {
  noun: 'Billing cycle',
  list: billingCycleList,
  readOnly: READ_ONLY,
  body: BillingCycleBody,
  toResource: (row) =>
    withoutNulls({
      id: row.id,
      contractOwnerId: row.contract_owner_id,
      name: row.name,
      ...row.details,
      createdDate: row.created_date.toISOString(),
      updatedDate: row.updated_date.toISOString(),
    }) as BillingCycle,
  scope: (actor) => scopeConditions(actor, 'contract_owner_id'),
  ...billingCycles,
  insert: (trx, body) => billingCycles.insert(trx, toValues(body)),
  update: (trx, id, body, version) => billingCycles.update(trx, id, toValues(body), version),
  async check(trx, actor, body, current) {
    // Weeks and days number their days 1 (Monday) to 7 (Sunday).
    if (body.periodUnit !== 'MONTHLY' && body.startDayOfPeriod > 7) {
      assertValid([{ field: 'startDayOfPeriod', code: 'out_of_range', message: `must be at most 7 for ${body.periodUnit} cycles` }])
    }
    if (current === undefined) (await checkContractOwner(trx, actor, body.contractOwnerId, contractOwnerExists)).throwIfAny()
  },
  conflicts: (body) => ({ billing_cycles_name_key: { field: 'name', value: body.name } }),
}

/** Billing cycles: how a contract owner's customers are billed, and when (Admin API). */
export class BillingCycleService extends ResourceService<BillingCycleRow, BillingCycle, BillingCycleBody> {
  constructor(db: Database) {
    super(db, billingCycleDefinition)
  }
}
