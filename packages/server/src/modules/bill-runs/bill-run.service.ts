import type { Actor } from '../../auth/actor.ts'
import { AppError } from '../../errors.ts'
import type { Database, TenantTransaction } from '../../db/database.ts'
import type { JobQueue } from '../../jobs/job-queue.ts'
import type { ListRequest } from '../../lists/list-query.ts'
import { visibleRecord } from '../../resources/crud.ts'
import type { DocumentOf, ResourceOf } from '../../resources/fields.ts'
import { patchDocument, type PatchRequest } from '../../resources/patch.ts'
import { assertNoOverlap } from '../../resources/periods.ts'
import { scopeConditions } from '../../resources/scope.ts'
import type { Stored } from '../../resources/table.ts'
import { assertVersion } from '../../resources/versioned.ts'
import { billRunResource, type billRunFields } from './bill-run.fields.ts'
import { BILL_RUN_STEP_JOB, type BillRunStepJob } from './bill-run.jobs.ts'
import { billRuns, cycleOfBillRuns, cyclesWithoutOpenBillRun, insertBillRuns, otherPeriods } from './bill-run.repository.ts'
import { isoDate, namesOf, newBillRun } from './bill-run.rows.ts'
import { addDays, isScheduled, periodContaining, shiftPeriod } from './bill-run.schedule.ts'
import { asksForStatus, moveOf, SCHEDULED_MOVES, statusOf, type BillRunState } from './bill-run.steps.ts'

type BillRunDocument = DocumentOf<typeof billRunFields>

export interface BillRunDependencies {
  db: Database
  jobs: JobQueue
  clock: () => Date
}

/** Scheduled bill runs: list, get, PATCH (the steps) and schedule adjustment. */
export function billRunUseCases({ db, jobs, clock }: BillRunDependencies) {
  const scope = (actor: Actor) => scopeConditions(actor, 'contract_owner_id')
  const today = () => isoDate(clock())

  /**
   * Every billing cycle has its current bill run: cycles without an unfinished one (new cycles,
   * or cycles from before bill runs existed) get the period containing today, made here, lazily,
   * on the first bill-run request that needs it. One read when there is nothing to make.
   */
  async function ensureCurrentBillRuns(brandId: number): Promise<void> {
    const missing = await db.readTenant(brandId, (reader) => cyclesWithoutOpenBillRun(reader))
    if (missing.length === 0) return
    const day = today()
    await db.withTenant(brandId, (trx) => insertBillRuns(trx, missing.map((cycle) => newBillRun(cycle, periodContaining(cycle, day), day))))
  }

  return {
    async list(actor: Actor, list: ListRequest) {
      await ensureCurrentBillRuns(actor.brandId)
      return db.readTenant(actor.brandId, (reader) => billRuns.page(reader, list, scope(actor)))
    },

    async get(actor: Actor, id: number) {
      await ensureCurrentBillRuns(actor.brandId)
      return db.readTenant(actor.brandId, (reader) => visibleRecord(reader, billRuns, scope(actor), id))
    },

    /** Moves the bill run (as published) and changes its dates; a step runs as a job after the commit. */
    async update(actor: Actor, id: number, patch: PatchRequest) {
      await ensureCurrentBillRuns(actor.brandId)
      let started = false
      const updated = await db.withTenant(actor.brandId, async (trx) => {
        const current = await visibleRecord(trx, billRuns, scope(actor), id, true)
        assertVersion(current.version!, patch.ifMatch)
        const patched = patchDocument<BillRunDocument>(current.resource, patch, billRunResource.fixed, billRunResource.server, billRunResource.validateDocument)
        const state = current.resource as BillRunState
        const step = moveOf(SCHEDULED_MOVES, `Bill run ${id}`, state, patched, asksForStatus(patch))
        if (step === undefined) return unchangedOr(trx, current, patched)
        started = true
        const document = { ...patched, summaryStatus: step, billRunStatus: statusOf(step) }
        const extra = { summary_status_percentage: 0, ...(step === 'REPORTING' ? { billing_user_admin_id: actor.userId } : {}) }
        const saved = await billRuns.update(trx, current, document, extra)
        await jobs.enqueue<BillRunStepJob>(trx, BILL_RUN_STEP_JOB, { brandId: actor.brandId, kind: 'scheduled', billRunId: id, step })
        return saved
      })
      if (started) jobs.wake(BILL_RUN_STEP_JOB)
      return updated
    },

    /**
     * Moves an OPEN bill run's period by whole periods of its cycle (adjustBillRunSchedule): its
     * dates follow (the invoice date keeps its distance from the period's end). It may not reach
     * into another bill run's period of the cycle (409).
     */
    async adjustSchedule(actor: Actor, id: number, periods: number) {
      await ensureCurrentBillRuns(actor.brandId)
      return db.withTenant(actor.brandId, async (trx) => {
        const current = await visibleRecord(trx, billRuns, scope(actor), id, true)
        const resource = current.resource
        if (resource.billRunStatus !== 'OPEN') {
          throw new AppError('invalid_transition', {
            message: `Bill run ${id} is ${resource.billRunStatus}: only an OPEN bill run's schedule can be adjusted`,
            errors: [{ field: 'billRunStatus', code: 'invalid_transition', message: 'must be OPEN' }],
          })
        }
        if (periods === 0) return current
        const cycle = await cycleOfBillRuns(trx, resource.billingCycleId)
        const from = { start: resource.periodStartDate, end: resource.periodEndDate }
        const base = isScheduled(cycle, from) ? from : periodContaining(cycle, from.start)
        const period = shiftPeriod(cycle, base, periods)
        assertNoOverlap('Bill run', { startDate: period.start, endDate: period.end }, await otherPeriods(trx, cycle.id, id))
        const shift = (date: string | undefined) => (date === undefined ? undefined : addDays(period.end, daysBetween(from.end, date)))
        const document = { ...documentOf(current), invoiceDate: shift(resource.invoiceDate)!, includeUsageUntilDate: shift(resource.includeUsageUntilDate) }
        return billRuns.update(trx, current, document, { ...namesOf(period), period_start_date: period.start, period_end_date: period.end })
      })
    },
  }
}

/** A patch that moves nothing still changes the dates or `paused`; one that changes nothing writes nothing. */
async function unchangedOr(trx: TenantTransaction, current: Stored<ResourceOf<typeof billRunFields>>, patched: BillRunDocument) {
  const before = documentOf(current)
  const same = (Object.keys({ ...before, ...patched }) as Array<keyof BillRunDocument>).every((key) => before[key] === patched[key])
  return same ? current : billRuns.update(trx, current, patched)
}

/** The writable fields of a stored bill run, as a document. */
function documentOf(stored: Stored<unknown>): BillRunDocument {
  const resource = stored.resource as BillRunDocument
  const { invoiceDate, includeUsageUntilDate, billRunStatus, summaryStatus, paused } = resource
  return { invoiceDate, billRunStatus, summaryStatus, paused, ...(includeUsageUntilDate === undefined ? {} : { includeUsageUntilDate }) }
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000)
}
