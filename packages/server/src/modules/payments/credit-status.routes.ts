import type { FastifyInstance } from 'fastify'
import { idParams } from '../../http/routes/crud-routes.ts'
import { deleteRoute, putRoute } from '../../http/routes/item-routes.ts'
import { listRoute } from '../../http/routes/list-routes.ts'
import { creditStatusResource, CreditThresholdBody } from './credit-status.fields.ts'
import type { creditStatusUseCases } from './credit-status.service.ts'

const path = '/v1/customer-credit-status'
const common = { tag: 'customer-credit-status', sdkType: 'CustomerCreditStatus' }
const customer = idParams('customerId')

/**
 * The published list, and ours to set and remove a customer's threshold: the published API reads
 * thresholds but has no operation that sets one (docs/modules/payments.md).
 */
export function creditStatusRoutes(app: FastifyInstance, useCases: ReturnType<typeof creditStatusUseCases>): void {
  listRoute(app, {
    ...common,
    path,
    permission: 'payments:read',
    operationId: 'getCustomerCreditStatus',
    summary: 'Get a list of credit status threshold information',
    description: 'Customers with a credit threshold: what each owes against it (balance with the sign turned) and what its bill runs under way have rated.',
    list: creditStatusResource.list,
    item: creditStatusResource.schema,
    handler: useCases.list,
  })
  putRoute(app, {
    ...common,
    path: `${path}/:customerId`,
    permission: 'payments:write',
    sdkMethod: 'setThreshold',
    operationId: 'setCustomerCreditThreshold',
    summary: "Set a customer's credit threshold (not in the published API)",
    description: 'Sets or replaces the threshold the credit status measures the customer against; answers the customer’s credit status.',
    params: customer,
    body: CreditThresholdBody,
    response: creditStatusResource.schema,
    handler: (actor, params, body) => useCases.setThreshold(actor, params.customerId, body),
  })
  deleteRoute(app, {
    ...common,
    path: `${path}/:customerId`,
    permission: 'payments:write',
    operationId: 'deleteCustomerCreditThreshold',
    summary: "Remove a customer's credit threshold (not in the published API)",
    description: 'The customer leaves the credit status list; 404 when it had no threshold.',
    params: customer,
    handler: (actor, params) => useCases.removeThreshold(actor, params.customerId),
  })
}
