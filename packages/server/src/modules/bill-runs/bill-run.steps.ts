import { AppError } from '../../errors.ts'
import type { PatchRequest } from '../../resources/patch.ts'
import { assertTransition, type Transitions } from '../../resources/transitions.ts'
import type { BillRunStatus, SummaryStatus } from './bill-run.fields.ts'

/**
 * A bill run's state machine. `summaryStatus` is the step; `billRunStatus` follows from it (OPEN
 * before closing, FINALIZED once distribution finished, CLOSED between). Each move starts a step
 * that runs as a durable job: the PATCH answers at once with the new step at 0% and the job sets
 * 100% when its work is done; no other move is taken while a step runs.
 */
const none: readonly SummaryStatus[] = []
const unused = { STARTING: none, COMBINING_INVOICES: none, PAYMENT: none, REACTIVATING_RPIS: none, ARCHIVING: none }

/** Scheduled bill runs (updateBillRun): close, draft or full invoices, distribution; reopen before full invoices. */
export const SCHEDULED_MOVES: Transitions<SummaryStatus> = {
  PROPERTIES: ['REPORTING'],
  REPORTING: ['DRAFT_INVOICES', 'FULL_INVOICES', 'PROPERTIES'],
  DRAFT_INVOICES: ['FULL_INVOICES', 'PROPERTIES'],
  FULL_INVOICES: ['DISTRIBUTION'],
  DISTRIBUTION: none,
  FINISHED: none,
  ...unused,
}

/** Adhoc bill runs (updateAdhocBillRun): close, full invoices, distribution; reopen before invoices. */
export const ADHOC_MOVES: Transitions<SummaryStatus> = {
  PROPERTIES: ['REPORTING'],
  REPORTING: ['FULL_INVOICES', 'PROPERTIES'],
  DRAFT_INVOICES: none,
  FULL_INVOICES: ['DISTRIBUTION'],
  DISTRIBUTION: none,
  FINISHED: none,
  ...unused,
}

/** The bill run status a step belongs to. */
export function statusOf(step: SummaryStatus): BillRunStatus {
  if (step === 'PROPERTIES') return 'OPEN'
  return step === 'FINISHED' ? 'FINALIZED' : 'CLOSED'
}

/** The step a bill run status alone asks for: reopen, close, or finalise (distribution). */
const STEP_OF_STATUS: Record<BillRunStatus, SummaryStatus> = { OPEN: 'PROPERTIES', CLOSED: 'REPORTING', FINALIZED: 'DISTRIBUTION' }

export interface BillRunState {
  billRunStatus: BillRunStatus
  summaryStatus: SummaryStatus
  summaryStatusPercentage: number
}

/**
 * The step a patch moves the bill run to, or undefined when it moves nothing. `summaryStatus`
 * decides; a `billRunStatus` alone asks for the step it stands for; one that contradicts the
 * step asked for is 400. A move the table does not allow, and any move (or asking again for the
 * step) while a step runs, is 409 naming what is allowed.
 */
export function moveOf(moves: Transitions<SummaryStatus>, noun: string, current: BillRunState, patched: Pick<BillRunState, 'billRunStatus' | 'summaryStatus'>, asked: Asked): SummaryStatus | undefined {
  const statusChanged = patched.billRunStatus !== current.billRunStatus
  const target = patched.summaryStatus !== current.summaryStatus ? patched.summaryStatus : statusChanged ? STEP_OF_STATUS[patched.billRunStatus] : current.summaryStatus
  const fits = patched.billRunStatus === statusOf(target) || (patched.billRunStatus === 'FINALIZED' && target === 'DISTRIBUTION')
  if ((statusChanged || asked.billRunStatus) && !fits) {
    throw new AppError('validation_failed', {
      message: `Validation failed: billRunStatus ${patched.billRunStatus} does not go with summaryStatus ${target}`,
      errors: [{ field: 'billRunStatus', code: 'invalid_value', message: `must be ${statusOf(target)} with summaryStatus ${target}` }],
    })
  }
  const running = current.summaryStatusPercentage < 100
  if (running && (target !== current.summaryStatus || asked.billRunStatus || asked.summaryStatus)) {
    throw new AppError('invalid_transition', {
      message: `${noun} is still running its ${current.summaryStatus} step (${current.summaryStatusPercentage}%): wait until summaryStatusPercentage is 100`,
      errors: [{ field: 'summaryStatus', code: 'step_in_progress', message: `${current.summaryStatus} is running (${current.summaryStatusPercentage}%)` }],
    })
  }
  if (target === current.summaryStatus) return undefined
  assertTransition(moves, noun, 'summaryStatus', current.summaryStatus, target)
  return target
}

/** Which status fields a patch names (asking for a step, even the current one). */
export interface Asked {
  billRunStatus: boolean
  summaryStatus: boolean
}

export function asksForStatus(patch: PatchRequest): Asked {
  const names = (field: string) => {
    if (Array.isArray(patch.document)) return patch.document.some((op) => typeof op === 'object' && op !== null && (op as { path?: unknown }).path === `/${field}`)
    return typeof patch.document === 'object' && patch.document !== null && field in patch.document
  }
  return { billRunStatus: names('billRunStatus'), summaryStatus: names('summaryStatus') }
}
