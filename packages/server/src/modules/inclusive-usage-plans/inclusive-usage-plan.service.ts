import type { Actor } from '../../auth/actor.ts'
import type { Database, TenantTransaction } from '../../db/database.ts'
import { assertValid, type FieldError } from '../../errors.ts'
import { leaveOut, type ListRequest } from '../../lists/list-query.ts'
import { crudUseCases } from '../../resources/crud.ts'
import { dateOrderErrors } from '../../resources/dates.ts'
import type { DocumentOf } from '../../resources/fields.ts'
import { lookUp } from '../../resources/lookups.ts'
import { expectContractOwner } from '../../resources/owned.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import { assertWritableBy, scopeConditions } from '../../resources/scope.ts'
import type { Stored } from '../../resources/table.ts'
import { contractOwnerLookup } from '../contract-owners/index.ts'
import { rentalProductLookup } from '../rental-products/index.ts'
import { supplierAccountExists } from '../suppliers/index.ts'
import { taxBandLookup } from '../tax-bands/index.ts'
import { chargeGroupCategoriesAmong, chargeGroupsAmong } from '../charge-groups/index.ts'
import { usageProductLookup } from '../usage-products/index.ts'
import { assignItemIds, coveredIds, itemErrors } from './inclusive-usage-plan.items.ts'
import type { inclusiveUsagePlanFields } from './inclusive-usage-plan.fields.ts'
import { inclusiveUsagePlans } from './inclusive-usage-plan.repository.ts'

type PlanDocument = DocumentOf<typeof inclusiveUsagePlanFields>

/** The published rules: with a trigger charge, its supplier account and the plan's frequency are required. */
function ruleErrors(plan: PlanDocument): FieldError[] {
  const errors = dateOrderErrors(plan.availableFrom, plan.availableTo, 'availableTo', 'availableFrom')
  if (plan.triggerChargeId !== undefined) {
    if (plan.supplierAccountId === undefined) errors.push({ field: 'supplierAccountId', code: 'required', message: 'is required when triggerChargeId is set' })
    if (plan.frequency === undefined) errors.push({ field: 'frequency', code: 'required', message: 'is required when triggerChargeId is set' })
  }
  return [...errors, ...itemErrors(plan)]
}

/**
 * The owner is the actor's to write for (403), then every reference in one statement (400), the
 * components' charge groups and categories among them; then the nested items get their ids.
 */
async function check(trx: TenantTransaction, actor: Actor, plan: PlanDocument, current: Stored<Partial<PlanDocument>> | undefined): Promise<void> {
  assertValid(ruleErrors(plan))
  assertWritableBy(actor, plan.contractOwnerId)
  const { groups, categories } = coveredIds(plan)
  const found = await lookUp(trx, {
    owner: contractOwnerLookup(plan.contractOwnerId),
    product: usageProductLookup(plan.usageProductId),
    groups: chargeGroupsAmong(groups.map(([id]) => id)),
    categories: chargeGroupCategoriesAmong(categories.map(([id]) => id)),
    ...(plan.taxBandId === undefined ? {} : { band: taxBandLookup(plan.taxBandId) }),
    ...(plan.triggerChargeId === undefined ? {} : { product: rentalProductLookup(plan.triggerChargeId) }),
  })
  const references = new ReferenceErrors()
  if (current === undefined) expectContractOwner(references, plan.contractOwnerId, found.owner !== undefined)
  references.expect(found.product !== undefined, 'usageProductId', `usage product ${plan.usageProductId} does not exist`)
  const foundGroups = new Set((found.groups ?? []).map(Number))
  const foundCategories = new Set((found.categories ?? []).map(Number))
  for (const [id, field] of groups) references.expect(foundGroups.has(id), field, `charge group ${id} does not exist`)
  for (const [id, field] of categories) references.expect(foundCategories.has(id), field, `charge group category ${id} does not exist`)
  if (plan.taxBandId !== undefined) references.expect(found.band !== undefined, 'taxBandId', `tax band ${plan.taxBandId} does not exist`)
  if (plan.triggerChargeId !== undefined) references.expect(found.product !== undefined, 'triggerChargeId', `rental product ${plan.triggerChargeId} does not exist`)
  if (plan.supplierAccountId !== undefined) references.expect(await supplierAccountExists(trx, plan.supplierAccountId), 'supplierAccountId', `supplier account ${plan.supplierAccountId} does not exist`)
  references.throwIfAny()
  await assignItemIds(trx, plan, current?.resource)
}

/** Inclusive usage plans: a contract owner's (users restricted to another owner neither see nor write them). */
export function inclusiveUsagePlanUseCases(db: Database) {
  const crud = crudUseCases(db, inclusiveUsagePlans, { scope: (actor) => scopeConditions(actor, 'contract_owner_id'), check })
  return {
    ...crud,
    // The published `summary`: "a lightweight summary" of a plan, without its components and bolt-on charges.
    list: (actor: Actor, list: ListRequest, summary = false) =>
      crud.list(actor, summary ? leaveOut(list, inclusiveUsagePlans.description.list, ['inclusiveUsageComponents', 'boltOnCharges']) : list),
  }
}

export { inclusiveUsagePlanLookup } from './inclusive-usage-plan.repository.ts'
