import { sql } from 'kysely'
import type { Database, TenantTransaction } from '../../db/database.ts'
import type { SummaryStatus } from './bill-run.fields.ts'
import { cycleOfBillRuns, insertBillRuns } from './bill-run.repository.ts'
import { isoDate, newBillRun, nextPeriod } from './bill-run.rows.ts'
import type { BillRunSubject, BillRunWork, StepOutcome } from './bill-run.work.ts'

/** The durable job that runs a bill run's step. */
export const BILL_RUN_STEP_JOB = 'bill-run-step'

export type BillRunStepJob = {
  brandId: number
  kind: 'scheduled' | 'adhoc'
  billRunId: number
  step: SummaryStatus
}

export interface StepRunnerDependencies {
  db: Database
  work: BillRunWork
  clock: () => Date
}

/**
 * Runs one step, in one transaction of the bill run's brand with the bill run locked, so two
 * attempts never interleave and a crash leaves the step undone (run again by the retry). A job
 * whose step is no longer the bill run's running step (it finished, or the run moved on) does
 * nothing: jobs may run twice.
 */
export function billRunStepRunner({ db, work, clock }: StepRunnerDependencies) {
  return async (job: BillRunStepJob): Promise<void> => {
    await db.withTenant(job.brandId, async (trx) => {
      const subject = await lockedSubject(trx, job)
      if (subject === undefined) return
      const outcome = await perform(work, trx, subject, job.step)
      const finished = job.step === 'DISTRIBUTION'
      const values = {
        revenue_in_major_currency: outcome.revenueInMajorCurrency,
        summary_status_percentage: 100,
        ...(finished ? { bill_run_status: 'FINALIZED', summary_status: 'FINISHED' } : {}),
        version: sql<number>`version + 1`,
        updated_date: new Date(),
      }
      if (subject.kind === 'adhoc') {
        await trx.updateTable('adhoc_bill_runs').set(values).where('id', '=', subject.id).execute()
        return
      }
      const figures = {
        max_invoice_value: outcome.maxInvoiceValue,
        max_invoice_customer_id: outcome.maxInvoiceCustomerId,
        usage_suspense_count: outcome.usageSuspenseCount,
        rental_suspense_count: outcome.rentalSuspenseCount,
      }
      await trx.updateTable('bill_runs').set({ ...values, ...figures }).where('id', '=', subject.id).execute()
      if (finished) {
        // Finalising opens the next period's bill run (kept unique per cycle and period).
        const cycle = await cycleOfBillRuns(trx, subject.billingCycleId)
        const period = nextPeriod(cycle, { start: subject.periodStartDate, end: subject.periodEndDate })
        await insertBillRuns(trx, [newBillRun(cycle, period, isoDate(clock()))])
      }
    })
  }
}

/** The bill run, locked, if `job.step` is still its running step. */
async function lockedSubject(trx: TenantTransaction, job: BillRunStepJob): Promise<BillRunSubject | undefined> {
  if (job.kind === 'scheduled') {
    const row = await trx.selectFrom('bill_runs').selectAll().where('id', '=', job.billRunId).forUpdate().executeTakeFirst()
    if (row === undefined || row.summary_status !== job.step || row.summary_status_percentage === 100) return undefined
    return {
      kind: 'scheduled',
      id: row.id,
      billingCycleId: row.billing_cycle_id,
      contractOwnerId: row.contract_owner_id,
      periodStartDate: row.period_start_date,
      periodEndDate: row.period_end_date,
      invoiceDate: row.invoice_date,
      includeUsageUntilDate: row.include_usage_until_date ?? undefined,
    }
  }
  const row = await trx.selectFrom('adhoc_bill_runs').selectAll().where('id', '=', job.billRunId).forUpdate().executeTakeFirst()
  if (row === undefined || row.summary_status !== job.step || row.summary_status_percentage === 100) return undefined
  return {
    kind: 'adhoc',
    id: row.id,
    invoiceDate: row.invoice_date,
    adhocProductInventoryIds: row.adhoc_product_inventory_ids.map(Number),
    rentalProductInventoryIds: row.rental_product_inventory_ids.map(Number),
  }
}

async function perform(work: BillRunWork, trx: TenantTransaction, subject: BillRunSubject, step: SummaryStatus): Promise<StepOutcome> {
  switch (step) {
    case 'REPORTING':
      return work.rate(trx, subject)
    case 'DRAFT_INVOICES':
      return work.draftInvoices(trx, subject)
    case 'FULL_INVOICES':
      return work.fullInvoices(trx, subject)
    case 'DISTRIBUTION':
      return work.distribute(trx, subject)
    case 'PROPERTIES':
      // Reopened: what rating and drafts made is gone, and so are their figures.
      await work.discard(trx, subject)
      return { revenueInMajorCurrency: '0', maxInvoiceValue: null, maxInvoiceCustomerId: null, usageSuspenseCount: 0, rentalSuspenseCount: 0 }
    default:
      throw new Error(`bill run step ${step} has no work`)
  }
}
