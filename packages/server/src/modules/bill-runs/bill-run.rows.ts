import type { Insertable } from 'kysely'
import type { CycleOfBillRuns } from './bill-run.repository.ts'
import { addDays, isScheduled, periodContaining, shiftPeriod, type Period } from './bill-run.schedule.ts'
import type { BillRunsTable } from './bill-run.table.ts'

/** `yyyy-MM-dd` of an instant, in UTC (the API's dates are UTC days). */
export const isoDate = (instant: Date) => instant.toISOString().slice(0, 10)

/** A bill run's name and sortable name: its period (at most 21 characters). */
export const namesOf = (period: Period) => ({ name: `${period.start}/${period.end}`, sortable_name: `${period.start.replaceAll('-', '')}-${period.end.replaceAll('-', '')}` })

/**
 * The invoice date a cycle's rule gives a period: END_OF_BILL_RUN the period's last day; otherwise
 * (END_OF_BILL_RUN_PLUS_ONE, TODAY, none) the day after, the first day the bill run is normally
 * closed. A PATCH may set another.
 */
const invoiceDateOf = (cycle: CycleOfBillRuns, period: Period) => (cycle.defaultInvoiceDate === 'END_OF_BILL_RUN' ? period.end : addDays(period.end, 1))

/** A new OPEN bill run of a cycle's period. */
export function newBillRun(cycle: CycleOfBillRuns, period: Period, today: string): Insertable<BillRunsTable> {
  return {
    billing_cycle_id: cycle.id,
    contract_owner_id: cycle.contractOwnerId,
    ...namesOf(period),
    created: today,
    period_start_date: period.start,
    period_end_date: period.end,
    invoice_date: invoiceDateOf(cycle, period),
    include_usage_until_date: period.end,
    bill_run_status: 'OPEN',
    summary_status: 'PROPERTIES',
  }
}

/** The period after a bill run's: the next on the schedule (the schedule's own when the cycle changed since). */
export function nextPeriod(cycle: CycleOfBillRuns, period: Period): Period {
  return isScheduled(cycle, period) ? shiftPeriod(cycle, period, 1) : periodContaining(cycle, addDays(period.end, 1))
}
