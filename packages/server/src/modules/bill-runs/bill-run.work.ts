import type { TenantTransaction } from '../../db/database.ts'

/** The bill run a step works on: a scheduled one (of a billing cycle's period) or an adhoc one. */
export type BillRunSubject =
  | { kind: 'scheduled'; id: number; billingCycleId: number; contractOwnerId: number; periodStartDate: string; periodEndDate: string; invoiceDate: string; includeUsageUntilDate: string | undefined }
  | { kind: 'adhoc'; id: number; invoiceDate: string; adhocProductInventoryIds: number[]; rentalProductInventoryIds: number[] }

/** What a step found, shown on the bill run; a field left out keeps its value. Money as decimal text. */
export interface StepOutcome {
  revenueInMajorCurrency?: string
  maxInvoiceValue?: string | null
  maxInvoiceCustomerId?: number | null
  usageSuspenseCount?: number
  rentalSuspenseCount?: number
}

/**
 * What each step of a bill run does. The bill-run module moves the state and runs each step as a
 * durable job, in one transaction of the bill run's brand with the bill run locked; these
 * functions do the work inside it. They must be repeatable: after a crash a step runs again, and
 * reopening discards what rating and draft invoicing made (`discard`). Composed in app.ts, so
 * rating and invoicing plug in without changing the bill-run module.
 */
export interface BillRunWork {
  /** Closing: rate the period's rentals, usage and adhoc charges. */
  rate(trx: TenantTransaction, billRun: BillRunSubject): Promise<StepOutcome>
  /** Draft invoices (replacing earlier drafts). */
  draftInvoices(trx: TenantTransaction, billRun: BillRunSubject): Promise<StepOutcome>
  /** Full (final) invoices, numbered. */
  fullInvoices(trx: TenantTransaction, billRun: BillRunSubject): Promise<StepOutcome>
  /** Distribution: send the invoices; the bill run is then finalised. */
  distribute(trx: TenantTransaction, billRun: BillRunSubject): Promise<StepOutcome>
  /** Reopening: undo what rating and draft invoicing made. */
  discard(trx: TenantTransaction, billRun: BillRunSubject): Promise<void>
}

const nothing = async (): Promise<StepOutcome> => ({})

/**
 * Work that only moves the state (revenue and counts stay 0): for tests of the steps themselves.
 * The server composes the rating module's work in app.ts.
 */
export const countingBillRunWork: BillRunWork = {
  rate: nothing,
  draftInvoices: nothing,
  fullInvoices: nothing,
  distribute: nothing,
  discard: async () => {},
}
