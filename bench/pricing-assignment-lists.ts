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
import { spawn } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import pg from 'pg'
import pino from 'pino'
import { Database } from '../packages/server/src/db/database.ts'
import { benchDatabase } from './lib/database.ts'
import { loadAverage } from './lib/report.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
const ROWS = Number(process.env.BENCH_ROWS ?? 10_000)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4)
const TARGET_P99_MS = 20
const admin = { brand: 'bench', username: 'admin', password: 'bench-admin-password' }

/** A card assigned to every customer, an override on every site, ROWS rates on the card. */
async function seed(url: string, brand: number, owner: number): Promise<{ card: number; product: number }> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const one = async (text: string, values: unknown[]) => Number((await client.query(text, values)).rows[0].id)
  const started = Date.now()
  const category = await one(`insert into rental_product_categories (brand_id, name, start_date, contract_owner_ids) values ($1, 'Bench lines', '2020-01-01', array[$2::bigint]) returning id`, [brand, owner])
  const supplier = await one(`insert into suppliers (brand_id, name) values ($1, 'Bench supplier') returning id`, [brand])
  const band = await one(`select id from tax_bands where brand_id = $1 limit 1`, [brand])
  const product = await one(
    `insert into rental_products (brand_id, rental_product_category_id, product_type, name, invoice_presentation_name, supplier_id, tax_band_id, available_from)
     values ($1, $2, 'PRODUCT', 'Bench line', 'Line', $3, $4, '2020-01-01') returning id`, [brand, category, supplier, band])
  await client.query(
    `insert into rental_products (brand_id, rental_product_category_id, product_type, name, invoice_presentation_name, supplier_id, tax_band_id, available_from)
     select $1, $2, 'PRODUCT', 'Bench product ' || i, 'Product', $3, $4, '2020-01-01' from generate_series(1, $5::int) i`, [brand, category, supplier, band, ROWS])
  const card = await one(
    `insert into rental_rate_cards (brand_id, contract_owner_ids, name, rental_product_category_id, rental_rate_card_type, available_from)
     values ($1, array[$2::bigint], 'Bench card', $3, 'SELL', '2020-01-01') returning id`, [brand, owner, category])
  await client.query(
    `insert into rental_rates (brand_id, rental_rate_card_id, rental_product_id, price, rental_rate_price_type, start_date)
     select $1, $2, id, (id % 5000) / 100.0, 'ONEOFF', '2020-01-01' from rental_products where brand_id = $1`, [brand, card])
  await client.query(
    `insert into rental_rate_card_assignments (brand_id, assignment_level, customer_id, rental_rate_card_id, rental_product_category_id, start_date, end_date)
     select $1, 'CUSTOMER', id, $2, $3, date '2020-01-01' + (id % 1000)::int, case when id % 2 = 0 then date '2030-01-01' end from customers where brand_id = $1`,
    [brand, card, category])
  await client.query(
    `insert into rental_rate_overrides (brand_id, assignment_level, customer_id, site_id, rental_product_id, price, rental_rate_price_type, start_date)
     select $1, 'SITE', customer_id, id, $2, (id % 5000) / 100.0, 'ONEOFF', date '2021-01-01' + (id % 1000)::int from sites where brand_id = $1`, [brand, product])
  await client.query('analyze')
  console.log(`seeded ${ROWS} assignments, overrides and rates in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  await client.end()
  return { card, product }
}

async function main(): Promise<void> {
  const database = await benchDatabase(admin, ROWS)
  const { brandId, contractOwnerId, readId } = database.seeded
  let seeded: { card: number; product: number }
  try {
    seeded = await seed(database.url, brandId, contractOwnerId)
  } catch (error) {
    await database.drop()
    throw error
  }
  const queries = [
    '/v1/rental-rate-card-assignments?page=1&pageSize=100&sort=startDate:desc',
    `/v1/rental-rate-card-assignments?page=1&pageSize=100&customerId=${readId}`,
    `/v1/rental-rate-card-assignments?page=1&pageSize=100&rentalRateCardId=${seeded.card}&startDate=gt:2021-06-01&endDate=gtn:2025-01-01`,
    '/v1/rental-rate-card-assignments?page=50&pageSize=100&assignmentLevel=CUSTOMER',
    '/v1/rental-rate-overrides?page=1&pageSize=100&sort=price',
    `/v1/rental-rate-overrides?page=1&pageSize=100&rentalProductId=${seeded.product}&assignmentLevel=SITE&startDate=lt:2022-01-01`,
  ]
  const server = spawn(process.execPath, ['--import', 'tsx', path.join(here, '../packages/server/src/server.ts')], {
    env: { ...process.env, PORT: '0', DATABASE_URL: database.url, LOG_LEVEL: 'info', ELEVATE_RATE_LIMIT_MAX: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const found = /"address":"(http:\/\/[^"]+)"/.exec(output)?.[1]
      if (found !== undefined) resolve(found)
    })
    server.once('exit', () => reject(new Error(output)))
  })
  server.stdout!.resume()
  try {
    const login = await fetch(`${url}/v1/authenticate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) })
    const { token } = (await login.json()) as { token: string }
    const rows = []
    for (const query of queries) {
      const result = await autocannon({ url: `${url}${query}`, headers: { authorization: `Bearer ${token}` }, connections: 4, duration: SECONDS })
      if (result.non2xx > 0) throw new Error(`${query}: ${result.non2xx} non-2xx responses`)
      rows.push({ query, 'req/s': Math.round(result.requests.average), 'p50 ms': result.latency.p50, 'p99 ms': result.latency.p99, [`p99 < ${TARGET_P99_MS} ms`]: result.latency.p99 < TARGET_P99_MS ? 'yes' : 'no' })
    }
    console.table(rows)
    const candidates = await candidateLoad(database.url, brandId, seeded.product)
    console.log(`loadRentalPriceCandidates, 1,000 items: ${candidates}`)
    console.log(`load average ${loadAverage()}, database ${database.kind}`)
    await mkdir(path.join(here, 'results'), { recursive: true })
    await writeFile(path.join(here, 'results', 'pricing-assignment-lists.json'), `${JSON.stringify({ date: new Date().toISOString(), rows: ROWS, seconds: SECONDS, loadAverage: loadAverage(), results: rows, candidates }, null, 2)}\n`)
  } finally {
    server.kill('SIGTERM')
    await new Promise((resolve) => server.once('exit', resolve))
    await database.drop()
  }
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

await main()
