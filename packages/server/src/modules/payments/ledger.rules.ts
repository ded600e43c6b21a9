import { AppError } from '../../errors.ts'
import { Decimal } from '../../resources/decimal.ts'
import type { PAYMENT_STATUSES } from '../invoices/index.ts'

export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

/** An invoice's money, as its ledger row holds it (docs/modules/payments.md, "The ledger"). */
export interface Ledger {
  invoiceId: number
  gross: Decimal
  paid: Decimal
  refunded: Decimal
  writtenOff: Decimal
  status: PaymentStatus
}

/** What the invoice still owes: gross − paid + refunded − written off (the table's CHECK keeps it in 0..gross). */
export const owedOn = (ledger: Ledger): Decimal => ledger.gross.minus(ledger.paid).plus(ledger.refunded).minus(ledger.writtenOff)

const money = (amount: Decimal) => amount.toFixed(2)

/** The status the amounts give once nothing is pending or disputed. */
export function settledStatus(ledger: Ledger): PaymentStatus {
  if (ledger.writtenOff.greaterThan(0)) return 'WRITTEN_OFF'
  if (owedOn(ledger).isZero()) return 'PAID'
  return ledger.paid.greaterThan(ledger.refunded) ? 'PARTIALLY_PAID' : 'UNPAID'
}

/**
 * The moves an invoice payment event may make, from each status. Payments also arrive by the
 * payment operations (which move UNPAID, PARTIALLY_PAID, REFUNDED and PART_REFUNDED invoices), and
 * REFUND_PENDING only by a refund (`POST /v1/refunds`).
 */
export const EVENT_MOVES: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  UNPAID: ['PAID', 'PARTIALLY_PAID', 'WRITTEN_OFF', 'DISPUTED'],
  PARTIALLY_PAID: ['PAID', 'PARTIALLY_PAID', 'WRITTEN_OFF', 'DISPUTED'],
  PAID: [],
  DISPUTED: ['UNPAID', 'WRITTEN_OFF'],
  WRITTEN_OFF: ['UNPAID'],
  REFUND_PENDING: ['REFUNDED', 'PART_REFUNDED'],
  REFUNDED: ['PAID', 'PARTIALLY_PAID'],
  PART_REFUNDED: ['PAID', 'PARTIALLY_PAID', 'WRITTEN_OFF'],
  NA: [],
  PENDING: [],
}

/** Statuses that take payments (the payment operations, and a customer payment's allocation). */
export const PAYABLE: readonly PaymentStatus[] = (Object.keys(EVENT_MOVES) as PaymentStatus[]).filter((status) => EVENT_MOVES[status].includes('PAID'))

/** Statuses a refund may be triggered from (what is left to refund is checked per payment). */
const REFUNDABLE: readonly PaymentStatus[] = ['PAID', 'PARTIALLY_PAID', 'PART_REFUNDED', 'REFUND_PENDING', 'REFUNDED']

function refusedMove(ledger: Ledger, what: string, allowed: readonly PaymentStatus[]): AppError {
  const moves = allowed.length === 0 ? 'none' : allowed.join(', ')
  return new AppError('invalid_transition', {
    message: `Invoice ${ledger.invoiceId} is ${ledger.status}: it cannot ${what} (from ${ledger.status} it may move to ${moves})`,
    errors: [{ field: 'paymentStatus', code: 'invalid_transition', message: `the invoice is ${ledger.status}` }],
  })
}

function exceedsOwed(ledger: Ledger, amount: Decimal): AppError {
  return new AppError('amount_exceeds_owed', {
    message: `Invoice ${ledger.invoiceId} owes ${money(owedOn(ledger))}: ${money(amount)} is more than that`,
    errors: [{ field: 'amountInMajorCurrency', code: 'amount_exceeds_owed', message: `must be at most ${money(owedOn(ledger))}, what the invoice owes` }],
  })
}

function mismatch(ledger: Ledger, message: string): AppError {
  return new AppError('amount_mismatch', { message: `Invoice ${ledger.invoiceId}: ${message}`, errors: [{ field: 'amountInMajorCurrency', code: 'amount_mismatch', message }] })
}

/** 400 naming `amountInMajorCurrency`: what is wrong with it whatever the invoice's state. */
export function amountError(code: string, message: string): AppError {
  return new AppError('validation_failed', { message: `Validation failed for field 'amountInMajorCurrency': ${message}`, errors: [{ field: 'amountInMajorCurrency', code, message }] })
}

