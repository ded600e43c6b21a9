import type { FastifyInstance } from 'fastify'
import { idParams } from '../../http/routes/crud-routes.ts'
import { getRoute, patchRoute } from '../../http/routes/item-routes.ts'
import { existsRoute, listRoute } from '../../http/routes/list-routes.ts'
import { createRoute } from '../../http/routes/write-routes.ts'
import { CreateCustomerBody, CreatedCustomer, customerResource } from './customer.fields.ts'
import type { customerUseCases } from './customer.service.ts'

const path = '/v1/customers'
const item = `${path}/:customerId`
const params = idParams('customerId')
const read = { tag: 'customers', sdkType: 'Customer', permission: 'customers:read' } as const
const write = { ...read, permission: 'customers:write' } as const

/** Customers (Customer and Sites API): list, exists, create with sites, get, update. */
export function customerRoutes(app: FastifyInstance, customers: ReturnType<typeof customerUseCases>): void {
  const { list, schema, document } = customerResource
  listRoute(app, { ...read, path, operationId: 'getCustomers', summary: 'List customers', list, item: schema, head: false, handler: customers.list })
  existsRoute(app, { ...read, path, operationId: 'checkCustomer', summary: 'Check whether any customer matches the filters (200 or 404)', list, handler: customers.exists })
  createRoute(app, { ...write, path, operationId: 'createCustomer', summary: 'Create a customer with its first sites', sdkResponseType: 'CustomerWithSites', body: CreateCustomerBody, response: CreatedCustomer, handler: customers.create })
  getRoute(app, { ...read, path: item, operationId: 'getCustomer', summary: 'Get a customer', params, response: schema, handler: (actor, { customerId }) => customers.get(actor, customerId) })
  patchRoute(app, {
    ...write,
    path: item,
    operationId: 'updateCustomer',
    summary: 'Update a customer (JSON Patch or merge patch)',
    params,
    response: schema,
    document,
    handler: (actor, { customerId }, patch) => customers.update(actor, customerId, patch),
  })
}
