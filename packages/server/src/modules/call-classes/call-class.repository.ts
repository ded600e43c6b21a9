import { sql } from 'kysely'
import type { TenantReader } from '../../db/database.ts'
import { resourceTable } from '../../resources/table.ts'
import { callClassResource, dialstringResource } from './call-class.fields.ts'
import './call-class.table.ts'

const references = (table: string) => ({ [`${table}_source_charge_group_fkey`]: 'referenceDataSourceChargeGroupId' })

export const callClasses = resourceTable('call_classes', callClassResource, { references: references('call_classes') })
export const dialstrings = resourceTable('dialstrings', dialstringResource, { references: references('dialstrings'), idsByIndex: ['dialstring'] })

/** What a value (a call class, a dialstring) is called in each table. */
export const VALUE_COLUMNS = { call_classes: 'call_class', dialstrings: 'dialstring' } as const
export type MappedTable = keyof typeof VALUE_COLUMNS

/**
 * The periods of the other records with the same value under the same reference data source as
 * `sourceChargeGroupId`'s (a source says what a value means once at any date), but `except`; the
 * value is locked for the rest of the transaction first.
 */
export async function samePeriods(db: TenantReader, table: MappedTable, value: string, sourceChargeGroupId: number, except: number | undefined) {
  // Writers of one value wait for each other (to the end of the transaction), so two cannot both
  // pass the overlap check; other values go on.
  await sql`select pg_advisory_xact_lock(hashtext(${`${table}:${value}`}))`.execute(db)
  const rows = await sql<{ id: number; startDate: string; endDate: string | null }>`
    select r.id, r.start_date as "startDate", r.end_date as "endDate"
      from ${sql.table(table)} r
      join reference_data_source_charge_groups g on g.brand_id = r.brand_id and g.id = r.reference_data_source_charge_group_id
     where r.${sql.ref(VALUE_COLUMNS[table])} = ${value}
       and g.reference_data_source_id = (select reference_data_source_id from reference_data_source_charge_groups where id = ${sourceChargeGroupId})
       and r.id <> ${except ?? 0}
     order by r.start_date`.execute(db)
  return rows.rows.map((row) => ({ ...row, id: Number(row.id) }))
}
