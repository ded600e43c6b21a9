import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql, type Kysely } from 'kysely'
import pg from 'pg'
import { childRowsAggregate, keptChildRows } from '../../src/resources/children.ts'
import { resourceJson, storedResources } from '../../src/resources/stored-resource.ts'
import { contractOwnerBody } from '../helpers/fixtures.ts'
import { JSON_PATCH } from '../helpers/requests.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { chargeGroup, created, rentalProduct, rentalProductCategory, usageProduct } from './pricing-fixtures.ts'

/**
 * Lists answered from the JSON their rows keep, written by triggers: the rates' (`storedJson`,
 * migration 2026_12_09_0500) and the catalogue's and currencies' (`storedResource`, 2026_12_09_0600
 * and 0800). A page asking for every field (or a card's summary) is sent
 * as that text. It must be the same characters as the page the route's serialiser builds from the
 * columns, each item what a read by id answers, and each stored text what `resourceJson` builds
 * from the row today, and each rate card's rates what the query would aggregate (kept in the card
 * by triggers on its rates, 2026_12_09_0900). The records cover what the two could write differently: decimals of every
 * scale, negative and whole, nested arrays of objects, text needing escapes, fields left out.
 */
describe('pages answered from stored JSON', () => {
  let server: TestServer
  let token: string
  let owner: number

  before(async () => {
    server = await startTestServer()
    token = await server.login()
    owner = (await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody() })).body.id
  })
  after(() => server.close())

  /**
   * The stored page; the same page from the columns, by `fields=` naming every field its items have
   * but `id` (which the stored text can never answer), with each item's id put back first; and each
   * item as a read by id answers it.
   */
  async function assertSameAnswers(path: string, query: string, expected: number, headers: Record<string, string> = {}): Promise<string[]> {
    const stored = await server.request('GET', `${path}?page=1&pageSize=50&${query}`, { token, headers })
    assert.equal(stored.status, 200, stored.text)
    assert.equal(stored.body.length, expected)
    const items = stored.body as Array<Record<string, unknown>>
    const fields = [...new Set(items.flatMap((item) => Object.keys(item)))]
    const columns = await server.request('GET', `${path}?page=1&pageSize=50&${query}&fields=${fields.filter((field) => field !== 'id').join(',')}`, { token, headers })
    assert.equal(columns.status, 200, columns.text)
    assert.equal(stored.text, JSON.stringify((columns.body as Array<Record<string, unknown>>).map((item, index) => ({ id: items[index]!.id, ...item }))))
    assert.equal(stored.headers.get('content-type'), columns.headers.get('content-type'))
    if (headers.summary === undefined) {
      for (const item of items) assert.deepEqual(item, (await server.request('GET', `${path}/${item.id}`, { token })).body)
    }
    return fields
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
    await assertSameAnswers('/v2/rental-rates', `rentalRateCardId=${card}`, 3)
    await assertSameAnswers('/v2/rental-rates', `rentalRateCardId=${card}&rentalRatePriceType=RENTAL&startDate=lt:2025-08-01&sort=price:desc`, 2)
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
    await assertSameAnswers('/v2/usage-rates', `usageRateCardId=${card}`, 2)
    await assertSameAnswers('/v2/usage-rates', `usageRateCardId=${card}&usageRateType=MARKUP&sort=startDate:desc`, 1)
  })
  it('rental products: nested custom fields, a regex with escapes, left-out fields', async () => {
    const parent = await rentalProduct(server, token, 'Stored "fibre" \\ broadband')
    const read = (await server.request('GET', `/v2/rental-products/${parent}`, { token })).body
    await created(server, token, '/v2/rental-products', {
      ...Object.fromEntries(['rentalProductCategoryId', 'supplierId', 'taxBandId'].map((name) => [name, read[name]])),
      productType: 'FEATURE',
      name: `Stored static IP ${process.pid}`,
      invoicePresentationName: 'Static IP "one" \\ café',
      parentRentalProductId: parent,
      supplierProductNames: ['IP-STATIC', 'IP "v4"'],
      availableFrom: '2025-01-01',
      availableTo: '2030-12-31',
      nominalCode: 'SALES-01',
      forceBillPeriods: 3,
      productReferenceRequired: true,
      productReferenceFormat: '^\\d{4}-[A-Z]+$',
      customFields: [{ label: 'Colour', value: 'Blue' }, { id: 7, label: 'Size', value: 'L "large"' }],
    })
    const fields = await assertSameAnswers('/v2/rental-products', `supplierId=${read.supplierId}`, 2)
    assert.ok(fields.includes('customFields') && fields.includes('productReferenceFormat'))
  })

  it('rental rate cards: with and without rates, and the summary from the stored text alone', async () => {
    const product = await rentalProduct(server, token, 'Stored card product')
    const category = await rentalProductCategory(server, token)
    const card = { contractOwnerIds: [owner], rentalProductCategoryId: category, rentalRateCardType: 'SELL', availableFrom: '2025-01-01' }
    await created(server, token, '/v2/rental-rate-cards', { ...card, name: `Stored rental card ${process.pid}`, availableTo: '2026-12-31', acceptOverridesFromParents: false })
    await created(server, token, '/v2/rental-rate-cards', {
      ...card,
      name: `Stored rental card with rates ${process.pid}`,
      rentalRates: [
        { rentalProductId: product, price: 12.3456, rentalRatePriceType: 'RENTAL', rentalRateType: 'ADVANCE', periodsInAdvance: 'STANDARD', rentalRateFrequency: 'MONTHLY', startDate: '2025-01-01' },
        { rentalProductId: product, price: -0.5, rentalRatePriceType: 'ONEOFF', startDate: '2025-01-01', showOnInvoice: false },
      ],
    })
    const fields = await assertSameAnswers('/v2/rental-rate-cards', `rentalProductCategoryId=${category}`, 2)
    assert.ok(fields.includes('rentalRates'))
    const summary = await assertSameAnswers('/v2/rental-rate-cards', `rentalProductCategoryId=${category}`, 2, { summary: 'true' })
    assert.ok(!summary.includes('rentalRates') && summary.includes('acceptOverridesFromParents'))
  })

  it('usage rate cards: dated charges and plans in details, rates appended; the summary cut before the charges', async () => {
    const calls = await usageProduct(server, token)
    const group = await chargeGroup(server, token)
    const card = { contractOwnerIds: [owner], usageProductId: calls, availableFrom: '2025-01-01', decimalPlaces: 4, defaultMinCharge: 0.000001 }
    await created(server, token, '/v2/usage-rate-cards', { ...card, name: `Stored usage card ${process.pid}` })
    await created(server, token, '/v2/usage-rate-cards', {
      ...card,
      name: `Stored bolt on ${process.pid}`,
      boltOn: true,
      nominalCode: 'CALLS-01',
      timeBandPlans: [{ timeBandPlanId: 3, name: 'Weekday "peak"', startDate: '2025-01-01', endDate: '2025-12-31' }],
      accessCharges: [{ charge: 1.5, startDate: '2025-01-01' }, { charge: 123456789.123456, startDate: '2026-01-01' }],
      boltOnCharges: [{ price: -12.5, rentalRateType: 'ADVANCE', rentalRateFrequency: 'MONTHLY', showOnInvoice: false, startDate: '2025-01-01' }],
      usageRates: [{ chargeGroupId: group, usageRateType: 'VARIABLE', peakInitialPeriod: 60, peakValue: 1.25, startDate: '2025-01-01' }],
    })
    const priced = ['timeBandPlans', 'accessCharges', 'boltOnCharges', 'usageRates']
    const fields = await assertSameAnswers('/v2/usage-rate-cards', `usageProductId=${calls}`, 2)
    assert.ok(priced.every((field) => fields.includes(field)))
    // The summary: the stored text cut before the first of the dated charges it leaves out.
    const summary = await assertSameAnswers('/v2/usage-rate-cards', `usageProductId=${calls}`, 2, { summary: 'true' })
    assert.ok(!priced.some((field) => summary.includes(field)) && summary.includes('applyCrossTimeBandCharging'))
  })

  it('inclusive usage plans: components nested two deep', async () => {
    const calls = await usageProduct(server, token)
    const group = await chargeGroup(server, token)
    const plan = { contractOwnerId: owner, usageProductId: calls, availableFrom: '2025-01-01' }
    await created(server, token, '/v2/inclusive-usage-plans', { ...plan, name: `Stored plan ${process.pid}` })
    await created(server, token, '/v2/inclusive-usage-plans', {
      ...plan,
      name: `Stored bolt-on plan ${process.pid}`,
      boltOn: true,
      inclusiveUsageComponents: [
        { description: '500 UK minutes', componentType: 'QUANTITY', chargingType: 'DURATION', quantity: 30000, timebands: [{ timeband: 'PEAK' }, { timeband: 'OFFPEAK' }], chargeGroups: [{ chargeGroupId: group }], dialStrings: [{ dialString: '0800', isWholeNumber: false }] },
        { componentType: 'VALUE', chargingType: 'ONEOFF', valueInPence: 250.000001 },
      ],
      boltOnCharges: [{ price: 5.5, rentalRateType: 'ADVANCE', periodsInAdvance: 'STANDARD', rentalRateFrequency: 'MONTHLY', showOnInvoice: true, startDate: '2025-01-01' }],
    })
    const fields = await assertSameAnswers('/v2/inclusive-usage-plans', `usageProductId=${calls}`, 2)
    assert.ok(fields.includes('inclusiveUsageComponents'))
  })

  it('usage products, rental product categories, product custom fields and currencies', async () => {
    const category = await created(server, token, '/v2/usage-product-categories', { name: `Stored usage category ${process.pid}` })
    const product = { usageProductCategoryId: category, direction: 'OUTBOUND', availableFrom: '2025-01-01', productReferenceFormat: '^0\\d{9,10}$' }
    await created(server, token, '/v2/usage-products', { ...product, name: `Stored calls ${process.pid}` })
    await created(server, token, '/v2/usage-products', {
      ...product,
      name: `Stored "data" ${process.pid}`,
      direction: 'INBOUND',
      availableTo: '2027-01-31',
      nominalCode: 'DATA-01',
      serviceIdRequired: true,
      serviceIdFormat: '[0-9]+',
      customFields: [{ label: 'Tier', value: 'Gold "plus"' }],
    })
    await assertSameAnswers('/v2/usage-products', `usageProductCategoryId=${category}`, 2)
    const rentalCategory = await created(server, token, '/v2/rental-product-categories', { name: `Stored category ${process.pid}`, startDate: '2025-01-01', contractOwnerIds: [owner] })
    await created(server, token, '/v2/rental-product-categories', { name: `Stored "fibre" category ${process.pid}`, startDate: '2025-01-01', endDate: '2025-12-31', contractOwnerIds: [owner], displayIcon: 'fa-wifi' })
    await assertSameAnswers('/v2/rental-product-categories', 'name=like:stored', 2)
    await created(server, token, '/v2/product-custom-fields', { label: `Stored circuit ${process.pid}`, entityLevel: 'RENTAL_PRODUCT', productCategoryIds: [rentalCategory] })
    await created(server, token, '/v2/product-custom-fields', { label: `Stored port ${process.pid}`, entityLevel: 'RENTAL_PRODUCT' })
    await assertSameAnswers('/v2/product-custom-fields', `label=like:Stored`, 2)
    await assertSameAnswers('/v2/product-custom-fields', `entityLevel=RENTAL_PRODUCT&productCategoryId=${rentalCategory}&sort=label:desc`, 1)
    await created(server, token, '/v1/currencies', { name: 'Stored "crowns"', code: 'ZZS', majorCurrencyName: 'crowns', minorCurrencyName: 'öre' })
    await assertSameAnswers('/v1/currencies', 'sort=code', 50)
    // Searches whose ids come first from a narrow index (idsByIndex), then their rows.
    await assertSameAnswers('/v1/currencies', 'name=like:Stored%20%22crowns', 1)
    const searched = await assertSameAnswers('/v1/currencies', 'name=like:e&sort=id:desc', 50)
    assert.ok(searched.includes('majorCurrencyName'))
  })

  it('each table keeps what resourceJson builds today (else: a new migration writes its trigger again)', async () => {
    const tables = ['currencies', 'inclusive_usage_plans', 'product_custom_fields', 'rental_product_categories', 'rental_products', 'rental_rate_cards', 'usage_products', 'usage_rate_cards']
    assert.deepEqual(storedResources().map((stored) => stored.table).sort(), tables)
    const db = server.db.system as unknown as Kysely<any>
    for (const stored of storedResources()) {
      const { rows } = await sql<{ id: number; kept: string; built: string }>`select t.id, t.${sql.id(stored.column)} as kept, ${resourceJson(stored, 't')} as built from ${sql.table(stored.table)} as t order by t.id`.execute(db)
      assert.ok(rows.length >= 2, stored.table)
      for (const row of rows) assert.equal(row.kept, row.built, `${stored.table} ${row.id}: the trigger ${stored.table}_${stored.column}() writes what resourceJson no longer builds`)
    }
  })

  /** Every card's kept rates against the aggregate its rates give now; answers how many cards have rates. */
  async function assertCardsKeepTheirRates(): Promise<number> {
    assert.deepEqual(keptChildRows().map((k) => `${k.table}.${k.column}`).sort(), ['rental_rate_cards.rental_rates_json', 'usage_rate_cards.usage_rates_json'])
    const db = server.db.system as unknown as Kysely<any>
    let withRates = 0
    for (const { table, column, child } of keptChildRows()) {
      const { rows } = await sql<{ id: number; kept: string; built: string }>`select p.id, p.${sql.id(column)} as kept, ${childRowsAggregate(child, 'p')} as built from ${sql.table(table)} as p order by p.id`.execute(db)
      for (const row of rows) assert.equal(row.kept, row.built, `${table} ${row.id}: ${column} is not its rates as the query builds them`)
      withRates += rows.filter((row) => row.kept !== '[]').length
    }
    return withRates
  }

  it('rate cards keep their rates as the query builds them, after rates are added, changed and deleted', async () => {
    const product = await rentalProduct(server, token, 'Kept rates product')
    const rate = { rentalProductId: product, rentalRatePriceType: 'ONEOFF', startDate: '2025-01-01' }
    const rental = await created(server, token, '/v2/rental-rate-cards', {
      contractOwnerIds: [owner], name: `Kept rental rates ${process.pid}`, rentalProductCategoryId: await rentalProductCategory(server, token), rentalRateCardType: 'SELL', availableFrom: '2025-01-01',
      rentalRates: [{ ...rate, price: 1.5, endDate: '2025-12-31' }, { ...rate, price: 2, startDate: '2026-01-01', endDate: '2026-12-31' }],
    })
    const patch = (path: string, ops: unknown[]) => server.request('PATCH', path, { token, headers: JSON_PATCH, body: JSON.stringify(ops) })
    assert.equal((await patch(`/v2/rental-rate-cards/${rental}`, [{ op: 'add', path: '/rentalRates/-', value: { ...rate, price: 3, startDate: '2027-01-01' } }])).status, 200)
    const rates = (await server.request('GET', `/v2/rental-rates?page=1&pageSize=10&rentalRateCardId=${rental}`, { token })).body as Array<{ id: number }>
    assert.equal(rates.length, 3)
    assert.equal((await patch(`/v2/rental-rates/${rates[0]!.id}`, [{ op: 'replace', path: '/price', value: 9.99 }])).status, 200)
    assert.equal((await server.request('DELETE', `/v2/rental-rates/${rates[1]!.id}`, { token })).status, 204)
    const card = (await server.request('GET', `/v2/rental-rate-cards/${rental}`, { token })).body
    assert.deepEqual(card.rentalRates.map((r: { price: number }) => r.price), [9.99, 3])

    const group = await chargeGroup(server, token)
    const usage = await created(server, token, '/v2/usage-rate-cards', {
      contractOwnerIds: [owner], name: `Kept usage rates ${process.pid}`, availableFrom: '2025-01-01', usageProductId: await usageProduct(server, token), decimalPlaces: 4, defaultMinCharge: 0,
      usageRates: [{ chargeGroupId: group, usageRateType: 'VARIABLE', peakInitialPeriod: 60, peakValue: 1.25, startDate: '2025-01-01' }],
    })
    const [usageRate] = (await server.request('GET', `/v2/usage-rates?page=1&pageSize=10&usageRateCardId=${usage}`, { token })).body as Array<{ id: number }>
    assert.equal((await patch(`/v2/usage-rates/${usageRate!.id}`, [{ op: 'replace', path: '/peakValue', value: 2.5 }])).status, 200)
    assert.equal((await server.request('GET', `/v2/usage-rate-cards/${usage}`, { token })).body.usageRates[0].peakValue, 2.5)
    assert.equal((await server.request('DELETE', `/v2/usage-rate-cards/${usage}`, { token })).status, 204)
    assert.ok((await assertCardsKeepTheirRates()) >= 2)
  })

  it('two writers adding rates to one card at once: the second waits for the first, and the card keeps both', async () => {
    const product = await rentalProduct(server, token, 'Concurrent rates product')
    const card = await created(server, token, '/v2/rental-rate-cards', {
      contractOwnerIds: [owner], name: `Concurrent rates ${process.pid}`, rentalProductCategoryId: await rentalProductCategory(server, token), rentalRateCardType: 'SELL', availableFrom: '2025-01-01',
      rentalRates: [{ rentalProductId: product, price: 1, rentalRatePriceType: 'ONEOFF', startDate: '2025-01-01' }],
    })
    // As the schema owner, so the rates are written by SQL alone: the triggers are what keeps the card right.
    const [first, second, watcher] = [0, 1, 2].map(() => new pg.Client({ connectionString: server.config.databaseUrl }))
    const copy = (price: number) =>
      `insert into rental_rates (brand_id, rental_rate_card_id, rental_product_id, price, rental_rate_price_type, start_date)
       select brand_id, rental_rate_card_id, rental_product_id, ${price}, rental_rate_price_type, start_date from rental_rates where rental_rate_card_id = ${Number(card)} order by id limit 1`
    try {
      for (const client of [first, second, watcher]) await client!.connect()
      await first!.query('begin')
      await first!.query(copy(2))
      await second!.query('begin')
      const secondPid = (await second!.query('select pg_backend_pid() as pid')).rows[0].pid
      const secondInsert = second!.query(copy(3))
      // The second writer's trigger waits for the first's lock on the card (observed, not timed).
      while ((await watcher!.query(`select wait_event_type from pg_stat_activity where pid = $1`, [secondPid])).rows[0]?.wait_event_type !== 'Lock');
      await first!.query('commit')
      await secondInsert
      await second!.query('commit')
    } finally {
      for (const client of [first, second, watcher]) await client!.end()
    }
    const rates = (await server.request('GET', `/v2/rental-rate-cards/${card}`, { token })).body.rentalRates as Array<{ price: number }>
    assert.deepEqual(rates.map((rate) => rate.price), [1, 2, 3])
    await assertCardsKeepTheirRates()
  })
})
