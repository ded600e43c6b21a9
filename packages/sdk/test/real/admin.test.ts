import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  ApiError,
  ConflictError,
  ElevateClient,
  NotFoundError,
  PreconditionFailedError,
  type AdminContact,
  type CustomFieldDefinition,
  type ElevateClientOptions,
  type InvoiceGroupTagLabel,
} from '../../src/index.ts'
import { billingCycleBody, contractOwnerBody, customerBody, subBrandBody, unique, type Setup } from '../helpers/bodies.ts'
import { ADMIN, startRealServer, type RealServer } from '../helpers/real-server.ts'

describe('admin resources against the real server', () => {
  let server: RealServer
  let client: ElevateClient
  let setup: Setup
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
    const owner = await client.contractOwners.create(contractOwnerBody())
    const subBrand = await client.contractOwnerSubBrands.create(subBrandBody(owner.id))
    const cycle = await client.billingCycles.create(billingCycleBody(owner.id))
    setup = { contractOwnerId: owner.id, subBrandId: subBrand.id, billingCycleId: cycle.id }
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

  it('manages an admin contact: create with flags defaulted, conditional update, list, exists', async () => {
    const created: AdminContact = await client.adminContacts.create({ name: unique('Ops'), email: 'ops@example.com', receiveFraudAlertsViaEmail: true })
    assert.equal(created.receiveUsageCapAlertsViaEmail, false)
    const { item, etag } = await client.adminContacts.getWithETag(created.id)
    assert.deepEqual(item, created)
    const updated = await client.adminContacts.update(created.id, { receiveUsageCapAlertsViaEmail: true }, { ifMatch: etag })
    assert.equal(updated.receiveUsageCapAlertsViaEmail, true)
    assert.ok((await failure(client.adminContacts.update(created.id, { telephoneNumber: '1' }, { ifMatch: etag }))) instanceof PreconditionFailedError)
    assert.deepEqual(await client.adminContacts.list({ page: 1, pageSize: 5, name: created.name, fields: 'id,name' }), [{ id: created.id, name: created.name }])
    assert.equal(await client.adminContacts.exists({ name: created.name }), true)
    assert.equal(await client.adminContacts.exists({ name: 'nobody at all' }), false)
  })

  it('lists custom field definitions by their entity level', async () => {
    const site: CustomFieldDefinition = await client.customFieldDefinitions.create({ label: unique('Cost centre'), entityLevel: 'SITE' })
    await client.customFieldDefinitions.create({ label: unique('Tariff'), entityLevel: 'USAGE_PRODUCT' })
    assert.deepEqual(await client.customFieldDefinitions.list({ page: 1, pageSize: 10, entityLevel: 'SITE' }), [site])
  })

  it('manages a sub-brand’s invoice group tag labels through the nested collection and their own path', async () => {
    const label: InvoiceGroupTagLabel = await client.invoiceGroupTagLabels.create(setup.subBrandId, { label: 'Cost Centre' })
    assert.deepEqual({ ...label, id: 0, createdDate: '', updatedDate: '' }, { id: 0, label: 'Cost Centre', contractOwnerSubBrandId: setup.subBrandId, showOnInvoice: true, createdDate: '', updatedDate: '' })
    await client.invoiceGroupTagLabels.create(setup.subBrandId, { label: 'Internal', showOnInvoice: false })
    assert.deepEqual((await client.invoiceGroupTagLabels.list(setup.subBrandId, { page: 1, pageSize: 10, showOnInvoice: 'true' })).map((l) => l.label), ['Cost Centre'])
    const all: string[] = []
    for await (const each of client.invoiceGroupTagLabels.listAll(setup.subBrandId, { sort: 'label' }, { pageSize: 1 })) all.push(each.label)
    assert.deepEqual(all, ['Cost Centre', 'Internal'])
    assert.equal(await client.invoiceGroupTagLabels.exists(setup.subBrandId, { label: 'Internal' }), true)
    assert.equal((await client.invoiceGroupTagLabels.update(label.id, [{ op: 'replace', path: '/label', value: 'PO Number' }])).label, 'PO Number')
    await client.invoiceGroupTagLabels.delete(label.id)
    assert.ok((await failure(client.invoiceGroupTagLabels.get(label.id))) instanceof NotFoundError)
    assert.ok((await failure(client.invoiceGroupTagLabels.list(987654, { page: 1, pageSize: 1 }))) instanceof NotFoundError)
    assert.ok(sent.includes(`POST /v1/contract-owner-sub-brands/${setup.subBrandId}/invoice-group-tag-labels`))
    assert.ok(sent.includes(`DELETE /v1/invoice-group-tag-labels/${label.id}`))
  })

  it('deletes a sub-brand: once (then NotFoundError), and never while a customer uses it (ConflictError in_use)', async () => {
    const spare = await client.contractOwnerSubBrands.create(subBrandBody(setup.contractOwnerId))
    await client.contractOwnerSubBrands.delete(spare.id)
    const again = await failure(client.contractOwnerSubBrands.delete(spare.id))
    assert.ok(again instanceof NotFoundError)
    await client.customers.create(customerBody(setup))
    const inUse = await failure(client.contractOwnerSubBrands.delete(setup.subBrandId))
    assert.ok(inUse instanceof ConflictError)
    assert.equal(inUse.code, 'in_use')
    assert.match(inUse.message, /is used by customers/)
    assert.equal((await client.contractOwnerSubBrands.get(setup.subBrandId)).id, setup.subBrandId)
  })
})
