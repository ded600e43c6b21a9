import assert from 'node:assert/strict'
import { createAdminSetup, customerBody, siteBody, type AdminSetup } from '../helpers/fixtures.ts'
import type { HttpClient } from '../helpers/http.ts'

let sequence = 0
const unique = (prefix: string) => `${prefix} ${process.pid}-${++sequence}`

/** What inventory hangs off: a customer's sites (live from 2024-02-01), a supplier account, a category, a tax band. */
export interface InventorySetup extends AdminSetup {
  token: string
  customerId: number
  siteId: number
  otherSiteId: number
  supplierId: number
  supplierAccountId: number
  categoryId: number
  taxBandId: number
}

export async function created(server: HttpClient, token: string, path: string, json: unknown): Promise<any> {
  const response = await server.request('POST', path, { token, json })
  assert.equal(response.status, 201, `${path}: ${response.text}`)
  return response.body
}

export async function inventorySetup(server: HttpClient, token: string): Promise<InventorySetup> {
  const admin = await createAdminSetup((m, p, o) => server.request(m, p, o), token)
  const customer = await created(server, token, '/v1/customers', customerBody(admin, { sites: [siteBody({ siteInvoiceDetails: { invoiceTemplateId: 1, paymentTermsInDays: 30 } })] }))
  const otherSite = await created(server, token, '/v1/sites', { customerId: customer.id, ...siteBody({ startDate: '2024-03-01', endDate: '2025-12-31' }) })
  const supplierId = (await created(server, token, '/v1/suppliers', { name: unique('Openreach') })).id
  const supplierAccountId = (await created(server, token, `/v1/suppliers/${supplierId}/supplier-accounts`, { accountNumber: unique('ACC') })).id
  const categoryId = (await created(server, token, '/v2/rental-product-categories', { name: unique('Lines'), startDate: '2024-01-01', contractOwnerIds: [admin.contractOwnerId] })).id
  const taxBandId = (await server.request('GET', '/v1/tax-bands?page=1&pageSize=1&code=T1', { token })).body[0].id
  return { ...admin, token, customerId: customer.id, siteId: customer.sites[0].id, otherSiteId: otherSite.id, supplierId, supplierAccountId, categoryId, taxBandId }
}

/** A rental product of the setup's category (its body as created). */
export async function rentalProduct(server: HttpClient, setup: InventorySetup, overrides: Record<string, unknown> = {}): Promise<any> {
  return created(server, setup.token, '/v2/rental-products', {
    rentalProductCategoryId: setup.categoryId,
    productType: 'PRODUCT',
    name: unique('Line rental'),
    invoicePresentationName: 'Line rental',
    supplierId: setup.supplierId,
    taxBandId: setup.taxBandId,
    availableFrom: '2024-01-01',
    ...overrides,
  })
}
