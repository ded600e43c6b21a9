/**
 * Pricing assignment lists at 10,000 rows per brand (issue 12: every list under 20 ms p99): seeds
 * the benchmark brand with 10,000 customers (a site each), then a rental rate card assigned to
 * every customer, a site-level rental override on every site, and 10,000 rates on the card,
 * straight in SQL; loads each list through the real server over HTTP, and times the bill-run
 * candidate load (`loadRentalPriceCandidates`, 1,000 items in one query).
 *
 *   npm run bench:pricing-assignments     (BENCH_ROWS to change the count, BENCH_SECONDS per query)
 *
 * `DATABASE_URL` points it at that PostgreSQL (a scratch database, dropped after); unset, an
 * embedded one is started. Results go to bench/results/pricing-assignment-lists.json.
 */
import pino from 'pino'
import { Database } from '../packages/server/src/db/database.ts'
import { runListBench, type SeedClient } from './lib/lists.ts'

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000)

interface Seed {
  card: number
  product: number
}

/** A card assigned to every customer, an override on every site, ROWS rates on the card. */
async function seed(client: SeedClient, brand: number, owner: number): Promise<Seed> {
  const one = client.one
  const category = await one(`insert into rental_product_categories (brand_id, name, start_date, contract_owner_ids) values ($1, 'Bench lines', '2020-01-01', array[$2::bigint]) returning id`, [brand, owner])
  const supplier = await one(`insert into suppliers (brand_id, name) values ($1, 'Bench supplier') returning id`, [brand])
  const band = await one(`select id from tax_bands where brand_id = $1 limit 1`, [brand])
  const product = await one(
    `insert into rental_products (brand_id, rental_product_category_id, product_type, name, invoice_presentation_name, supplier_id, tax_band_id, available_from)
     values ($1, $2, 'PRODUCT', 'Bench line', 'Line', $3, $4, '2020-01-01') returning id`, [brand, category, supplier, band])
  await client.run(
    `insert into rental_products (brand_id, rental_product_category_id, product_type, name, invoice_presentation_name, supplier_id, tax_band_id, available_from)
     select $1, $2, 'PRODUCT', 'Bench product ' || i, 'Product', $3, $4, '2020-01-01' from generate_series(1, $5::int) i`, [brand, category, supplier, band, ROWS])
  const card = await one(
    `insert into rental_rate_cards (brand_id, contract_owner_ids, name, rental_product_category_id, rental_rate_card_type, available_from)
     values ($1, array[$2::bigint], 'Bench card', $3, 'SELL', '2020-01-01') returning id`, [brand, owner, category])
  await client.run(
    `insert into rental_rates (brand_id, rental_rate_card_id, rental_product_id, price, rental_rate_price_type, start_date)
     select $1, $2, id, (id % 5000) / 100.0, 'ONEOFF', '2020-01-01' from rental_products where brand_id = $1`, [brand, card])
  await client.run(
    `insert into rental_rate_card_assignments (brand_id, assignment_level, customer_id, rental_rate_card_id, rental_product_category_id, start_date, end_date)
     select $1, 'CUSTOMER', id, $2, $3, date '2020-01-01' + (id % 1000)::int, case when id % 2 = 0 then date '2030-01-01' end from customers where brand_id = $1`,
    [brand, card, category])
  await client.run(
    `insert into rental_rate_overrides (brand_id, assignment_level, customer_id, site_id, rental_product_id, price, rental_rate_price_type, start_date)
     select $1, 'SITE', customer_id, id, $2, (id % 5000) / 100.0, 'ONEOFF', date '2021-01-01' + (id % 1000)::int from sites where brand_id = $1`, [brand, product])
  return { card, product }
}

/** The candidate load of 1,000 inventory items (their customers' sites), timed over 20 runs through `readTenant` (the app's role, RLS on). */
async function candidateLoad(url: string, brand: number, product: number): Promise<string> {
  const { loadRentalPriceCandidates } = await import('../packages/server/src/modules/pricing-assignments/index.ts')
  const db = new Database({ url, poolSize: 1, logger: pino({ level: 'warn' }) })
  try {
    const sites = await db.readTenant(brand, (reader) => reader.selectFrom('sites').select(['id', 'customer_id']).orderBy('id').limit(1000).execute())
    const items = sites.map((row, i) => ({ inventoryId: 1_000_000 + i, siteId: Number(row.id), customerId: Number(row.customer_id), productId: product }))
    const times: number[] = []
    let found = 0
    for (let run = 0; run < 20; run++) {
      const started = performance.now()
      const candidates = await db.readTenant(brand, (reader) => loadRentalPriceCandidates(reader, items, { from: '2025-01-01', to: '2025-01-31' }))
      times.push(performance.now() - started)
      found = candidates.cardAssignments.length + candidates.overrides.length + candidates.rates.length
    }
    times.sort((a, b) => a - b)
    return `${found} candidates, median ${times[10]!.toFixed(1)} ms, max ${times[19]!.toFixed(1)} ms`
  } finally {
    await db.close()
  }
}

await runListBench<Seed>({
  name: 'pricing-assignment-lists',
  rows: ROWS,
  customers: ROWS,
  seed: (client, seeded) => seed(client, seeded.brandId, seeded.contractOwnerId),
  table: ({ card, product }, { readId }) =>
    [
      '/v1/rental-rate-card-assignments?page=1&pageSize=100&sort=startDate:desc',
      `/v1/rental-rate-card-assignments?page=1&pageSize=100&customerId=${readId}`,
      `/v1/rental-rate-card-assignments?page=1&pageSize=100&rentalRateCardId=${card}&startDate=gt:2021-06-01&endDate=gtn:2025-01-01`,
      '/v1/rental-rate-card-assignments?page=50&pageSize=100&assignmentLevel=CUSTOMER',
      '/v1/rental-rate-overrides?page=1&pageSize=100&sort=price',
      `/v1/rental-rate-overrides?page=1&pageSize=100&rentalProductId=${product}&assignmentLevel=SITE&startDate=lt:2022-01-01`,
    ].map((path) => ({ path })),
  after: async (database, { product }) => ({ 'loadRentalPriceCandidates, 1,000 items': await candidateLoad(database.url, database.seeded.brandId, product) }),
})
