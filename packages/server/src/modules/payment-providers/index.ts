import { defineModule } from '../module.ts'
import { paymentProviderRoutes, sitePaymentMandateRoutes } from './payment-provider.routes.ts'
import { paymentProviderUseCases } from './payment-provider.service.ts'
import { sitePaymentMandateUseCases } from './site-payment-mandate.service.ts'

/** The Payment and Refund API's payment providers and site payment mandates. */
export const paymentProvidersModule = defineModule({
  name: 'payment-providers',
  docs: 'payment-providers-and-mandates.md',
  permissions: [
    { permission: 'payments:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'payments:write', roles: ['Administrator', 'Customer Manager'] },
  ],
  register(app, { db, clock }) {
    paymentProviderRoutes(app, paymentProviderUseCases(db))
    sitePaymentMandateRoutes(app, sitePaymentMandateUseCases(db, clock))
  },
})
