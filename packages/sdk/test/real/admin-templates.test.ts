import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  ApiError,
  BadRequestError,
  ConflictError,
  ElevateClient,
  type ElevateClientOptions,
  type InvoiceDocumentProfile,
  type Supplier,
  type SupplierAccount,
} from '../../src/index.ts'
import { contractOwnerBody, unique } from '../helpers/bodies.ts'
import { ADMIN, startRealServer, type RealServer } from '../helpers/real-server.ts'

describe('suppliers, templates and invoice document profiles against the real server', () => {
  let server: RealServer
  let client: ElevateClient
  /** Every request the client sent, as `METHOD /path`. */
  const sent: string[] = []

  before(async () => {
    server = await startRealServer()
    client = new ElevateClient({
      baseUrl: server.url,
      ...ADMIN,
      fetch: (url, init) => {
        sent.push(`${init.method} ${new URL(url).pathname}`)
        return fetch(url, init)
      },
    } as ElevateClientOptions)
  })
  after(() => server?.stop())

  async function failure(call: Promise<unknown>): Promise<ApiError> {
    const error = await call.then(
      () => assert.fail('expected the call to fail'),
      (e: unknown) => e,
    )
    assert.ok(error instanceof ApiError, `not an ApiError: ${String(error)}`)
    return error
  }

  it('manages a supplier’s accounts through the nested collection; the supplier answers them and is found by them', async () => {
    const supplier: Supplier = await client.suppliers.create({ name: unique('Carrier') })
    assert.deepEqual(supplier.supplierAccounts, [])
    const account: SupplierAccount = await client.supplierAccounts.create(supplier.id, { accountNumber: 'AC-1', description: 'Calls' })
    assert.equal(account.supplierId, supplier.id)
    assert.deepEqual((await client.suppliers.get(supplier.id)).supplierAccounts, [{ id: account.id, accountNumber: 'AC-1', description: 'Calls' }])
    assert.deepEqual((await client.suppliers.list({ page: 1, pageSize: 10, supplierAccountId: String(account.id), fields: 'id' })), [{ id: supplier.id }])
    assert.equal(await client.supplierAccounts.exists(supplier.id, { accountNumber: 'AC-1' }), true)
    assert.equal((await client.supplierAccounts.update(account.id, { description: 'Data' })).description, 'Data')
    const duplicate = await failure(client.supplierAccounts.create(supplier.id, { accountNumber: 'AC-1' }))
    assert.ok(duplicate instanceof ConflictError)
    assert.deepEqual(duplicate.errors?.map((e) => e.field), ['accountNumber'])
    assert.ok(sent.includes(`POST /v1/suppliers/${supplier.id}/supplier-accounts`))
    assert.ok(sent.includes(`PATCH /v1/supplier-accounts/${account.id}`))
  })

  it('builds an invoice document profile from templates offered to a contract owner; a missing one is a BadRequestError naming it', async () => {
    const owner = await client.contractOwners.create(contractOwnerBody())
    const invoice = await client.invoiceTemplates.create({ name: unique('Invoice'), contractOwnerIds: [owner.id] })
    const summary = await client.invoiceSummaryTemplates.create({ name: unique('Summary') })
    const component = await client.invoiceSummaryTemplateComponents.create({ name: unique('Service Charges') })
    const electronic = await client.electronicSummaryTemplates.create({ name: unique('CSV') })
    const profile: InvoiceDocumentProfile = await client.invoiceDocumentProfiles.create({
      name: unique('Profile'),
      invoiceTemplateId: invoice.id,
      invoiceSummaryTemplateId: summary.id,
      invoiceSummaryTemplateComponentIds: [component.id],
      electronicSummaryTemplateIds: [electronic.id],
      contractOwnerIds: [owner.id],
    })
    assert.deepEqual(await client.invoiceDocumentProfiles.get(profile.id), profile)
    const missing = await failure(client.invoiceDocumentProfiles.update(profile.id, { electronicSummaryTemplateIds: [electronic.id, 987654] }))
    assert.ok(missing instanceof BadRequestError)
    assert.equal(missing.code, 'invalid_reference')
    assert.deepEqual(missing.errors?.map((e) => e.field), ['electronicSummaryTemplateIds'])
    assert.deepEqual((await client.invoiceTemplates.list({ page: 1, pageSize: 5, name: invoice.name })).map((t) => t.contractOwnerIds), [[owner.id]])
  })
})
