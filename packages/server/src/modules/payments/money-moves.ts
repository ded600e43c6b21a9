import type { Actor } from '../../auth/actor.ts'
import type { TenantTransaction } from '../../db/database.ts'
import { AppError } from '../../errors.ts'
import { lookUpOne } from '../../resources/lookups.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import { Decimal } from '../../resources/decimal.ts'
import { customerOwnerLookup } from '../customers/index.ts'
import { customerBalance, findInvoice, lockCustomer, saveLedger, type InvoiceFacts } from './ledger.repository.ts'
import type { Ledger } from './ledger.rules.ts'
import { insertCustomerPayment, insertEvent, insertInvoicePayment } from './payment.repository.ts'
import type { CustomerPaymentsTable } from './ledger.table.ts'

/** One money move's transaction, who makes it, and when (the injectable clock). */
export interface Move {
  trx: TenantTransaction
  actor: Actor
  at: Date
}

/** What a client says of a payment (or refund) besides its amount. */
export interface PaymentDetails {
  paymentMethod?: string | undefined
  paymentDate?: string | undefined
  reference?: string | undefined
  description?: string | undefined
}

export const dayOf = (at: Date) => at.toISOString().slice(0, 10)
/** A body's amount (a JSON number of at most 15 digits, checked by its schema) as an exact decimal. */
export const decimalOf = (amount: number) => new Decimal(String(amount))

const invalidReference = (field: string, message: string) => {
  const errors = new ReferenceErrors()
  errors.add(field, message)
  return errors
}

/** Checks the customer a body names (400), locks it, and answers its balance before the move. */
export async function openCustomer(move: Move, customerId: number): Promise<Decimal> {
  await assertCustomer(move.trx, move.actor, customerId)
  await lockCustomer(move.trx, customerId)
  return customerBalance(move.trx, customerId)
}

/** Whether the customer exists in the brand and lies within the actor's contract owner. */
async function isVisibleCustomer(trx: TenantTransaction, actor: Actor, customerId: number): Promise<boolean> {
  const owner = await lookUpOne(trx, customerOwnerLookup(customerId))
  return owner !== undefined && (actor.contractOwnerId === null || owner === actor.contractOwnerId)
}

/** 400 unless the customer a body names is visible to the actor. */
export async function assertCustomer(trx: TenantTransaction, actor: Actor, customerId: number): Promise<void> {
  if (!(await isVisibleCustomer(trx, actor, customerId))) invalidReference('customerId', `customer ${customerId} does not exist`).throwIfAny()
}

/** 404 unless the customer a path names is visible to the actor. */
export async function visibleCustomer(trx: TenantTransaction, actor: Actor, customerId: number): Promise<void> {
  if (!(await isVisibleCustomer(trx, actor, customerId))) throw new AppError('not_found', { message: `Customer ${customerId} was not found` })
}

/**
 * The invoice a body names, ready to take money: 400 when it does not exist (or is of the other
 * bill run type, named by `typeField`), 409 while it is a draft or has nothing to pay (NA).
 */
export async function payableInvoice(trx: TenantTransaction, actor: Actor, invoiceId: number, type: 'NORMAL' | 'ADHOC', typeField = 'invoiceId'): Promise<InvoiceFacts> {
  const invoice = await findInvoice(trx, invoiceId, actor.contractOwnerId)
  if (invoice === undefined) invalidReference('invoiceId', `invoice ${invoiceId} does not exist`).throwIfAny()
  if (invoice!.billRunType !== type) invalidReference(typeField, `invoice ${invoiceId} is an invoice of a ${invoice!.billRunType} bill run, not ${type}`).throwIfAny()
  if (!invoice!.final) throw new AppError('invalid_transition', { message: `Invoice ${invoiceId} is a draft: only final invoices take payments and payment events` })
  if (!invoice!.gross.greaterThan(0)) throw new AppError('invalid_transition', { message: `Invoice ${invoiceId} is NA: it has nothing to pay` })
  return invoice!
}

/** A row of the customer's money movements, with the balance it leaves (`before` + `amount`). */
export async function recordCustomerMove(
  move: Move,
  customerId: number,
  before: Decimal,
  amount: Decimal,
  kind: Pick<CustomerPaymentsTable, 'customer_payment_type' | 'txn_type'>,
  details: PaymentDetails,
): Promise<number> {
  return insertCustomerPayment(move.trx, {
    customer_id: customerId,
    amount: amount.toFixed(),
    resulting_customer_balance: before.plus(amount).toFixed(),
    description: details.description ?? null,
    reference: details.reference ?? null,
    payment_method: details.paymentMethod ?? null,
    payment_date: details.paymentDate ?? dayOf(move.at),
    ...kind,
    created_by_user_id: move.actor.userId,
    created_by: move.actor.username,
    created_date: move.at,
  })
}

/** An invoice's change of money or status: its ledger after the change, and the invoice it is of. */
export interface InvoiceChange {
  next: Ledger
  customerId: number
  billRunType: 'NORMAL' | 'ADHOC'
}

/** Saves the invoice's ledger and records the change in its history: the event's id. */
export async function recordChange(move: Move, change: InvoiceChange, amount: Decimal, notes: string | undefined): Promise<number> {
  await saveLedger(move.trx, change.next, move.at)
  return insertEvent(move.trx, {
    invoice_id: change.next.invoiceId,
    customer_id: change.customerId,
    bill_run_type: change.billRunType,
    payment_status: change.next.status,
    notes: notes ?? null,
    amount: amount.toFixed(),
    created_by: move.actor.username,
    created_date: move.at,
  })
}

/** Records a payment `pay` allowed: the change of the invoice, and the invoice payment (its id). */
export async function recordPayment(move: Move, change: InvoiceChange & { billRunId: number }, amount: Decimal, details: PaymentDetails, customerPaymentId: number): Promise<{ paymentId: number; eventId: number }> {
  const eventId = await recordChange(move, change, amount, details.description)
  const paymentId = await insertInvoicePayment(move.trx, {
    invoice_id: change.next.invoiceId,
    bill_run_type: change.billRunType,
    bill_run_id: change.billRunId,
    customer_id: change.customerId,
    customer_payment_id: customerPaymentId,
    amount: amount.toFixed(),
    payment_method: details.paymentMethod ?? null,
    payment_date: details.paymentDate ?? dayOf(move.at),
    reference: details.reference ?? null,
    description: details.description ?? null,
    created_date: move.at,
  })
  return { paymentId, eventId }
}
