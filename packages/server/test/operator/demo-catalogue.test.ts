import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { seedDemoCatalogue, type CatalogueApi } from '../../src/cli/demo-catalogue.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

describe('the demo catalogue (seed-demo)', () => {
  let server: TestServer
  let api: CatalogueApi
  let owner: number

  before(async () => {
    server = await startTestServer()
    const token = await server.login()
    api = {
      list: async (path) => {
        const response = await server.request('GET', path, { token })
        assert.equal(response.status, 200, response.text)
        return response.body
      },
      create: async (path, body) => {
        const response = await server.request('POST', path, { token, json: body })
        assert.equal(response.status, 201, `${path}: ${response.text}`)
        return response.body.id
      },
    }
    owner = (await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody() })).body.id
  })
  after(() => server.close())

  it('makes a priced catalogue through the API, and running it again adds nothing', async () => {
    const first = await seedDemoCatalogue(api, [owner])
    assert.equal(first.created, 13, "a supplier, 2 + 1 categories, 3 products, a charge group category and 3 groups, 2 cards")
    // The brand's seeded standard band (20%) is used, not a second one.
    const bands = await api.list('/v1/tax-bands?page=1&pageSize=100&code=T1')
    assert.deepEqual(bands.map((band) => band.id), [first.taxBandId])
    assert.deepEqual((await api.list(`/v1/tax-band-rates?page=1&pageSize=10&taxBandId=${first.taxBandId}`)).map((rate) => rate.rate), [20])
    const products = await api.list('/v2/rental-products?page=1&pageSize=100&sort=name')
    assert.deepEqual(products.map((product) => product.name), ['Business Broadband FTTP 500', 'Business Phone Line'])
    const rental = await api.list(`/v2/rental-rates?page=1&pageSize=100&rentalRateCardId=${first.rentalRateCardId}&sort=price`)
    assert.deepEqual(rental.map((rate) => [rate.rentalProductId, rate.price, rate.rentalRatePriceType]), [
      [first.rentalProductIds.phoneLine, 18.5, 'RENTAL'],
      [first.rentalProductIds.broadband, 45, 'RENTAL'],
      [first.rentalProductIds.broadband, 99, 'ONEOFF'],
    ])
    const [card] = await api.list(`/v2/rental-rate-cards?page=1&pageSize=10&contractOwnerId=${owner}`)
    assert.equal(card!.name, 'Business monthly rental')
    const usage = await api.list(`/v2/usage-rates?page=1&pageSize=100&usageRateCardId=${first.usageRateCardId}`)
    assert.deepEqual(usage.map((rate) => rate.peakValue), [2.5, 9.5, 0])
    const [usageCard] = await api.list(`/v2/usage-rate-cards?page=1&pageSize=10&usageProductId=${first.usageProductId}`)
    assert.deepEqual([usageCard!.name, (usageCard!.usageRates as unknown[]).length], ['UK calls standard', 3])

    const counts = async () => Promise.all(['/v2/rental-product-categories', '/v2/rental-products', '/v2/usage-products', '/v1/charge-groups', '/v2/rental-rate-cards', '/v2/usage-rate-cards', '/v1/suppliers'].map(async (path) => (await api.list(`${path}?page=1&pageSize=1000`)).length))
    const before = await counts()
    const second = await seedDemoCatalogue(api, [owner])
    assert.equal(second.created, 0)
    assert.deepEqual({ ...second, created: first.created }, first)
    assert.deepEqual(await counts(), before)
  })
})
