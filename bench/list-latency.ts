/**
 * List latency at a million customers: seeds one brand with 1,000,000 customers (a site each)
 * straight in SQL, then loads typical list queries through the real server over HTTP and reports
 * their latency. The Pricing API's rental rates are seeded at 10,000 rows (BENCH_RATE_ROWS) on one
 * rate card, the target (< 20 ms p99 at 10,000 rows per brand), and loaded the same way.
 *
 *   npm run bench:lists        (BENCH_ROWS to change the count, BENCH_SECONDS per query)
 *
 * `DATABASE_URL` points it at that PostgreSQL (a scratch database, dropped after); unset, an
 * embedded one is started. Results go to bench/results/list-latency.json.
 */
import { seedRentalRates } from './lib/catalogue.ts'
import { runListBench, type SeedClient } from './lib/lists.ts'

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000)
const RATE_ROWS = Number(process.env.BENCH_RATE_ROWS ?? 10_000)
const RATE_PRODUCTS = 100

/** One rental rate card with RATE_ROWS rates over RATE_PRODUCTS products of its category. Answers the card's id. */
async function seedRateCard(client: SeedClient, brand: number, owner: number): Promise<number> {
  const band = await client.one(`select min(id) as id from tax_bands where brand_id = $1`, [brand])
  const category = await client.one(
    `insert into rental_product_categories (brand_id, name, start_date, contract_owner_ids) values ($1, 'Bench', '2020-01-01', array[$2::bigint]) returning id`, [brand, owner])
  const supplier = await client.one(`insert into suppliers (brand_id, name) values ($1, 'Bench supplier') returning id`, [brand])
  await client.run(
    `insert into rental_products (brand_id, rental_product_category_id, product_type, name, invoice_presentation_name, supplier_id, tax_band_id, available_from)
     select $1, $2, 'PRODUCT', 'Product ' || lpad(i::text, 3, '0'), 'Product ' || i, $3, $4, '2020-01-01' from generate_series(1, $5::int) as i`,
    [brand, category, supplier, band, RATE_PRODUCTS],
  )
  const card = await client.one(
    `insert into rental_rate_cards (brand_id, contract_owner_ids, name, rental_product_category_id, rental_rate_card_type, available_from)
     values ($1, array[$2::bigint], 'Bench card', $3, 'SELL', '2000-01-01') returning id`, [brand, owner, category])
  await seedRentalRates(client, brand, card, category, RATE_ROWS)
  return card
}

const CUSTOMER_QUERIES = [
  'page=1&pageSize=100',
  'page=1&pageSize=100&sort=customerName',
  'page=1&pageSize=100&sort=startDate:desc',
  'page=1&pageSize=100&customerAccountNumber=ACC00500000',
  'page=1&pageSize=100&customerName=like:abc12',
  // No trigram (plain like, the page's order walked); a word every name holds (read through the index).
  'page=1&pageSize=100&customerName=like:a',
  'page=1&pageSize=100&customerName=like:customer',
  'page=1&pageSize=100&startDate=gt:2024-06-01&endDate=gtn:2026-06-01',
  'page=1&pageSize=100&customerType=in:BUSINESS,RESELLER&sort=customerName:desc',
  'page=100&pageSize=100',
  'page=1000&pageSize=100',
]

const RATE_QUERIES = [
  'page=1&pageSize=100',
  'page=1&pageSize=100&sort=price:desc',
  'page=1&pageSize=100&rentalProductName=like:Product%2005',
  'page=1&pageSize=100&startDate=lt:2005-06-01&endDate=gtn:2005-05-31',
  'page=50&pageSize=100',
]

await runListBench<number>({
  name: 'list-latency',
  rows: ROWS,
  customers: ROWS,
  seconds: 5,
  seed: (client, seeded) => seedRateCard(client, seeded.brandId, seeded.contractOwnerId),
  table: (card) => [
    ...RATE_QUERIES.map((query) => ({ title: `rental-rates (${RATE_ROWS}) ${query}`, path: `/v2/rental-rates?${query}&rentalRateCardId=${card}` })),
    ...CUSTOMER_QUERIES.map((query) => ({ title: query, path: `/v1/customers?${query}` })),
  ],
})
