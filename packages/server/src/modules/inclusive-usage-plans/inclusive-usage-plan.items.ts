import { sql } from 'kysely'
import type { TenantTransaction } from '../../db/database.ts'
import type { FieldError } from '../../errors.ts'
import { dateOrderErrors } from '../../resources/dates.ts'
import type { DocumentOf } from '../../resources/fields.ts'
import type { inclusiveUsagePlanFields } from './inclusive-usage-plan.fields.ts'

type PlanDocument = DocumentOf<typeof inclusiveUsagePlanFields>
type Item = { id?: number }

/** Every nested item of a plan that carries an id: components, what each covers, bolt-on charges. */
function itemsOf(plan: Partial<PlanDocument>): Item[] {
  const components = plan.inclusiveUsageComponents ?? []
  return [
    ...components,
    ...components.flatMap((c) => [...(c.timebands ?? []), ...(c.chargeGroups ?? []), ...(c.chargeGroupCategories ?? []), ...(c.dialStrings ?? [])]),
    ...(plan.boltOnCharges ?? []),
  ]
}

/**
 * Gives the plan's nested items their ids, in place (the document is the write's own): an item
 * sent back with an id the stored plan has keeps it; any other item gets a new one, from one
 * sequence (one query for all of them), so the ids a plan answers never change under a client.
 */
export async function assignItemIds(trx: TenantTransaction, plan: PlanDocument, current: Partial<PlanDocument> | undefined): Promise<void> {
  const stored = new Set(itemsOf(current ?? {}).map((item) => item.id))
  const kept = new Set<number>()
  const fresh: Item[] = []
  for (const item of itemsOf(plan)) {
    if (item.id !== undefined && stored.has(item.id) && !kept.has(item.id)) kept.add(item.id)
    else fresh.push(item)
  }
  if (fresh.length === 0) return
  const { rows } = await sql<{ id: string }>`select nextval('inclusive_usage_item_ids') as id from generate_series(1, ${fresh.length})`.execute(trx)
  fresh.forEach((item, index) => (item.id = Number(rows[index]!.id)))
}

/** The published shape rules of the components and bolt-on charges, every error at once. */
export function itemErrors(plan: PlanDocument): FieldError[] {
  const errors: FieldError[] = []
  ;(plan.inclusiveUsageComponents ?? []).forEach((component, i) => {
    const at = `inclusiveUsageComponents[${i}].`
    if (component.componentType === 'VALUE' && component.valueInPence === undefined) errors.push({ field: `${at}valueInPence`, code: 'required', message: 'is required for a VALUE component' })
    if (component.componentType === 'QUANTITY' && component.quantity === undefined) errors.push({ field: `${at}quantity`, code: 'required', message: 'is required for a QUANTITY component' })
    const bands = (component.timebands ?? []).map((band) => band.timeband)
    if (new Set(bands).size < bands.length) errors.push({ field: `${at}timebands`, code: 'invalid_value', message: 'names a time band twice' })
  })
  ;(plan.boltOnCharges ?? []).forEach((charge, i) => errors.push(...dateOrderErrors(charge.startDate, charge.endDate, `boltOnCharges[${i}].endDate`, 'startDate')))
  if (plan.boltOn !== true && (plan.boltOnCharges ?? []).length > 0) errors.push({ field: 'boltOnCharges', code: 'invalid_value', message: 'are for bolt-on plans only (boltOn true)' })
  return errors
}

/** The charge groups and categories the components cover, each with the field that names it. */
export function coveredIds(plan: PlanDocument): { groups: Array<[number, string]>; categories: Array<[number, string]> } {
  const groups: Array<[number, string]> = []
  const categories: Array<[number, string]> = []
  ;(plan.inclusiveUsageComponents ?? []).forEach((component, i) => {
    ;(component.chargeGroups ?? []).forEach((g, j) => groups.push([g.chargeGroupId, `inclusiveUsageComponents[${i}].chargeGroups[${j}].chargeGroupId`]))
    ;(component.chargeGroupCategories ?? []).forEach((c, j) => categories.push([c.chargeGroupCategoryId, `inclusiveUsageComponents[${i}].chargeGroupCategories[${j}].chargeGroupCategoryId`]))
  })
  return { groups, categories }
}
