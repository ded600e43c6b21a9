import type { Static } from 'typebox'
import type { Actor } from '../../auth/actor.ts'
import type { Database } from '../../db/database.ts'
import { AppError } from '../../errors.ts'
import { readUseCases } from '../../resources/crud.ts'
import { decimalNumber } from '../../resources/decimal.ts'
import type { CreateOf } from '../../resources/fields.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import type { CustomerBalance, CustomerBalanceAdjustmentBody, refundFields } from './customer-payment.fields.ts'
import { addCredit, customerBalance, findInvoice, invoicePaymentEvents, lockCustomer, lockLedger, refunds } from './ledger.repository.ts'
import { amountError, applyEvent, refund, type PaymentStatus } from './ledger.rules.ts'
import { dayOf, decimalOf, openCustomer, payableInvoice, recordChange, recordCustomerMove, recordPayment, visibleCustomer, type Move } from './money-moves.ts'
import type { invoicePaymentEventFields } from './payment.fields.ts'
import { findPayment, insertRefund, paymentTotals, setRefunded } from './payment.repository.ts'
import { created, customerScope } from './payment.service.ts'

const MANUAL_REFUND_METHODS = new Set([undefined, null, 'CHEQUE', 'CANCELLED_DD', 'CANCELLED_CARD'])

/** Invoice payment events: the invoice's history, and the moves a billing team makes by hand. */
export function invoicePaymentEventUseCases(db: Database, clock: () => Date) {
  return {
    ...readUseCases(db, invoicePaymentEvents, customerScope),
    /** Pays, writes off, disputes, undisputes or settles a refund of an invoice (ledger.rules.ts). */
    create: (actor: Actor, body: CreateOf<typeof invoicePaymentEventFields>) =>
      db.withTenant(actor.brandId, async (trx) => {
        const move: Move = { trx, actor, at: clock() }
        const invoice = await payableInvoice(trx, actor, body.invoiceId, body.billRunType, 'billRunType')
        await lockCustomer(trx, invoice.customerId)
        const outcome = applyEvent(await lockLedger(trx, invoice, move.at), body.paymentStatus as PaymentStatus, body.amountInMajorCurrency === undefined ? undefined : decimalOf(body.amountInMajorCurrency))
        const change = { next: outcome.ledger, customerId: invoice.customerId, billRunType: invoice.billRunType, billRunId: invoice.billRunId }
        if (!outcome.paid) return created(trx, invoicePaymentEvents, await recordChange(move, change, outcome.amount, body.notes))
        const before = await customerBalance(trx, invoice.customerId)
        const details = { description: body.notes }
        const customerPaymentId = await recordCustomerMove(move, invoice.customerId, before, outcome.amount, { customer_payment_type: 'INVOICE', txn_type: 'PAYMENT' }, details)
        return created(trx, invoicePaymentEvents, (await recordPayment(move, change, outcome.amount, details, customerPaymentId)).eventId)
      }),
  }
}

/** Which payment a refund body names: exactly one of the two ids (400 naming both otherwise). */
function refundedPayment(body: CreateOf<typeof refundFields>): { id: number; type: 'NORMAL' | 'ADHOC'; field: string } {
  const { invoicePaymentId, adhocInvoicePaymentId } = body
  if ((invoicePaymentId === undefined) === (adhocInvoicePaymentId === undefined)) {
    const message = 'send exactly one of invoicePaymentId and adhocInvoicePaymentId'
    throw new AppError('validation_failed', {
      message: `Validation failed for 2 fields: 'invoicePaymentId' ${message}; 'adhocInvoicePaymentId' ${message}`,
      errors: ['invoicePaymentId', 'adhocInvoicePaymentId'].map((field) => ({ field, code: 'one_of', message })),
    })
  }
  return invoicePaymentId === undefined ? { id: adhocInvoicePaymentId!, type: 'ADHOC', field: 'adhocInvoicePaymentId' } : { id: invoicePaymentId, type: 'NORMAL', field: 'invoicePaymentId' }
}

