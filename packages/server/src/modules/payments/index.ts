import { defineModule } from '../module.ts'
import { creditStatusRoutes } from './credit-status.routes.ts'
import { creditStatusUseCases } from './credit-status.service.ts'
import { customerBalanceUseCases, invoicePaymentEventUseCases, refundUseCases } from './ledger.service.ts'
import { customerBalanceRoutes, customerPaymentResource, invoicePaymentEventResource, invoicePaymentResource, ledgerCollection, refundResource } from './payment.routes.ts'
import { customerPaymentUseCases, invoicePaymentUseCases } from './payment.service.ts'

/**
 * The money ledger: invoice payment events (Invoices API), and invoice and adhoc invoice payments,
 * refunds, customer payments, balances and credit status (Payment and Refund API).
 * docs/modules/payments.md.
 */
export const paymentsModule = defineModule({
  name: 'payments',
  docs: 'payments.md',
  permissions: [
    { permission: 'payments:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'payments:write', roles: ['Administrator', 'Customer Manager'] },
  ],
  register(app, { db, clock }) {
    ledgerCollection(app, {
      path: '/v1/invoice-payment-events',
      tag: 'invoice-payment-events',
      sdkType: 'InvoicePaymentEvent',
      noun: 'invoicePaymentEvent',
      resource: invoicePaymentEventResource,
      operations: { list: 'getInvoicePaymentEvents', create: 'createInvoicePaymentEvent' },
      summaries: { list: 'Get a list of invoice payment events', create: 'Create a new invoice payment event' },
      createDescription:
        'Pays, writes off, disputes, undisputes or settles a refund of an invoice. A move its status does not allow is 409 naming that status; an amount above what it owes is 409 naming the amount owed.',
      useCases: invoicePaymentEventUseCases(db, clock),
    })
    for (const [type, tag, noun, sdkType, plural] of [
      ['NORMAL', 'invoice-payments', 'invoicePayment', 'InvoicePayment', 'InvoicePayments'],
      ['ADHOC', 'adhoc-invoice-payments', 'adhocInvoicePayment', 'AdhocInvoicePayment', 'AdhocInvoicePayments'],
    ] as const) {
      const kind = type === 'ADHOC' ? 'adhoc invoice' : 'invoice'
      ledgerCollection(app, {
        path: `/v1/${tag}`,
        tag,
        sdkType,
        noun,
        resource: invoicePaymentResource,
        operations: { list: `get${plural}`, get: `get${sdkType}`, create: `create${sdkType}` },
        summaries: { list: `Get a list of ${kind} payments`, get: `Get a specific ${kind} payment`, create: `Create a new ${kind} payment` },
        createDescription: `Records a payment on one final ${kind}: 409 when its payment status takes no payment, or the amount is more than it owes (the message names the amount owed).`,
        useCases: invoicePaymentUseCases(db, clock, type),
      })
    }
    ledgerCollection(app, {
      path: '/v1/refunds',
      tag: 'refunds',
      sdkType: 'Refund',
      noun: 'refund',
      resource: refundResource,
      operations: { list: 'getRefunds', get: 'getRefund', create: 'createRefund' },
      summaries: { list: 'Get a list of refunds', get: 'Get a specific refund', create: 'Trigger a refund for an invoice or an adhoc invoice payment' },
      createDescription: 'Refunds (part of) one payment: never more than is left of it (409 naming what is left). The invoice waits in REFUND_PENDING.',
      useCases: refundUseCases(db, clock),
    })
    ledgerCollection(app, {
      path: '/v1/customer-payments',
      tag: 'customer-payments',
      sdkType: 'CustomerPayment',
      noun: 'customerPayment',
      resource: customerPaymentResource,
      operations: { list: 'getCustomerPayments', get: 'getCustomerPayment', create: 'createCustomerPayment' },
      summaries: { list: 'Get a list of customer or invoice payments', get: 'Get a specific customer payment', create: 'Create a customer payment' },
      createDescription: "Pays off the customer's unpaid final invoices, oldest first; what is left over becomes credit on the balance.",
      useCases: customerPaymentUseCases(db, clock),
    })
    customerBalanceRoutes(app, customerBalanceUseCases(db, clock))
    creditStatusRoutes(app, creditStatusUseCases(db, clock))
  },
})
