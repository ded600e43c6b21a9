import type { TenantTransaction } from '../../db/database.ts'
import { markAdhocInventoriesBilled, releaseAdhocInventoriesBilled, unbilledAdhocInventories } from '../adhoc-inventories/index.ts'
import type { BillRunSubject, BillRunWork, StepOutcome } from '../bill-runs/index.ts'
import { finaliseInvoices, replaceDraftInvoices, type BillRunRef } from '../invoices/index.ts'
import { loadRentalPriceCandidates } from '../pricing-assignments/index.ts'
import { billableRentalProductInventories } from '../rental-product-inventories/index.ts'
import { rateAdhocCharges, rateRentals, taxRateFinder } from './rating.charges.ts'
import { earlier } from './rating.dates.ts'
import { figuresOf, invoicesOf } from './rating.invoices.ts'
import { priceFinder } from './rating.pricing.ts'
import { billedSites, billedSoFar, chargesToInvoice, deleteRatedCharges, hasDraftInvoices, insertRatedCharges, markInvoicesDistributed, productTerms, taxRates } from './rating.repository.ts'
import { horizon, type Period } from './rating.rules.ts'

/** The period a bill run rates: a scheduled run's own; an adhoc run's invoice date alone. */
const periodOf = (subject: BillRunSubject): Period =>
  subject.kind === 'scheduled' ? { start: subject.periodStartDate, end: subject.periodEndDate } : { start: subject.invoiceDate, end: subject.invoiceDate }

const billedBy = (subject: BillRunSubject) => (subject.kind === 'scheduled' ? { billRunId: subject.id } : { adhocBillRunId: subject.id })

/** The adhoc inventories a run bills: those of its sites for the next bill run, or an adhoc run's own. */
async function adhocOf(trx: TenantTransaction, subject: BillRunSubject, siteIds: number[]) {
  if (subject.kind === 'scheduled') return unbilledAdhocInventories(trx, siteIds, { billImmediately: false })
  const own = new Set(subject.adhocProductInventoryIds)
  const all = [...(await unbilledAdhocInventories(trx, siteIds, { billImmediately: true })), ...(await unbilledAdhocInventories(trx, siteIds, { billImmediately: false }))]
  return all.filter((charge) => own.has(charge.id))
}

/**
 * Rating (closing): rates every billable RPI of the run's sites and its adhoc inventories, and
 * stores the charges, in a fixed number of queries. Whatever the run rated before is forgotten
 * first, so running the step again rates the same charges once.
 */
async function rate(trx: TenantTransaction, subject: BillRunSubject, today: string): Promise<StepOutcome> {
  await discardRating(trx, subject)
  const period = periodOf(subject)
  const sites = await billedSites(trx, subject)
  const siteIds = sites.map((site) => site.siteId)
  const own = subject.kind === 'adhoc' ? new Set(subject.rentalProductInventoryIds) : undefined
  const rpis = (await billableRentalProductInventories(trx, siteIds, { startDate: period.start, endDate: period.end })).filter((rpi) => own === undefined || own.has(rpi.id))
  const bySite = new Map(sites.map((site) => [site.siteId, site]))
  const products = await productTerms(trx, rpis.map((rpi) => rpi.rentalProductId))
  const billed = await billedSoFar(trx, rpis.map((rpi) => rpi.id))
  const held = rpis.flatMap((rpi) => {
    const site = bySite.get(rpi.siteId)
    return site === undefined ? [] : [{ inventoryId: rpi.id, siteId: rpi.siteId, customerId: site.customerId, productId: rpi.rentalProductId }]
  })
  const from = rpis.reduce((first, rpi) => earlier(first, rpi.startDate), period.start)
  const candidates = await loadRentalPriceCandidates(trx, held, { from, to: horizon(period, { rentalRateType: 'ADVANCE', periodsInAdvance: 'ADVANCEDPLUSONEMONTH' }) })
  const adhoc = await adhocOf(trx, subject, siteIds)
  const rates = await taxRates(trx, [...[...products.values()].map((product) => product.taxBandId), ...adhoc.map((charge) => charge.taxBandId)])
  const taxRateOn = taxRateFinder(rates)
  const rentals = rateRentals({ period, recurring: subject.kind === 'scheduled', sites: bySite, rpis, products, billed, findPrice: priceFinder(candidates), taxRateOn })
  await insertRatedCharges(trx, subject, today, [...rentals.charges, ...rateAdhocCharges(adhoc, bySite, subject.invoiceDate, taxRateOn)])
  await markAdhocInventoriesBilled(trx, adhoc.map((charge) => charge.id), billedBy(subject))
  return { ...figuresOf(invoicesOf(subject, await chargesToInvoice(trx, subject))), rentalSuspenseCount: rentals.suspense }
}

/** Forgets what rating made: the rated charges, and the adhoc inventories go back to unbilled. */
async function discardRating(trx: TenantTransaction, subject: BillRunSubject): Promise<void> {
  await deleteRatedCharges(trx, subject)
  await releaseAdhocInventoriesBilled(trx, billedBy(subject))
}

const refOf = (subject: BillRunSubject, status: string): BillRunRef =>
  subject.kind === 'scheduled' ? { id: subject.id, type: 'NORMAL', status, billingCycleId: subject.billingCycleId } : { id: subject.id, type: 'ADHOC', status }

/** Draft invoices from the rated charges, replacing the run's earlier drafts. */
async function writeDrafts(trx: TenantTransaction, subject: BillRunSubject): Promise<StepOutcome> {
  const invoices = invoicesOf(subject, await chargesToInvoice(trx, subject))
  await replaceDraftInvoices(trx, refOf(subject, 'CLOSED'), invoices)
  return figuresOf(invoices)
}

/**
 * Rating and invoicing as the bill runs' steps (plugged into the bill-run module in app.ts). Each
 * runs in the step's transaction with the bill run locked, and is repeatable.
 */
export function ratingBillRunWork(clock: () => Date): BillRunWork {
  return {
    rate: (trx, subject) => rate(trx, subject, clock().toISOString().slice(0, 10)),
    draftInvoices: writeDrafts,
    // The drafts of the draft step are current (only reopening changes the rating, and it deletes
    // them); full invoices straight after closing are drafted first.
    async fullInvoices(trx, subject) {
      const ref = refOf(subject, 'CLOSED')
      const outcome = (await hasDraftInvoices(trx, ref)) ? {} : await writeDrafts(trx, subject)
      await finaliseInvoices(trx, ref)
      return outcome
    },
    async distribute(trx, subject) {
      await markInvoicesDistributed(trx, refOf(subject, 'FINALIZED'))
      return {}
    },
    async discard(trx, subject) {
      await replaceDraftInvoices(trx, refOf(subject, 'OPEN'), [])
      await discardRating(trx, subject)
    },
  }
}
