import { sql } from 'kysely'
import type { TenantReader } from '../../db/database.ts'
import { resourceTable } from '../../resources/table.ts'
import { ignoredCallClassResource, ignoredServiceIdResource } from './ignored.fields.ts'
import './ignored.table.ts'

export const ignoredCallClasses = resourceTable('ignored_call_classes', ignoredCallClassResource)
export const ignoredServiceIds = resourceTable('ignored_service_ids', ignoredServiceIdResource, { unique: { ignored_service_ids_service_id_key: 'serviceId' } })

/** The periods of a call class's other ignored records, but `except`; the class is locked for the rest of the transaction first. */
export async function ignoredPeriods(db: TenantReader, callClass: string, except: number | undefined) {
  await sql`select pg_advisory_xact_lock(hashtext(${`ignored_call_classes:${callClass}`}))`.execute(db)
  let query = db.selectFrom('ignored_call_classes').select(['id', 'start_date as startDate', 'end_date as endDate']).where('call_class', '=', callClass)
  if (except !== undefined) query = query.where('id', '<>', except)
  return query.orderBy('start_date').execute()
}
