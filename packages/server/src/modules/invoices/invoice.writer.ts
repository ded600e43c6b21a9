import { sql } from 'kysely'
import type { TenantTransaction } from '../../db/database.ts'
import { Decimal, parseDecimal } from '../../resources/decimal.ts'
import './invoice.table.ts'

/** An exact decimal as the writer takes it: decimal text, a number of at most 15 digits, or a Decimal. */
export type DecimalInput = string | number | Decimal

/** The bill run whose invoices are written (bill runs are built in their own module). */
export interface BillRunRef {
  id: number
  type: 'NORMAL' | 'ADHOC'
  /** Its status as the invoices answer it (`billRunStatus`), e.g. CLOSED. */
  status: string
  billingCycleId?: number
}

export interface InvoiceLineInput {
  /** The site the charge is for. */
  siteId: number
  description: string
  quantity: DecimalInput
  unitPrice: DecimalInput
  /** The rated net amount; absent: quantity × unitPrice. Rounded half up to the minor unit either way. */
  amount?: DecimalInput
  taxBandId?: number
  /** Percent, 0..100. */
  taxRate: DecimalInput
  periodStartDate?: string
  periodEndDate?: string
}

export interface InvoiceInput {
  contractOwnerId: number
  customerId: number
  /** The site that receives the invoice: the customer's site, or the one its siteIdReceivingInvoice names. */
  siteId: number
  currencyCode: string
  invoiceDate: string
  dueDate?: string
  periodStartDate?: string
  periodEndDate?: string
  lines: readonly InvoiceLineInput[]
}

const MINOR_UNIT_PLACES = 2
const round = (value: Decimal) => value.toDecimalPlaces(MINOR_UNIT_PLACES, Decimal.ROUND_HALF_UP)

function decimal(value: DecimalInput, what: string): Decimal {
  const parsed = value instanceof Decimal ? value : parseDecimal(value)
  if (parsed === undefined) throw new Error(`invoice writer: ${what} is not a decimal: ${String(value)}`)
  return parsed
}

/** A line's amounts: the net amount and its tax, each rounded half up to the minor unit. */
export function lineAmounts(line: InvoiceLineInput): { amount: Decimal; tax: Decimal } {
  const amount = round(line.amount === undefined ? decimal(line.quantity, 'quantity').times(decimal(line.unitPrice, 'unitPrice')) : decimal(line.amount, 'amount'))
  return { amount, tax: round(amount.times(decimal(line.taxRate, 'taxRate')).dividedBy(100)) }
}

/** The rows of one batch as JSON: invoices with their totals, and lines keyed by their invoice's position. */
function batchOf(billRun: BillRunRef, invoices: readonly InvoiceInput[]) {
  const heads: object[] = []
  const lines: object[] = []
  invoices.forEach((invoice, ord) => {
    let net = new Decimal(0)
    let tax = new Decimal(0)
    for (const line of invoice.lines) {
      const amounts = lineAmounts(line)
      net = net.plus(amounts.amount)
      tax = tax.plus(amounts.tax)
      lines.push({
        ord,
        no: lines.length,
        site_id: line.siteId,
        description: line.description,
        quantity: decimal(line.quantity, 'quantity').toFixed(),
        unit_price: decimal(line.unitPrice, 'unitPrice').toFixed(),
        amount: amounts.amount.toFixed(),
        tax_band_id: line.taxBandId ?? null,
        tax_rate: decimal(line.taxRate, 'taxRate').toFixed(),
        tax_amount: amounts.tax.toFixed(),
        period_start_date: line.periodStartDate ?? null,
        period_end_date: line.periodEndDate ?? null,
      })
    }
    heads.push({
      ord,
      contract_owner_id: invoice.contractOwnerId,
      customer_id: invoice.customerId,
      site_id: invoice.siteId,
      billing_cycle_id: billRun.billingCycleId ?? null,
      currency_code: invoice.currencyCode,
      invoice_date: invoice.invoiceDate,
      due_date: invoice.dueDate ?? null,
      period_start_date: invoice.periodStartDate ?? null,
      period_end_date: invoice.periodEndDate ?? null,
      net_amount: net.toFixed(),
      tax_amount: tax.toFixed(),
      gross_amount: net.plus(tax).toFixed(),
    })
  })
  return { heads: JSON.stringify(heads), lines: JSON.stringify(lines) }
}

