import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { ApiError, ConflictError, ElevateClient, type ElevateClientOptions } from '../../src/index.ts'
import { ADMIN, startRealServer, type RealServer } from '../helpers/real-server.ts'

describe('the Products API (/v2) against the real server', () => {
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
        sent.push(`${init.method} ${url.slice(server.url.length).split('?')[0]}`)
        return fetch(url, init)
      },
    } as ElevateClientOptions)
  })
  after(() => server?.stop())

  it('creates a rental product category on /v2, reads, lists, patches (JSON Patch) and deletes it', async () => {
    const [owner] = await client.contractOwners.list({ page: 1, pageSize: 1 })
    const category = await client.rentalProductCategories.create({ name: 'Broadband', startDate: '2024-01-01', contractOwnerIds: [owner!.id], displayIcon: 'fa-wifi' })
    assert.equal(category.siMaintained, false)
    assert.deepEqual(await client.rentalProductCategories.get(category.id), category)
    assert.deepEqual(await client.rentalProductCategories.list({ page: 1, pageSize: 10, name: 'Broadband' }), [category])
    assert.equal(await client.rentalProductCategories.exists({ name: 'Broadband' }), true)
    const { etag } = await client.rentalProductCategories.getWithETag(category.id)
    const renamed = await client.rentalProductCategories.update(category.id, [{ op: 'replace', path: '/name', value: 'Broadband and fibre' }], { ifMatch: etag })
    assert.equal(renamed.name, 'Broadband and fibre')
    await client.rentalProductCategories.delete(category.id)
    const gone = await client.rentalProductCategories.get(category.id).then(
      () => assert.fail('expected 404'),
      (e: unknown) => e,
    )
    assert.ok(gone instanceof ApiError && gone.status === 404)
    assert.ok(sent.includes('POST /v2/rental-product-categories'), sent.join('\n'))
    assert.ok(sent.includes(`PATCH /v2/rental-product-categories/${category.id}`))
  })

  it('creates a rental product in a category on /v2, lists it by the published filters, and keeps its category', async () => {
    const [owner] = await client.contractOwners.list({ page: 1, pageSize: 1 })
    const category = await client.rentalProductCategories.create({ name: 'Phone lines', startDate: '2024-01-01', contractOwnerIds: [owner!.id] })
    const supplier = await client.suppliers.create({ name: 'Openreach' })
    const [band] = await client.taxBands.list({ page: 1, pageSize: 1, code: 'T1' })
    const product = await client.rentalProducts.create({
      rentalProductCategoryId: category.id,
      productType: 'PRODUCT',
      name: 'WLR3 analogue line',
      invoicePresentationName: 'Analogue line rental',
      supplierId: supplier.id,
      taxBandId: band!.id,
      availableFrom: '2024-01-01',
      productReferenceFormat: '0[1-9][0-9]{8,9}',
    })
    assert.equal(product.forceBillPeriods, 0)
    assert.deepEqual(await client.rentalProducts.get(product.id), product)
    assert.deepEqual(await client.rentalProducts.list({ page: 1, pageSize: 10, productType: 'PRODUCT', supplierId: String(supplier.id) }), [product])
    const changed = await client.rentalProducts.update(product.id, [{ op: 'replace', path: '/productType', value: 'FEATURE' }])
    assert.equal(changed.productType, 'FEATURE')
    const inUse = await client.rentalProductCategories.delete(category.id).then(
      () => assert.fail('expected 409'),
      (e: unknown) => e,
    )
    assert.ok(inUse instanceof ConflictError, String(inUse))
    assert.ok(sent.includes('POST /v2/rental-products'), sent.join('\n'))
  })
})
