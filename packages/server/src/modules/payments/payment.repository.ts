import { sql, type Insertable } from 'kysely'
import type { TenantReader, TenantTransaction } from '../../db/database.ts'
import { Decimal } from '../../resources/decimal.ts'
import type { CustomerPaymentsTable, InvoicePaymentEventsTable, InvoicePaymentsTable, RefundsTable } from './ledger.table.ts'

/** The rows of the ledger: each insert answers the new row's id. */
export async function insertCustomerPayment(trx: TenantTransaction, row: Omit<Insertable<CustomerPaymentsTable>, 'brand_id'>): Promise<number> {
  return Number((await trx.insertInto('customer_payments').values(row).returning('id').executeTakeFirstOrThrow()).id)
}

export async function insertInvoicePayment(trx: TenantTransaction, row: Omit<Insertable<InvoicePaymentsTable>, 'brand_id'>): Promise<number> {
  return Number((await trx.insertInto('invoice_payments').values(row).returning('id').executeTakeFirstOrThrow()).id)
}

export async function insertEvent(trx: TenantTransaction, row: Omit<Insertable<InvoicePaymentEventsTable>, 'brand_id'>): Promise<number> {
  return Number((await trx.insertInto('invoice_payment_events').values(row).returning('id').executeTakeFirstOrThrow()).id)
}

export async function insertRefund(trx: TenantTransaction, row: Omit<Insertable<RefundsTable>, 'brand_id'>): Promise<number> {
  return Number((await trx.insertInto('refunds').values(row).returning('id').executeTakeFirstOrThrow()).id)
}

/** An invoice payment as a refund needs it. */
export interface PaymentFacts {
  id: number
  invoiceId: number
  customerId: number
  billRunType: 'NORMAL' | 'ADHOC'
  amount: Decimal
  refunded: Decimal
  paymentMethod: string | null
}

/**
 * The invoice payment, if its invoice lies within the actor's contract owner (null: any); `lock`
 * once the customer and the invoice are locked (the order every money move takes).
 */
export async function findPayment(db: TenantReader, id: number, contractOwnerId: number | null, lock = false): Promise<PaymentFacts | undefined> {
  let query = db
    .selectFrom('invoice_payments as p')
    .select(['p.id', 'p.invoice_id', 'p.customer_id', 'p.bill_run_type', 'p.amount', 'p.refunded_amount', 'p.payment_method'])
    .where('p.id', '=', id)
  if (contractOwnerId !== null) {
    query = query.where((eb) => eb.exists(eb.selectFrom('invoices as i').select('i.id').whereRef('i.id', '=', 'p.invoice_id').where('i.contract_owner_id', '=', contractOwnerId)))
  }
  const row = await (lock ? query.forUpdate() : query).executeTakeFirst()
  if (row === undefined) return undefined
  return {
    id: Number(row.id),
    invoiceId: Number(row.invoice_id),
    customerId: Number(row.customer_id),
    billRunType: row.bill_run_type,
    amount: new Decimal(row.amount),
    refunded: new Decimal(row.refunded_amount),
    paymentMethod: row.payment_method,
  }
}

export async function setRefunded(trx: TenantTransaction, paymentId: number, refunded: Decimal): Promise<void> {
  await trx.updateTable('invoice_payments').set({ refunded_amount: refunded.toFixed() }).where('id', '=', paymentId).execute()
}

/** Totals for the customer's balance answer: its payments, those dated after its latest final invoice, the latest one's method. */
export async function paymentTotals(db: TenantReader, customerId: number): Promise<{ total: Decimal; sinceLastInvoice: Decimal; lastMethod: string | null }> {
  const result = await sql<{ total: string; since: string; last_method: string | null }>`
    select coalesce(sum(amount), 0) as total,
           coalesce(sum(amount) filter (where payment_date > coalesce(
             (select max(invoice_date) from invoices where customer_id = ${customerId} and invoice_status = 'FINAL'), '-infinity'::date)), 0) as since,
           (array_agg(payment_method order by id desc))[1] as last_method
      from customer_payments
     where customer_id = ${customerId} and txn_type = 'PAYMENT'`.execute(db)
  const row = result.rows[0]!
  return { total: new Decimal(row.total), sinceLastInvoice: new Decimal(row.since), lastMethod: row.last_method }
}
