import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { paymentProviderResource } from './payment-provider.fields.ts'
import type { paymentProviderUseCases } from './payment-provider.service.ts'
import { sitePaymentMandateResource } from './site-payment-mandate.fields.ts'
import type { sitePaymentMandateUseCases } from './site-payment-mandate.service.ts'

const permissions = { read: 'payments:read', write: 'payments:write' } as const

/** Payment providers: list, exists, create, get, update (JSON Patch only, as published). */
export function paymentProviderRoutes(app: FastifyInstance, useCases: ReturnType<typeof paymentProviderUseCases>): void {
  crudRoutes(app, {
    path: '/v1/payment-providers',
    param: 'paymentProviderId',
    tag: 'payment-providers',
    sdkType: 'PaymentProvider',
    resource: paymentProviderResource,
    permissions,
    operations: { list: 'getPaymentProviders', exists: 'checkPaymentProvider', get: 'getPaymentProvider', create: 'createPaymentProvider', update: 'updatePaymentProvider' },
    patchFormats: ['json-patch'],
    useCases,
  })
}

/**
 * Site payment mandates: the published list (filter `siteId`) and create, and the get and update
 * (JSON Patch, like the Payment API's other PATCHes) a mandate's status needs.
 */
export function sitePaymentMandateRoutes(app: FastifyInstance, useCases: ReturnType<typeof sitePaymentMandateUseCases>): void {
  crudRoutes(app, {
    path: '/v1/site-payment-mandates',
    param: 'sitePaymentMandateId',
    tag: 'site-payment-mandates',
    sdkType: 'SitePaymentMandate',
    resource: sitePaymentMandateResource,
    permissions,
    operations: {
      list: 'getSitePaymentMandates',
      exists: 'checkSitePaymentMandate',
      get: 'getSitePaymentMandate',
      create: 'createSitePaymentMandate',
      update: 'updateSitePaymentMandate',
    },
    patchFormats: ['json-patch'],
    useCases,
  })
}
