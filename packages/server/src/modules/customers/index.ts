import type { FastifyInstance } from 'fastify'
import { registerResourceRoutes } from '../../http/resource-routes.ts'
import type { ModuleContext } from '../module.ts'
import { CreateCustomerBody, CreatedCustomer, Customer, CustomersExistQuery, ListCustomersQuery } from './customer.schemas.ts'
import { CustomerService } from './customer.service.ts'

/** Customers (Customer and Sites API): list, exists, create with sites, get, update. */
export async function customersModule(app: FastifyInstance, { db }: ModuleContext): Promise<void> {
  await registerResourceRoutes(app, {
    path: '/v1/customers',
    param: 'customerId',
    tag: 'customers',
    noun: 'customer',
    operations: { list: 'getCustomers', exists: 'checkCustomer', get: 'getCustomer', create: 'createCustomer', update: 'updateCustomer' },
    permissions: { read: 'customers:read', write: 'customers:write' },
    schemas: { resource: Customer, create: CreateCustomerBody, created: CreatedCustomer, listQuery: ListCustomersQuery, existsQuery: CustomersExistQuery },
    service: new CustomerService(db),
  })
}