function statusOnly(status: PaymentStatus, amount: Decimal | undefined): void {
  if (amount !== undefined && !amount.isZero()) throw amountError('not_allowed', `a ${status} event moves no money: leave it out`)
}

/** A payment of `amount` on the invoice: 409 when its status takes none, or it is more than is owed. */
export function pay(ledger: Ledger, amount: Decimal): Ledger {
  if (!EVENT_MOVES[ledger.status].includes('PAID')) throw refusedMove(ledger, 'be paid', EVENT_MOVES[ledger.status])
  if (amount.greaterThan(owedOn(ledger))) throw exceedsOwed(ledger, amount)
  const next = { ...ledger, paid: ledger.paid.plus(amount) }
  return { ...next, status: settledStatus(next) }
}

/** A refund of `amount` of a payment that has `refundable` left: the invoice waits for it (REFUND_PENDING). */
export function refund(ledger: Ledger, paymentId: number, refundable: Decimal, amount: Decimal): Ledger {
  if (!REFUNDABLE.includes(ledger.status)) throw refusedMove(ledger, 'be refunded', EVENT_MOVES[ledger.status])
  if (amount.greaterThan(refundable) || refundable.isZero()) {
    throw new AppError('amount_exceeds_refundable', {
      message: `Invoice payment ${paymentId} has ${money(refundable)} left to refund: ${money(amount)} is more than that`,
      errors: [{ field: 'amountInMajorCurrency', code: 'amount_exceeds_refundable', message: `must be at most ${money(refundable)}, what is left to refund` }],
    })
  }
  return { ...ledger, refunded: ledger.refunded.plus(amount), status: 'REFUND_PENDING' }
}

/** What an event did: the ledger after it, the money it moved, and whether that money was paid. */
export interface EventOutcome {
  ledger: Ledger
  amount: Decimal
  paid: boolean
}

/**
 * An invoice payment event: the move it asks for (409 naming the invoice's status when refused)
 * and the amount it carries, checked against what is owed or refunded.
 */
export function applyEvent(ledger: Ledger, status: PaymentStatus, amount: Decimal | undefined): EventOutcome {
  if (!EVENT_MOVES[ledger.status].includes(status)) throw refusedMove(ledger, `move to ${status}`, EVENT_MOVES[ledger.status])
  const owed = owedOn(ledger)
  switch (status) {
    case 'PAID':
    case 'WRITTEN_OFF': {
      const settled = amount ?? owed
      if (settled.greaterThan(owed)) throw exceedsOwed(ledger, settled)
      if (settled.lessThan(owed)) throw mismatch(ledger, `it owes ${money(owed)}: a ${status} event settles all of it (send PARTIALLY_PAID for a part payment)`)
      if (status === 'PAID') return { ledger: pay(ledger, settled), amount: settled, paid: true }
      return { ledger: { ...ledger, writtenOff: ledger.writtenOff.plus(settled), status }, amount: settled, paid: false }
    }
    case 'PARTIALLY_PAID': {
      if (amount === undefined || amount.isZero()) throw amountError('required', 'a PARTIALLY_PAID event needs the amount paid, more than 0')
      if (amount.greaterThan(owed)) throw exceedsOwed(ledger, amount)
      if (amount.equals(owed)) throw mismatch(ledger, `${money(amount)} pays all it owes: send PAID`)
      return { ledger: pay(ledger, amount), amount, paid: true }
    }
    case 'REFUNDED':
    case 'PART_REFUNDED': {
      statusOnly(status, amount)
      const all = ledger.refunded.equals(ledger.paid)
      if (all !== (status === 'REFUNDED')) throw mismatch(ledger, `${money(ledger.refunded)} of the ${money(ledger.paid)} paid is refunded: that is ${all ? 'REFUNDED' : 'PART_REFUNDED'}`)
      return { ledger: { ...ledger, status }, amount: new Decimal(0), paid: false }
    }
    case 'UNPAID': {
      // Undisputing, or undoing a write-off: the invoice is what its payments make it.
      statusOnly(status, amount)
      const next = { ...ledger, writtenOff: new Decimal(0) }
      return { ledger: { ...next, status: settledStatus(next) }, amount: new Decimal(0), paid: false }
    }
    default:
      statusOnly(status, amount)
      return { ledger: { ...ledger, status }, amount: new Decimal(0), paid: false }
  }
}
