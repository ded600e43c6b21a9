import { sql, type Insertable } from 'kysely'
import type { TenantReader } from '../../db/database.ts'
import { resourceTable } from '../../resources/table.ts'
import { adhocBillRunResource } from './adhoc-bill-run.fields.ts'
import { billRunResource } from './bill-run.fields.ts'
import type { CycleSettings } from './bill-run.schedule.ts'
import type { BillRunsTable } from './bill-run.table.ts'
import './bill-run.table.ts'

export const billRuns = resourceTable('bill_runs', billRunResource, { unique: { bill_runs_period_key: 'periodStartDate', bill_runs_one_unfinished: 'billingCycleId' } })
export const adhocBillRuns = resourceTable('adhoc_bill_runs', adhocBillRunResource, { unique: { adhoc_bill_runs_name_key: 'name' } })

/** What a bill run needs of its billing cycle: the schedule and the invoice date rule. */
export interface CycleOfBillRuns extends CycleSettings {
  id: number
  contractOwnerId: number
  defaultInvoiceDate: 'TODAY' | 'END_OF_BILL_RUN' | 'END_OF_BILL_RUN_PLUS_ONE' | undefined
}

const cycleColumns = [
  'c.id',
  'c.contract_owner_id',
  sql<CycleSettings['periodUnit']>`c.details->>'periodUnit'`.as('period_unit'),
  sql<number>`(c.details->>'startDayOfPeriod')::int`.as('start_day'),
  sql<number | null>`(c.details->>'lengthOfPeriod')::int`.as('length'),
  sql<CycleOfBillRuns['defaultInvoiceDate'] | null>`c.details->>'defaultInvoiceDate'`.as('invoice_date_rule'),
] as const

type CycleRow = { id: number; contract_owner_id: number; period_unit: CycleSettings['periodUnit']; start_day: number; length: number | null; invoice_date_rule: CycleOfBillRuns['defaultInvoiceDate'] | null }

const cycleOf = (row: CycleRow): CycleOfBillRuns => ({
  id: row.id,
  contractOwnerId: row.contract_owner_id,
  periodUnit: row.period_unit,
  startDayOfPeriod: row.start_day,
  lengthOfPeriod: row.length ?? undefined,
  defaultInvoiceDate: row.invoice_date_rule ?? undefined,
})

// In the SQL text, not a parameter: a generic plan (tenant connections use them) can then match
// the partial index `bill_runs_one_unfinished` (`where bill_run_status <> 'FINALIZED'`).
const FINALIZED = sql.lit('FINALIZED')

/** The brand's billing cycles that have no unfinished bill run (one query; usually none). */
export async function cyclesWithoutOpenBillRun(db: TenantReader): Promise<CycleOfBillRuns[]> {
  const rows = await db
    .selectFrom('billing_cycles as c')
    .select(cycleColumns)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('bill_runs as b').select('b.id').whereRef('b.billing_cycle_id', '=', 'c.id').where('b.bill_run_status', '<>', FINALIZED))),
    )
    .execute()
  return rows.map(cycleOf)
}

/** One billing cycle's schedule settings. */
export async function cycleOfBillRuns(db: TenantReader, billingCycleId: number): Promise<CycleOfBillRuns> {
  return cycleOf(await db.selectFrom('billing_cycles as c').select(cycleColumns).where('c.id', '=', billingCycleId).executeTakeFirstOrThrow())
}

/** Inserts bill runs; one a cycle already has unfinished (another request made it) is skipped. */
export async function insertBillRuns(db: TenantReader, rows: ReadonlyArray<Insertable<BillRunsTable>>): Promise<void> {
  if (rows.length === 0) return
  await db.insertInto('bill_runs').values([...rows]).onConflict((conflict) => conflict.doNothing()).execute()
}

/** The periods of a cycle's other bill runs, for the overlap check of a schedule adjustment. */
export async function otherPeriods(db: TenantReader, billingCycleId: number, billRunId: number): Promise<Array<{ id: number; startDate: string; endDate: string }>> {
  const rows = await db
    .selectFrom('bill_runs')
    .select(['id', 'period_start_date', 'period_end_date'])
    .where('billing_cycle_id', '=', billingCycleId)
    .where('id', '<>', billRunId)
    .execute()
  return rows.map((row) => ({ id: row.id, startDate: row.period_start_date, endDate: row.period_end_date }))
}
