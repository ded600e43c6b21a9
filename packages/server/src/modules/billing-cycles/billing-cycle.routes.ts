import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { billingCycleResource } from './billing-cycle.fields.ts'
import type { billingCycleUseCases } from './billing-cycle.service.ts'

/** Billing cycles (Admin API): list and get; create and update for administrators. */
export function billingCycleRoutes(app: FastifyInstance, useCases: ReturnType<typeof billingCycleUseCases>): void {
  crudRoutes(app, {
    path: '/v1/billing-cycles',
    param: 'billingCycleId',
    tag: 'billing-cycles',
    sdkType: 'BillingCycle',
    resource: billingCycleResource,
    permissions: { read: 'admin:read', write: 'admin:write' },
    operations: { list: 'getBillingCycles', get: 'getBillingCycle', create: 'createBillingCycle', update: 'updateBillingCycle' },
    useCases,
  })
}
