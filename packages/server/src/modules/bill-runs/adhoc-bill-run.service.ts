import type { Actor } from '../../auth/actor.ts'
import { assertValid, type FieldError } from '../../errors.ts'
import { readUseCases, visibleRecord } from '../../resources/crud.ts'
import type { CreateOf, DocumentOf } from '../../resources/fields.ts'
import { patchDocument, type PatchRequest } from '../../resources/patch.ts'
import { assertVersion } from '../../resources/versioned.ts'
import { canonicalJson } from '../../canonical-json.ts'
import { adhocBillRunResource, type adhocBillRunFields } from './adhoc-bill-run.fields.ts'
import { BILL_RUN_STEP_JOB, type BillRunStepJob } from './bill-run.jobs.ts'
import { adhocBillRuns } from './bill-run.repository.ts'
import { isoDate } from './bill-run.rows.ts'
import type { BillRunDependencies } from './bill-run.service.ts'
import { ADHOC_MOVES, asksForStatus, moveOf, statusOf, type BillRunState } from './bill-run.steps.ts'

type AdhocDocument = DocumentOf<typeof adhocBillRunFields>

/** Adhoc bill runs: brand-wide (every user of the brand sees them), created OPEN by a client. */
export function adhocBillRunUseCases({ db, jobs, clock }: BillRunDependencies) {
  return {
    ...readUseCases(db, adhocBillRuns, () => []),

    /** A new adhoc bill run starts OPEN (PROPERTIES); its steps are taken by PATCH. */
    create: (actor: Actor, body: CreateOf<typeof adhocBillRunFields>) => {
      const errors: FieldError[] = []
      if (body.billRunStatus !== undefined && body.billRunStatus !== 'OPEN') errors.push({ field: 'billRunStatus', code: 'invalid_value', message: 'a new adhoc bill run is OPEN' })
      if (body.summaryStatus !== undefined && body.summaryStatus !== 'PROPERTIES') errors.push({ field: 'summaryStatus', code: 'invalid_value', message: 'a new adhoc bill run is at PROPERTIES' })
      assertValid(errors)
      return db.withTenant(actor.brandId, (trx) => adhocBillRuns.insert(trx, body, { created: isoDate(clock()) }))
    },

    /** Moves the adhoc bill run (as published) or changes its nickname and invoice date. */
    async update(actor: Actor, id: number, patch: PatchRequest) {
      let started = false
      const updated = await db.withTenant(actor.brandId, async (trx) => {
        const current = await visibleRecord(trx, adhocBillRuns, [], id, true)
        assertVersion(current.version!, patch.ifMatch)
        const description = adhocBillRunResource
        const patched = patchDocument<AdhocDocument>(current.resource, patch, description.fixed, description.server, description.validateDocument)
        const state = current.resource as BillRunState
        const asked = { billRunStatus: patched.billRunStatus ?? state.billRunStatus, summaryStatus: patched.summaryStatus ?? state.summaryStatus }
        const step = moveOf(ADHOC_MOVES, `Adhoc bill run ${id}`, state, asked, asksForStatus(patch))
        if (step === undefined) {
          const { name, nickname, invoiceDate, billRunStatus, summaryStatus } = current.resource
          const before = { name, invoiceDate, billRunStatus, summaryStatus, ...(nickname === undefined ? {} : { nickname }) }
          const after = { ...patched, ...asked }
          return canonicalJson(before) === canonicalJson(after) ? current : adhocBillRuns.update(trx, current, after)
        }
        started = true
        const document = { ...patched, summaryStatus: step, billRunStatus: statusOf(step) }
        const saved = await adhocBillRuns.update(trx, current, document, { summary_status_percentage: 0, ...(step === 'REPORTING' ? { billing_user_admin_id: actor.userId } : {}) })
        await jobs.enqueue<BillRunStepJob>(trx, BILL_RUN_STEP_JOB, { brandId: actor.brandId, kind: 'adhoc', billRunId: id, step })
        return saved
      })
      if (started) jobs.wake(BILL_RUN_STEP_JOB)
      return updated
    },
  }
}
