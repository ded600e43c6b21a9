import { sql } from 'kysely'
import type { Actor } from '../../auth/actor.ts'
import type { Database } from '../../db/database.ts'
import { AppError } from '../../errors.ts'
import type { Condition } from '../../lists/filters.ts'
import type { ListRequest } from '../../lists/list-query.ts'
import { resourceTable } from '../../resources/table.ts'
import { customerScopeConditions } from '../customers/index.ts'
import { ratedSellRecordResource } from './rated-sell-record.fields.ts'
import './rated-charge.table.ts'

/** The name and status of the run that rated a record, read in the list's own query. */
const ofRun = (column: 'name' | 'bill_run_status') => (table: string) =>
  sql`coalesce((select b.${sql.ref(column)} from bill_runs as b where b.brand_id = ${sql.ref(`${table}.brand_id`)} and b.id = ${sql.ref(`${table}.bill_run_id`)}),
                (select a.${sql.ref(column)} from adhoc_bill_runs as a where a.brand_id = ${sql.ref(`${table}.brand_id`)} and a.id = ${sql.ref(`${table}.adhoc_bill_run_id`)}))`

export const ratedSellRecords = resourceTable('rated_charges', ratedSellRecordResource, { computed: { bill_run_name: ofRun('name'), bill_run_status: ofRun('bill_run_status') } })

/** Rated charges of RPIs only: adhoc inventories' charges are invoiced, not answered here. */
const RPI_CHARGES: Condition = { column: 'charge_type', operator: 'in', value: ['Rental', 'OneOff'] }

/**
 * The published filter combinations: `rentalProductInventoryId`, or `siteId` or `customerId`
 * with `billRunId` or `adhocBillRunId`; anything else is 400 naming them.
 */
function assertFilterCombination(conditions: readonly Condition[]): void {
  const has = (column: string) => conditions.some((condition) => condition.column === column)
  if (has('rental_product_inventory_id')) return
  if ((has('site_id') || has('customer_id')) && (has('bill_run_id') || has('adhoc_bill_run_id'))) return
  // The operation's own rule across parameters (no schema states it): validation_failed, as other such rules.
  const message = 'is required unless siteId or customerId is given with billRunId or adhocBillRunId'
  throw new AppError('validation_failed', { message: `Validation failed for field 'rentalProductInventoryId': ${message}`, errors: [{ field: 'rentalProductInventoryId', code: 'required', message }] })
}

/** The Rental API's rated sell records: read-only, confined to the actor's contract owner through the customer. */
export function ratedSellRecordUseCases(db: Database) {
  const scope = (actor: Actor) => [RPI_CHARGES, ...customerScopeConditions(actor, 'customer_id')]
  return {
    list: (actor: Actor, list: ListRequest) => {
      assertFilterCombination(list.conditions)
      return db.readTenant(actor.brandId, (reader) => ratedSellRecords.page(reader, list, scope(actor)))
    },
    exists: (actor: Actor, conditions: Condition[]) => db.readTenant(actor.brandId, (reader) => ratedSellRecords.exists(reader, [...scope(actor), ...conditions])),
  }
}
