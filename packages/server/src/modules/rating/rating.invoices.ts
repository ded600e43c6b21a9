import { Decimal } from '../../resources/decimal.ts'
import type { BillRunSubject, StepOutcome } from '../bill-runs/index.ts'
import { lineAmounts, type InvoiceInput } from '../invoices/index.ts'
import type { ChargeToInvoice } from './rating.repository.ts'

/**
 * A bill run's invoices from its rated charges (pure): one invoice per customer, receiving site
 * and currency, addressed to the site that receives it; a line per charge, in the charges' order
 * (customer, receiving site, site, then as rated).
 */
export function invoicesOf(subject: BillRunSubject, charges: readonly ChargeToInvoice[]): InvoiceInput[] {
  const invoices = new Map<string, InvoiceInput & { lines: InvoiceInput['lines'][number][] }>()
  const period = subject.kind === 'scheduled' ? { periodStartDate: subject.periodStartDate, periodEndDate: subject.periodEndDate } : {}
  for (const charge of charges) {
    const key = `${charge.customerId}/${charge.invoiceSiteId}/${charge.currencyCode}`
    let invoice = invoices.get(key)
    if (invoice === undefined) {
      invoice = {
        contractOwnerId: charge.contractOwnerId,
        customerId: charge.customerId,
        siteId: charge.invoiceSiteId,
        currencyCode: charge.currencyCode,
        invoiceDate: subject.invoiceDate,
        ...period,
        lines: [],
      }
      invoices.set(key, invoice)
    }
    invoice.lines.push({
      siteId: charge.siteId,
      description: charge.description,
      quantity: charge.quantity,
      unitPrice: charge.unitPrice,
      amount: charge.amount,
      ...(charge.taxBandId === null ? {} : { taxBandId: charge.taxBandId }),
      taxRate: charge.taxRate,
      periodStartDate: charge.chargeStartDate,
      periodEndDate: charge.chargeEndDate,
    })
  }
  return [...invoices.values()]
}

/**
 * The bill run's figures: revenue is the sum of the invoices' net amounts (tax is not revenue);
 * the largest invoice is the one with the largest gross amount (what the customer pays), the
 * first customer in invoice order on a tie.
 */
export function figuresOf(invoices: readonly InvoiceInput[]): Required<Pick<StepOutcome, 'revenueInMajorCurrency' | 'maxInvoiceValue' | 'maxInvoiceCustomerId'>> {
  let revenue = new Decimal(0)
  let max: { gross: Decimal; customerId: number } | undefined
  for (const invoice of invoices) {
    let net = new Decimal(0)
    let gross = new Decimal(0)
    for (const line of invoice.lines) {
      const { amount, tax } = lineAmounts(line)
      net = net.plus(amount)
      gross = gross.plus(amount).plus(tax)
    }
    revenue = revenue.plus(net)
    if (max === undefined || gross.greaterThan(max.gross)) max = { gross, customerId: invoice.customerId }
  }
  return { revenueInMajorCurrency: revenue.toFixed(), maxInvoiceValue: max?.gross.toFixed() ?? null, maxInvoiceCustomerId: max?.customerId ?? null }
}
