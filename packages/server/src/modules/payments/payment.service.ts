import type { Actor } from '../../auth/actor.ts'
import type { Database, TenantTransaction } from '../../db/database.ts'
import type { Condition } from '../../lists/filters.ts'
import { readUseCases } from '../../resources/crud.ts'
import { Decimal } from '../../resources/decimal.ts'
import type { CreateOf, FieldMap, ResourceOf } from '../../resources/fields.ts'
import type { ResourceTable, Stored } from '../../resources/table.ts'
import { customerScopeConditions } from '../customers/index.ts'
import type { customerPaymentFields } from './customer-payment.fields.ts'
import { customerBalance, customerPayments, invoicePayments, lockCustomer, lockLedger, lockPayables, addCredit } from './ledger.repository.ts'
import { amountError, owedOn, pay, PAYABLE } from './ledger.rules.ts'
import { decimalOf, openCustomer, payableInvoice, recordCustomerMove, recordPayment, type Move } from './money-moves.ts'
import type { invoicePaymentFields } from './payment.fields.ts'

/** Everything in the ledger belongs to a customer: a restricted user sees its contract owner's customers' money. */
export const customerScope = (actor: Actor): Condition[] => customerScopeConditions(actor, 'customer_id')

/** The stored record a write made, answered as the create's 201 (no versions: the ledger never changes a row). */
export async function created<M extends FieldMap>(trx: TenantTransaction, table: ResourceTable<M>, id: number): Promise<Stored<ResourceOf<M>>> {
  const found = await table.find(trx, id, [])
  if (found === undefined) throw new Error(`${table.name} ${id} was not found after its insert`)
  return found
}

/** Invoice payments (normal or adhoc: the same table, told apart by the invoice's bill run type). */
export function invoicePaymentUseCases(db: Database, clock: () => Date, type: 'NORMAL' | 'ADHOC') {
  const scope = (actor: Actor): Condition[] => [...customerScope(actor), { column: 'bill_run_type', operator: '=', value: type }]
  return {
    ...readUseCases(db, invoicePayments, scope),
    /** A payment on one invoice: 409 when its status takes none, or it is more than is owed. */
    create: (actor: Actor, body: CreateOf<typeof invoicePaymentFields>) =>
      db.withTenant(actor.brandId, async (trx) => {
        const move: Move = { trx, actor, at: clock() }
        const invoice = await payableInvoice(trx, actor, body.invoiceId, type)
        await lockCustomer(trx, invoice.customerId)
        const amount = decimalOf(body.amountInMajorCurrency)
        const next = pay(await lockLedger(trx, invoice, move.at), amount)
        const before = await customerBalance(trx, invoice.customerId)
        const customerPaymentId = await recordCustomerMove(move, invoice.customerId, before, amount, { customer_payment_type: 'INVOICE', txn_type: 'PAYMENT' }, body)
        const { paymentId } = await recordPayment(move, { next, customerId: invoice.customerId, billRunType: type, billRunId: invoice.billRunId }, amount, body, customerPaymentId)
        return created(trx, invoicePayments, paymentId)
      }),
  }
}

/** Customer payments: the customer's money movements; a payment pays off its invoices oldest first. */
export function customerPaymentUseCases(db: Database, clock: () => Date) {
  return {
    ...readUseCases(db, customerPayments, customerScope),
    /**
     * Pays the customer's final invoices that take payments, oldest first (invoice date, then id),
     * each as far as the money goes; what is left over becomes credit on the balance.
     */
    create: (actor: Actor, body: CreateOf<typeof customerPaymentFields>) =>
      db.withTenant(actor.brandId, async (trx) => {
        const move: Move = { trx, actor, at: clock() }
        const amount = decimalOf(body.amountInMajorCurrency)
        if (!amount.greaterThan(0)) throw amountError('out_of_range', 'must be more than 0')
        const before = await openCustomer(move, body.customerId)
        const details = { ...body, paymentMethod: body.type }
        const customerPaymentId = await recordCustomerMove(move, body.customerId, before, amount, { customer_payment_type: 'CUSTOMER', txn_type: 'PAYMENT' }, details)
        let left = amount
        for (const payable of await lockPayables(trx, body.customerId, PAYABLE, move.at)) {
          if (left.isZero()) break
          const part = Decimal.min(left, owedOn(payable.ledger))
          await recordPayment(move, { ...payable, next: pay(payable.ledger, part), customerId: body.customerId }, part, details, customerPaymentId)
          left = left.minus(part)
        }
        if (left.greaterThan(0)) await addCredit(trx, body.customerId, left)
        return created(trx, customerPayments, customerPaymentId)
      }),
  }
}
