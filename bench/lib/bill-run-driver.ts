import { UnexpectedStatus, type ApiClient } from './api-client.ts'

/** The fields of a bill run the driver reads (GET /v1/bill-runs/{id}). */
export interface BillRun {
  id: number
  name: string
  billingCycleId: number
  periodStartDate: string
  periodEndDate: string
  billRunStatus: string
  summaryStatus: string
  summaryStatusPercentage: number
  revenueInMajorCurrency: number
  maxInvoiceValue?: number
  maxInvoiceCustomerId?: number
  rentalSuspenseCount: number
  usageSuspenseCount: number
}

export interface StepTiming {
  step: string
  /** From sending the PATCH to the first GET that shows the step done. */
  ms: number
  /** GETs it took to see it done. */
  polls: number
  /** Of those, the ones the server shed (503 `server_overloaded`, or no database connection in time). */
  unavailable: number
}

const replace = (path: string, value: string) => ({ op: 'replace', path, value })

/** The published way through a scheduled bill run (updateBillRun): close, draft, full, distribution. */
const STEPS = [
  { step: 'close', patch: [replace('/billRunStatus', 'CLOSED'), replace('/summaryStatus', 'REPORTING')], summaryStatus: 'REPORTING' },
  { step: 'draft invoices', patch: [replace('/summaryStatus', 'DRAFT_INVOICES')], summaryStatus: 'DRAFT_INVOICES' },
  { step: 'full invoices', patch: [replace('/summaryStatus', 'FULL_INVOICES')], summaryStatus: 'FULL_INVOICES' },
  // Distribution's job ends the bill run: FINALIZED at FINISHED.
  { step: 'distribution', patch: [replace('/summaryStatus', 'DISTRIBUTION')], summaryStatus: 'FINISHED' },
] as const

/** The cycle's one OPEN bill run, found as a client finds it (the list, filtered). */
export async function openBillRun(api: ApiClient, billingCycleId: number): Promise<BillRun> {
  const open = await api.call<BillRun[]>('GET', `/v1/bill-runs?page=1&pageSize=10&billingCycleId=${billingCycleId}&billRunStatus=OPEN`)
  if (open.length !== 1) throw new Error(`billing cycle ${billingCycleId} has ${open.length} OPEN bill runs, not 1`)
  return open[0]!
}

/**
 * Drives a bill run through every step as a client does: PATCH the step, then GET every
 * `pollMs` until it shows the step at 100% (a step's work runs as a job after the PATCH answers).
 * Throws when a PATCH or GET answers another status (but a GET's 503, polled again), the bill run
 * leaves the step for another, or a step is not done within `timeoutMs`.
 */
export async function driveBillRun(api: ApiClient, id: number, options: { pollMs: number; timeoutMs: number; onStep?: (timing: StepTiming) => void }): Promise<StepTiming[]> {
  const timings: StepTiming[] = []
  for (const { step, patch, summaryStatus } of STEPS) {
    const started = performance.now()
    const moved = await api.call<BillRun>('PATCH', `/v1/bill-runs/${id}`, { jsonPatch: [...patch] })
    let current = moved
    let polls = 0
    let unavailable = 0
    while (!(current.summaryStatus === summaryStatus && current.summaryStatusPercentage === 100)) {
      const expected = current.summaryStatus === summaryStatus || current.summaryStatus === patch.at(-1)!.value
      if (!expected) throw new Error(`bill run ${id}: ${step} left it at ${current.summaryStatus} (${current.billRunStatus}), not ${summaryStatus}`)
      if (performance.now() - started > options.timeoutMs) {
        throw new Error(`bill run ${id}: ${step} not done after ${options.timeoutMs / 1000} s (${current.summaryStatus} at ${current.summaryStatusPercentage}%)`)
      }
      await new Promise((resolve) => setTimeout(resolve, options.pollMs))
      polls += 1
      try {
        current = await api.call<BillRun>('GET', `/v1/bill-runs/${id}`)
      } catch (error) {
        // A client polls again on 503; the reads measured alongside count it as an error.
        if (!(error instanceof UnexpectedStatus && error.status === 503)) throw error
        unavailable += 1
      }
    }
    const timing = { step, ms: Math.round(performance.now() - started), polls, unavailable }
    timings.push(timing)
    options.onStep?.(timing)
  }
  return timings
}
