import { sql } from 'kysely'
import type { TenantReader, TenantTransaction } from '../../db/database.ts'
import { Decimal } from '../../resources/decimal.ts'
import { resourceTable } from '../../resources/table.ts'
import { customerPaymentResource, refundResource } from './customer-payment.fields.ts'
import type { Ledger, PaymentStatus } from './ledger.rules.ts'
import './ledger.table.ts'
import { invoicePaymentEventResource, invoicePaymentResource } from './payment.fields.ts'

export const invoicePaymentEvents = resourceTable('invoice_payment_events', invoicePaymentEventResource)
export const invoicePayments = resourceTable('invoice_payments', invoicePaymentResource)
export const customerPayments = resourceTable('customer_payments', customerPaymentResource)
const paymentOf = (type: string) => (table: string) => sql`case when ${sql.ref(`${table}.bill_run_type`)} = ${sql.lit(type)} then ${sql.ref(`${table}.invoice_payment_id`)} end`
export const refunds = resourceTable('refunds', refundResource, { computed: { normal_invoice_payment_id: paymentOf('NORMAL'), adhoc_invoice_payment_id: paymentOf('ADHOC') } })

/** What a money move needs to know of an invoice (the invoices module's table, read here in one query). */
export interface InvoiceFacts {
  id: number
  customerId: number
  billRunId: number
  billRunType: 'NORMAL' | 'ADHOC'
  final: boolean
  gross: Decimal
  paymentStatus: PaymentStatus
}

/** The invoice, when it exists in the brand and lies within the actor's contract owner (null: any). */
export async function findInvoice(db: TenantReader, id: number, contractOwnerId: number | null): Promise<InvoiceFacts | undefined> {
  let query = db.selectFrom('invoices').select(['id', 'customer_id', 'bill_run_id', 'bill_run_type', 'invoice_status', 'gross_amount', 'payment_status']).where('id', '=', id)
  if (contractOwnerId !== null) query = query.where('contract_owner_id', '=', contractOwnerId)
  const row = await query.executeTakeFirst()
  if (row === undefined) return undefined
  return {
    id: Number(row.id),
    customerId: Number(row.customer_id),
    billRunId: Number(row.bill_run_id),
    billRunType: row.bill_run_type,
    final: row.invoice_status === 'FINAL',
    gross: new Decimal(row.gross_amount),
    paymentStatus: row.payment_status as PaymentStatus,
  }
}

/**
 * Locks the customer's account row (made on first use): every money move of a customer locks it
 * first, then its invoices, so moves of one customer take turns and never deadlock.
 */
export async function lockCustomer(trx: TenantTransaction, customerId: number): Promise<void> {
  await trx
    .insertInto('customer_accounts')
    .values({ customer_id: customerId })
    .onConflict((conflict) => conflict.columns(['brand_id', 'customer_id']).doUpdateSet({ credit_amount: sql`customer_accounts.credit_amount` }))
    .execute()
}

/** Adds to (or, negative, takes from) the customer's credit; the account is locked. */
export async function addCredit(trx: TenantTransaction, customerId: number, amount: Decimal): Promise<void> {
  await trx.updateTable('customer_accounts').set({ credit_amount: sql`credit_amount + ${amount.toFixed()}::numeric` }).where('customer_id', '=', customerId).execute()
}

/**
 * The customer's balance (the `customer_balances` view, which the credit status reads too): its
 * credit less what its final invoices owe. Negative: a debt.
 */
export async function customerBalance(db: TenantReader, customerId: number): Promise<Decimal> {
  const row = await db.selectFrom('customer_balances').select('balance').where('customer_id', '=', customerId).executeTakeFirst()
  return new Decimal(row?.balance ?? 0)
}

type LedgerRow = { invoice_id: number | string; gross_amount: string; paid_amount: string; refunded_amount: string; written_off_amount: string; payment_status: string }

const ledgerOf = (row: LedgerRow): Ledger => ({
  invoiceId: Number(row.invoice_id),
  gross: new Decimal(row.gross_amount),
  paid: new Decimal(row.paid_amount),
  refunded: new Decimal(row.refunded_amount),
  writtenOff: new Decimal(row.written_off_amount),
  status: row.payment_status as PaymentStatus,
})

/** The final invoice's ledger row, made on its first money move, locked until the transaction ends. */
export async function lockLedger(trx: TenantTransaction, invoice: InvoiceFacts, at: Date): Promise<Ledger> {
  const row = await trx
    .insertInto('invoice_ledgers')
    .values({ invoice_id: invoice.id, customer_id: invoice.customerId, gross_amount: invoice.gross.toFixed(), payment_status: invoice.paymentStatus, status_updated_at: at })
    .onConflict((conflict) => conflict.columns(['brand_id', 'invoice_id']).doUpdateSet({ gross_amount: sql`invoice_ledgers.gross_amount` }))
    .returningAll()
    .executeTakeFirstOrThrow()
  return ledgerOf(row)
}

/** An unpaid invoice of the customer, for a customer payment to pay off. */
export interface Payable {
  ledger: Ledger
  billRunId: number
  billRunType: 'NORMAL' | 'ADHOC'
}

/** The customer's final invoices that owe something and take payments, oldest first, locked. */
export async function lockPayables(trx: TenantTransaction, customerId: number, statuses: readonly PaymentStatus[], at: Date): Promise<Payable[]> {
  await sql`
    insert into invoice_ledgers (invoice_id, customer_id, gross_amount, payment_status, status_updated_at)
    select id, customer_id, gross_amount, payment_status, ${at} from invoices
     where customer_id = ${customerId} and invoice_status = 'FINAL' and gross_amount > 0
    on conflict (brand_id, invoice_id) do nothing`.execute(trx)
  const result = await sql<LedgerRow & { bill_run_id: string; bill_run_type: 'NORMAL' | 'ADHOC' }>`
    select l.*, i.bill_run_id, i.bill_run_type
      from invoice_ledgers as l
      join invoices as i on i.brand_id = l.brand_id and i.id = l.invoice_id
     where l.customer_id = ${customerId} and l.payment_status = any(${[...statuses]}::text[])
       and l.gross_amount - l.paid_amount + l.refunded_amount - l.written_off_amount > 0
     order by i.invoice_date, i.id
       for update of l`.execute(trx)
  return result.rows.map((row) => ({ ledger: ledgerOf(row), billRunId: Number(row.bill_run_id), billRunType: row.bill_run_type }))
}

export async function saveLedger(trx: TenantTransaction, ledger: Ledger, at: Date): Promise<void> {
  await trx
    .updateTable('invoice_ledgers')
    .set({
      paid_amount: ledger.paid.toFixed(),
      refunded_amount: ledger.refunded.toFixed(),
      written_off_amount: ledger.writtenOff.toFixed(),
      payment_status: ledger.status,
      status_updated_at: at,
    })
    .where('invoice_id', '=', ledger.invoiceId)
    .execute()
}
