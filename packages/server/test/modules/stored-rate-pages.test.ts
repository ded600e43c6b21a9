import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { rentalRateFields } from '../../src/modules/rental-rates/rental-rate.fields.ts'
import { usageRateFields } from '../../src/modules/usage-rates/usage-rate.fields.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { chargeGroup, created, rentalProduct, rentalProductCategory, usageProduct } from './pricing-fixtures.ts'

/**
 * A page of rates asking for every field is answered from the JSON each rate keeps (`storedJson`),
 * and a page naming its fields (`fields=`) from the columns, serialised by the route: the two must
 * be the same characters, and each item what a read of that rate answers (whose schema orders the
 * keys otherwise). The rates cover what the
 * two could write differently: decimals of every scale, negative and whole, nulls left out, false.
 */
describe('rate pages answered from the stored JSON', () => {
  let server: TestServer
  let token: string
  let owner: number

  before(async () => {
    server = await startTestServer()
    token = await server.login()
    owner = (await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody() })).body.id
  })
  after(() => server.close())

  /** The stored page, the same page by `fields=` naming every field, and each item read by id. */
  async function assertSameAnswers(path: string, query: string, fields: readonly string[], expected: number): Promise<void> {
    const stored = await server.request('GET', `${path}?page=1&pageSize=50&${query}`, { token })
    const columns = await server.request('GET', `${path}?page=1&pageSize=50&${query}&fields=${fields.join(',')}`, { token })
    assert.equal(stored.status, 200, stored.text)
    assert.equal(stored.body.length, expected)
    assert.equal(stored.text, columns.text)
    assert.equal(stored.headers.get('content-type'), columns.headers.get('content-type'))
    for (const item of stored.body as Array<{ id: number }>) {
      const read = await server.request('GET', `${path}/${item.id}`, { token })
      assert.deepEqual(item, read.body)
    }
  }

  it('rental rates: every field, by card and by a filter and sort, the same as from the columns and as each read', async () => {
    const product = await rentalProduct(server, token, 'Broadband')
    const card = await created(server, token, '/v2/rental-rate-cards', {
      contractOwnerIds: [owner],
      name: `Stored rental rates ${process.pid}`,
      rentalProductCategoryId: await rentalProductCategory(server, token),
      rentalRateCardType: 'SELL',
      availableFrom: '2025-01-01',
      rentalRates: [
        { rentalProductId: product, price: 12.3456, rentalRatePriceType: 'RENTAL', rentalRateType: 'ADVANCE', periodsInAdvance: 'STANDARD', rentalRateFrequency: 'MONTHLY', startDate: '2025-01-01', endDate: '2025-06-30' },
        { rentalProductId: product, price: 20, rentalRatePriceType: 'RENTAL', rentalRateType: 'ARREARS', rentalRateFrequency: 'QUARTERLY', startDate: '2025-07-01' },
        { rentalProductId: product, price: -0.5, rentalRatePriceType: 'ONEOFF', startDate: '2025-01-01', showOnInvoice: false },
      ],
    })
    const fields = Object.keys(rentalRateFields)
    await assertSameAnswers('/v2/rental-rates', `rentalRateCardId=${card}`, fields, 3)
    await assertSameAnswers('/v2/rental-rates', `rentalRateCardId=${card}&rentalRatePriceType=RENTAL&startDate=lt:2025-08-01&sort=price:desc`, fields, 2)
    const none = await server.request('GET', `/v2/rental-rates?page=1&pageSize=50&rentalRateCardId=${card}&price=gt:1000`, { token })
    assert.equal(none.text, '[]')
  })

  it('usage rates: every field, by card and by a filter and sort, the same as from the columns and as each read', async () => {
    const [national, mobile] = [await chargeGroup(server, token), await chargeGroup(server, token, 'UK mobile')]
    const card = await created(server, token, '/v2/usage-rate-cards', {
      contractOwnerIds: [owner],
      name: `Stored usage rates ${process.pid}`,
      availableFrom: '2025-01-01',
      usageProductId: await usageProduct(server, token),
      decimalPlaces: 4,
      defaultMinCharge: 0,
      usageRates: [
        { chargeGroupId: national, usageRateType: 'VARIABLE', peakInitialPeriod: 60, peakValue: 123456789.123456, offPeakValue: 0.000001, variableChargeUnitSize: 60, startDate: '2025-01-01', endDate: '2025-12-31' },
        { chargeGroupId: mobile, usageRateType: 'MARKUP', peakInitialPeriod: 0, peakValue: -2.5, weekendMinimum: 7, surchargeInitialCharge: 0.1, startDate: '2025-01-01' },
      ],
    })
    const fields = Object.keys(usageRateFields)
    await assertSameAnswers('/v2/usage-rates', `usageRateCardId=${card}`, fields, 2)
    await assertSameAnswers('/v2/usage-rates', `usageRateCardId=${card}&usageRateType=MARKUP&sort=startDate:desc`, fields, 1)
  })
})
