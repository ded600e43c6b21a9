import assert from 'node:assert/strict'
import type { TestServer } from '../helpers/server.ts'

let sequence = 0

/** POSTs `json` to `path` as `token`, expects 201, and returns the new record's id. */
export async function created(server: TestServer, token: string, path: string, json: Record<string, unknown>): Promise<number> {
  const response = await server.request('POST', path, { token, json })
  assert.equal(response.status, 201, response.text)
  return response.body.id
}

/** A rental product category of the test brand, offered to the brand's first contract owner. */
export async function rentalProductCategory(server: TestServer, token: string): Promise<number> {
  const owner = (await server.request('GET', '/v1/contract-owners?page=1&pageSize=1', { token })).body[0].id
  return created(server, token, '/v2/rental-product-categories', { name: `Pricing category ${process.pid}-${++sequence}`, startDate: '2024-01-01', contractOwnerIds: [owner] })
}

/** A rental product of the test brand (its id), in a category of its own, for the rates that price it. */
export async function rentalProduct(server: TestServer, token: string, name: string): Promise<number> {
  const n = ++sequence
  const supplierId = await created(server, token, '/v1/suppliers', { name: `Pricing supplier ${process.pid}-${n}` })
  const taxBandId = (await server.request('GET', '/v1/tax-bands?page=1&pageSize=1&code=T1', { token })).body[0].id
  return created(server, token, '/v2/rental-products', {
    rentalProductCategoryId: await rentalProductCategory(server, token),
    productType: 'PRODUCT',
    name: `${name} ${process.pid}-${n}`,
    invoicePresentationName: name,
    supplierId,
    taxBandId,
    availableFrom: '2024-01-01',
  })
}

/** A usage product of the test brand (its id), in a usage product category of its own. */
export async function usageProduct(server: TestServer, token: string, name = 'UK calls'): Promise<number> {
  const n = ++sequence
  const usageProductCategoryId = await created(server, token, '/v2/usage-product-categories', { name: `Usage category ${process.pid}-${n}` })
  return created(server, token, '/v2/usage-products', { name: `${name} ${process.pid}-${n}`, usageProductCategoryId, direction: 'OUTBOUND', availableFrom: '2024-01-01', productReferenceFormat: '.*' })
}

/** A charge group of the test brand (its id), in a charge group category of its own. */
export async function chargeGroup(server: TestServer, token: string, name = 'UK national'): Promise<number> {
  const n = ++sequence
  const chargeGroupCategoryId = await created(server, token, '/v1/charge-group-categories', { name: `Calls ${process.pid}-${n}`, chargingUnitType: 'DURATION', startDate: '2024-01-01' })
  return created(server, token, '/v1/charge-groups', { name: `${name} ${process.pid}-${n}`, chargeGroupCategoryId, startDate: '2024-01-01' })
}
