import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { ApiError, ElevateClient, type ElevateClientOptions } from '../../src/index.ts'
import { ADMIN, startRealServer, type RealServer } from '../helpers/real-server.ts'

describe('the Pricing API (/v2) against the real server', () => {
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

  it('creates a rental rate card with a rate, adds a rate by PATCHing the card, lists and changes the rates', async () => {
    const [owner] = await client.contractOwners.list({ page: 1, pageSize: 1 })
    const category = await client.rentalProductCategories.create({ name: 'Connectivity', startDate: '2024-01-01', contractOwnerIds: [owner!.id] })
    const supplier = await client.suppliers.create({ name: 'Wholesale connectivity' })
    const [band] = await client.taxBands.list({ page: 1, pageSize: 1, code: 'T1' })
    const product = (name: string) =>
      client.rentalProducts.create({ rentalProductCategoryId: category.id, productType: 'PRODUCT', name, invoicePresentationName: name, supplierId: supplier.id, taxBandId: band!.id, availableFrom: '2024-01-01' })
    const broadband = await product('FTTP 500')
    const line = await product('SOGEA line')
    const card = await client.rentalRateCards.create({
      contractOwnerIds: [owner!.id],
      name: 'Business rental',
      rentalProductCategoryId: category.id,
      rentalRateCardType: 'SELL',
      availableFrom: '2025-01-01',
      rentalRates: [{ rentalProductId: broadband.id, price: 39.9999, rentalRatePriceType: 'RENTAL', rentalRateType: 'ADVANCE', periodsInAdvance: 'STANDARD', rentalRateFrequency: 'MONTHLY', startDate: '2025-01-01' }],
    })
    assert.equal(card.rentalRates?.[0]?.price, 39.9999)
    const added = await client.rentalRateCards.update(card.id, [{ op: 'add', path: '/rentalRates/-', value: { rentalProductId: line.id, price: 49, rentalRatePriceType: 'ONEOFF', startDate: '2025-01-01' } }])
    assert.equal(added.rentalRates?.length, 2)
    const rates = await client.rentalRates.list({ page: 1, pageSize: 10, rentalRateCardId: String(card.id), rentalRatePriceType: 'ONEOFF' })
    assert.deepEqual(rates.map((rate) => [rate.rentalProductId, rate.price]), [[line.id, 49]])
    const cheaper = await client.rentalRates.update(rates[0]!.id!, [{ op: 'replace', path: '/price', value: 24.5 }])
    assert.equal(cheaper.price, 24.5)
    assert.deepEqual((await client.rentalRateCards.list({ page: 1, pageSize: 10, contractOwnerId: String(owner!.id), rentalRateCardType: 'SELL' })).map((c) => c.id), [card.id])
    await client.rentalRates.delete(cheaper.id)
    const gone = await client.rentalRates.get(cheaper.id).then(
      () => assert.fail('expected 404'),
      (e: unknown) => e,
    )
    assert.ok(gone instanceof ApiError && gone.status === 404)
    assert.ok(sent.includes('POST /v2/rental-rate-cards'), sent.join('\n'))
    assert.ok(sent.includes(`PATCH /v2/rental-rates/${cheaper.id}`), sent.join('\n'))
  })
})