/** Refunds of invoice payments: never more than is left of the payment; the invoice waits in REFUND_PENDING. */
export function refundUseCases(db: Database, clock: () => Date) {
  return {
    ...readUseCases(db, refunds, customerScope),
    create: (actor: Actor, body: CreateOf<typeof refundFields>) =>
      db.withTenant(actor.brandId, async (trx) => {
        const move: Move = { trx, actor, at: clock() }
        const named = refundedPayment(body)
        const found = await findPayment(trx, named.id, actor.contractOwnerId)
        const errors = new ReferenceErrors()
        errors.expect(found !== undefined && found.billRunType === named.type, named.field, `${named.type === 'ADHOC' ? 'adhoc invoice' : 'invoice'} payment ${named.id} does not exist`)
        errors.throwIfAny()
        const invoice = (await findInvoice(trx, found!.invoiceId, null))!
        await lockCustomer(trx, invoice.customerId)
        const ledger = await lockLedger(trx, invoice, move.at)
        const payment = (await findPayment(trx, named.id, null, true))!
        const refundable = payment.amount.minus(payment.refunded)
        const amount = body.amountInMajorCurrency === undefined ? refundable : decimalOf(body.amountInMajorCurrency)
        const next = refund(ledger, payment.id, refundable, amount)
        const before = await customerBalance(trx, invoice.customerId)
        await setRefunded(trx, payment.id, payment.refunded.plus(amount))
        const method = body.paymentMethod ?? payment.paymentMethod ?? undefined
        await recordCustomerMove(move, invoice.customerId, before, amount.negated(), { customer_payment_type: 'INVOICE', txn_type: 'REFUND' }, { paymentMethod: method, description: body.description })
        await recordChange(move, { next, customerId: invoice.customerId, billRunType: invoice.billRunType }, amount, body.description)
        const id = await insertRefund(trx, {
          invoice_payment_id: payment.id,
          invoice_id: invoice.id,
          bill_run_type: invoice.billRunType,
          customer_id: invoice.customerId,
          amount: amount.toFixed(),
          description: body.description ?? null,
          payment_method: method ?? null,
          // No payment provider takes part here: a refund by cheque is made by hand; one to a card or mandate waits for its provider.
          third_party_refund_status: MANUAL_REFUND_METHODS.has(method) ? 'MANUALLY_REFUNDED' : 'CREATED',
          created_date: move.at,
        })
        return created(trx, refunds, id)
      }),
  }
}

/** Customer balances: negative is a debt, positive credit; manual adjustments recorded with who made them. */
export function customerBalanceUseCases(db: Database, clock: () => Date) {
  return {
    get: (actor: Actor, customerId: number): Promise<Static<typeof CustomerBalance>> =>
      db.readTenant(actor.brandId, async (reader) => {
        await visibleCustomer(reader, actor, customerId)
        const [balance, totals] = [await customerBalance(reader, customerId), await paymentTotals(reader, customerId)]
        return {
          id: customerId,
          customerId,
          balance: decimalNumber(balance.toFixed(2)),
          totalPayments: decimalNumber(totals.total.toFixed(2)),
          totalPaymentsSinceLastInvoice: decimalNumber(totals.sinceLastInvoice.toFixed(2)),
          paymentMethodSummary: { ...(totals.lastMethod === null ? {} : { paymentMethod: totals.lastMethod as 'CHEQUE' }), summaryType: 'NONE' as const },
          repaymentPlanSummary: { repaymentPlanAmount: 0, repaymentPlanRemainingPeriods: 0, summaryType: 'NONE' as const },
        }
      }),
    adjust: (actor: Actor, body: Static<typeof CustomerBalanceAdjustmentBody>) =>
      db.withTenant(actor.brandId, async (trx) => {
        const move: Move = { trx, actor, at: clock() }
        const amount = decimalOf(body.amountInMajorCurrency)
        if (amount.isZero()) throw amountError('out_of_range', 'must not be 0')
        const before = await openCustomer(move, body.customerId)
        await addCredit(trx, body.customerId, amount)
        const id = await recordCustomerMove(move, body.customerId, before, amount, { customer_payment_type: 'ADJUSTMENT', txn_type: 'ADJUSTMENT' }, { description: body.description, paymentDate: dayOf(move.at) })
        const resource = {
          id,
          customerId: body.customerId,
          amountInMajorCurrency: body.amountInMajorCurrency,
          ...(body.description === undefined ? {} : { description: body.description }),
          resultingCustomerBalance: decimalNumber(before.plus(amount).toFixed(2)),
          createdBy: actor.username,
          createdDate: move.at.toISOString(),
        }
        return { resource, version: undefined }
      }),
  }
}
