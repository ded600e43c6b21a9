import type { Transport } from '../request.ts'
import type { CreateCustomerBody, Customer, CustomerPatch, CustomerWithSites, ListCustomersQuery } from '../types.ts'
import { resourceMethods } from './resource.ts'

/**
 * Customers (`/v1/customers`): `create` takes the customer with its first sites and answers both.
 * @example if (!(await client.customers.exists({ customerAccountNumber: 'SI0042' }))) await client.customers.create(body)
 */
export function customers(transport: Transport) {
  const { list, listAll, get, getWithETag, create, update, exists } = resourceMethods<
    Customer,
    ListCustomersQuery,
    CreateCustomerBody,
    CustomerPatch,
    CustomerWithSites
  >(transport, '/v1/customers')
  return { list, listAll, get, getWithETag, create, update, exists }
}

/** The `client.customers` methods: `list`, `listAll`, `get`, `getWithETag`, `create`, `update`, `exists`. */
export type Customers = ReturnType<typeof customers>