/**
 * Replaces the bill run's draft invoices with `invoices` (regeneration): deletes its drafts (their
 * lines go with them), then inserts every invoice and line of the batch in one statement, however
 * many customers the bill run has. Final invoices of the bill run are left alone. The caller holds
 * the bill run's lock, so two regenerations of one bill run do not interleave. Answers the new
 * invoices' ids, in the order given.
 */
export async function replaceDraftInvoices(trx: TenantTransaction, billRun: BillRunRef, invoices: readonly InvoiceInput[]): Promise<number[]> {
  await trx.deleteFrom('invoices').where('bill_run_type', '=', billRun.type).where('bill_run_id', '=', billRun.id).where('invoice_status', '=', 'DRAFT').execute()
  if (invoices.length === 0) return []
  const { heads, lines } = batchOf(billRun, invoices)
  // Ids are drawn first (a materialised CTE: nextval runs once per invoice), so the lines can name
  // their invoice in the same statement.
  const result = await sql<{ id: number }>`
    with head as materialized (
      select nextval('invoices_id_seq') as id, h.*
        from jsonb_to_recordset(${heads}::jsonb) as h(ord int, contract_owner_id bigint, customer_id bigint, site_id bigint, billing_cycle_id bigint,
             currency_code text, invoice_date date, due_date date, period_start_date date, period_end_date date,
             net_amount numeric, tax_amount numeric, gross_amount numeric)
    ),
    invoices_in as (
      insert into invoices (id, contract_owner_id, customer_id, site_id, billing_cycle_id, bill_run_id, bill_run_type, bill_run_status,
                            currency_code, invoice_date, due_date, period_start_date, period_end_date, net_amount, tax_amount, gross_amount)
      select id, contract_owner_id, customer_id, site_id, billing_cycle_id, ${billRun.id}, ${billRun.type}, ${billRun.status},
             currency_code, invoice_date, due_date, period_start_date, period_end_date, net_amount, tax_amount, gross_amount
        from head
    ),
    lines_in as (
      insert into invoice_lines (invoice_id, site_id, description, quantity, unit_price, amount, tax_band_id, tax_rate, tax_amount, period_start_date, period_end_date)
      select head.id, l.site_id, l.description, l.quantity, l.unit_price, l.amount, l.tax_band_id, l.tax_rate, l.tax_amount, l.period_start_date, l.period_end_date
        from jsonb_to_recordset(${lines}::jsonb) as l(ord int, no int, site_id bigint, description text, quantity numeric, unit_price numeric,
             amount numeric, tax_band_id bigint, tax_rate numeric, tax_amount numeric, period_start_date date, period_end_date date)
        join head using (ord)
       order by l.no
    )
    select id from head order by ord`.execute(trx)
  return result.rows.map((row) => Number(row.id))
}

/**
 * Makes the bill run's draft invoices final, in one statement: each contract owner's counter row
 * is bumped by the number of its invoices (the row stays locked until the transaction ends, so
 * concurrent bill runs of one contract owner take turns and numbers have no gaps: a rollback
 * returns them with the invoices), and the invoices take the numbers in order of customer, then
 * id. A final invoice with something to pay is UNPAID; one of zero or less is NA. Answers how many
 * invoices became final.
 */
export async function finaliseInvoices(trx: TenantTransaction, billRun: BillRunRef): Promise<number> {
  const result = await sql<{ id: number }>`
    with drafts as (
      select id, contract_owner_id, gross_amount, row_number() over (partition by contract_owner_id order by customer_id, id) as n
        from invoices
       where bill_run_type = ${billRun.type} and bill_run_id = ${billRun.id} and invoice_status = 'DRAFT'
    ),
    counts as (select contract_owner_id, count(*) as c from drafts group by contract_owner_id),
    bumped as (
      insert into invoice_number_counters as counter (contract_owner_id, last_number)
      select contract_owner_id, c from counts
          on conflict (brand_id, contract_owner_id) do update set last_number = counter.last_number + excluded.last_number
      returning contract_owner_id, last_number
    )
    update invoices as i
       set invoice_status = 'FINAL',
           invoice_number = (b.last_number - c.c + d.n)::text,
           bill_run_status = ${billRun.status},
           payment_status = case when d.gross_amount > 0 then 'UNPAID' else 'NA' end,
           updated_date = now()
      from drafts as d
      join counts as c on c.contract_owner_id = d.contract_owner_id
      join bumped as b on b.contract_owner_id = d.contract_owner_id
     where i.id = d.id
    returning i.id`.execute(trx)
  return result.rows.length
}
