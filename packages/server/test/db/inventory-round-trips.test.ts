import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { created, inventorySetup, rentalProduct, type InventorySetup } from '../modules/inventory-fixtures.ts'
import { RoundTripCounter } from '../helpers/round-trips.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

/** Round trips to PostgreSQL per inventory request, counted at the driver (as round-trips.test.ts does). */
describe('database round trips of inventory writes and reads', () => {
  let server: TestServer
  let token: string
  let setup: InventorySetup
  const counter = new RoundTripCounter()

  before(async () => {
    server = await startTestServer({ dbPoolSize: 1 })
    token = await server.login()
    setup = await inventorySetup(server, token)
    counter.install()
  })
  after(async () => {
    counter.restore()
    await server.close()
  })

  async function roundTrips(path: string, method = 'GET', json?: unknown): Promise<number> {
    counter.calls = 0
    const response = await server.request(method, path, { token, json })
    assert.equal(response.status, method === 'POST' ? 201 : 200, response.text)
    return counter.calls
  }

  it('an RPI create is five: actor, begin, every reference in one lookup, the insert, commit; six with a generated child', async () => {
    const parent = (await rentalProduct(server, setup)).id
    const rpi = { siteId: setup.siteId, rentalProductId: parent, invoicePresentationProductName: 'Line', supplierAccountId: setup.supplierAccountId, startDate: '2024-03-01', invoiceFrequency: 1, quantity: 1 }
    await roundTrips('/v2/rental-product-inventories', 'POST', rpi)
    assert.equal(await roundTrips('/v2/rental-product-inventories', 'POST', rpi), 5)
    await rentalProduct(server, setup, { productType: 'FEATURE', parentRentalProductId: parent, generateWhenParentCreated: true })
    assert.equal(await roundTrips('/v2/rental-product-inventories', 'POST', rpi), 6)
    assert.equal(await roundTrips(`/v2/rental-product-inventories?page=1&pageSize=100&siteId=${setup.siteId}`), 2)
  })

  it('a UPI create is nine: actor, begin, the lookup, the lock and the check per number, two inserts, the read back, commit; a list with its references two', async () => {
    const category = (await created(server, token, '/v2/usage-product-categories', { name: `Round trips ${process.pid}` })).id
    const usageProductId = (await created(server, token, '/v2/usage-products', { name: 'Calls', usageProductCategoryId: category, direction: 'OUTBOUND', availableFrom: '2024-01-01', productReferenceFormat: '.*' })).id
    const upi = (n: number) => ({ siteId: setup.siteId, usageProductId, startDate: '2024-03-01', productReferences: [{ productReference: `0113000${n}` }, { productReference: `0113100${n}` }] })
    await roundTrips('/v2/usage-product-inventories', 'POST', upi(1000))
    assert.equal(await roundTrips('/v2/usage-product-inventories', 'POST', upi(2000)), 9)
    assert.equal(await roundTrips(`/v2/usage-product-inventories?page=1&pageSize=100&siteId=${setup.siteId}&productReference=like:0113`), 2)
  })
})
