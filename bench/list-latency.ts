/**
 * List latency at a million customers: seeds one brand with 1,000,000 customers straight in SQL,
 * then loads typical list queries through the real server over HTTP and reports their latency.
 * The Pricing API's rental rates are seeded at 10,000 rows (RATE_ROWS) on one rate card, the
 * issue's target (< 20 ms p99 at 10,000 rows per brand), and loaded the same way.
 *
 *   npm run bench:lists        (BENCH_ROWS to change the count, BENCH_SECONDS per query)
 *
 * The server runs in its own process on an embedded PostgreSQL this script starts; results go to
 * bench/results/list-latency.json.
 */
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import pg from 'pg'
import pino from 'pino'
import { migrateToLatest } from '../packages/server/src/db/migrate.ts'
import { Database } from '../packages/server/src/db/database.ts'
import { startEmbeddedPostgres } from '../packages/server/src/db/embedded.ts'
import { runFirstStart } from '../packages/server/src/first-start.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const admin = { brand: 'bench', username: 'admin', password: 'bench-admin-password' }

async function seed(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const brand = (await client.query(`select id from brands where name = $1`, [admin.brand])).rows[0].id
  const owner = (await client.query(
    `insert into contract_owners (brand_id, name, available_from, details) values ($1, 'Bench Owner', '2020-01-01', '{}') returning id`, [brand])).rows[0].id
  const subBrand = (await client.query(
    `insert into contract_owner_sub_brands (brand_id, contract_owner_id, name, account_number_format) values ($1, $2, 'Bench', 'BN0000000') returning id`, [brand, owner])).rows[0].id
  const cycle = (await client.query(
    `insert into billing_cycles (brand_id, contract_owner_id, name) values ($1, $2, 'Monthly') returning id`, [brand, owner])).rows[0].id
  const started = Date.now()
  await client.query(
    `insert into customers (brand_id, contract_owner_id, contract_owner_sub_brand_id, billing_cycle_id, customer_type,
                            customer_name, customer_account_number, start_date, end_date)
     select $1, $2, $3, $4, (array['RESIDENTIAL','BUSINESS','RESELLER','STAFF_MEMBER'])[1 + i % 4],
            'Customer ' || substr(md5(i::text), 1, 10), 'ACC' || lpad(i::text, 8, '0'),
            date '2018-01-01' + (i % 2500), case when i % 3 = 0 then date '2026-01-01' + (i % 700) end
     from generate_series(1, $5::int) as i`,
    [brand, owner, subBrand, cycle, ROWS],
  )
  await client.query('vacuum analyze customers')
  console.log(`seeded ${ROWS} customers in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  await client.end()
}

const RATE_ROWS = Number(process.env.BENCH_RATE_ROWS ?? 10_000)
const RATE_PRODUCTS = 100

/**
 * One rental rate card with RATE_ROWS rates: RATE_PRODUCTS products, each with consecutive monthly
 * periods that never overlap (as the server would have them). Answers the card's id.
 */
async function seedRentalRates(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const brand = (await client.query(`select id from brands where name = $1`, [admin.brand])).rows[0].id
  const owner = (await client.query(`select id from contract_owners where brand_id = $1 order by id limit 1`, [brand])).rows[0].id
  const band = (await client.query(`select id from tax_bands where brand_id = $1 order by id limit 1`, [brand])).rows[0].id
  const category = (await client.query(
    `insert into rental_product_categories (brand_id, name, start_date, contract_owner_ids) values ($1, 'Bench', '2020-01-01', array[$2::bigint]) returning id`, [brand, owner])).rows[0].id
  const supplier = (await client.query(`insert into suppliers (brand_id, name) values ($1, 'Bench supplier') returning id`, [brand])).rows[0].id
  await client.query(
    `insert into rental_products (brand_id, rental_product_category_id, product_type, name, invoice_presentation_name, supplier_id, tax_band_id, available_from)
     select $1, $2, 'PRODUCT', 'Product ' || lpad(i::text, 3, '0'), 'Product ' || i, $3, $4, '2020-01-01' from generate_series(1, $5::int) as i`,
    [brand, category, supplier, band, RATE_PRODUCTS],
  )
  const card = (await client.query(
    `insert into rental_rate_cards (brand_id, contract_owner_ids, name, rental_product_category_id, rental_rate_card_type, available_from)
     values ($1, array[$2::bigint], 'Bench card', $3, 'SELL', '2000-01-01') returning id`, [brand, owner, category])).rows[0].id
  await client.query(
    `insert into rental_rates (brand_id, rental_rate_card_id, rental_product_id, price, rental_rate_type, rental_rate_price_type, periods_in_advance,
                               rental_rate_frequency, start_date, end_date)
     select $1, $2, p.id, round((1 + (i % 5000) / 100.0)::numeric, 4), (array['ADVANCE','ARREARS'])[1 + i % 2], 'RENTAL',
            case when i % 2 = 0 then 'STANDARD' end, 'MONTHLY',
            date '2000-01-01' + make_interval(months => i / $3::int), (date '2000-01-01' + make_interval(months => i / $3::int + 1))::date - 1
     from generate_series(0, $4::int - 1) as i
     join lateral (select id from rental_products where brand_id = $1 order by id offset (i % $3::int) limit 1) as p on true`,
    [brand, card, RATE_PRODUCTS, RATE_ROWS],
  )
  await client.query('vacuum analyze rental_rates')
  await client.end()
  return card
}

async function main(): Promise<void> {
  const logger = pino({ level: 'warn' })
  const dataDir = await mkdtemp(path.join(tmpdir(), 'elevate-bench-lists-'))
  const postgres = await startEmbeddedPostgres(dataDir, logger)
  const db = new Database({ url: postgres.url, poolSize: 2, logger })
  await migrateToLatest(db.system)
  await runFirstStart(db.system, admin)
  await db.close()
  await seed(postgres.url)
  const card = await seedRentalRates(postgres.url)

  const server = spawn(process.execPath, ['--import', 'tsx', path.join(here, '../packages/server/src/server.ts')], {
    env: { ...process.env, PORT: '0', DATABASE_URL: postgres.url, LOG_LEVEL: 'info', ELEVATE_RATE_LIMIT_MAX: '0' },
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
    const queries = [
      'page=1&pageSize=100',
      'page=1&pageSize=100&sort=customerName',
      'page=1&pageSize=100&sort=startDate:desc',
      'page=1&pageSize=100&customerAccountNumber=ACC00500000',
      'page=1&pageSize=100&customerName=like:abc12',
      'page=1&pageSize=100&startDate=gt:2024-06-01&endDate=gtn:2026-06-01',
      'page=1&pageSize=100&customerType=in:BUSINESS,RESELLER&sort=customerName:desc',
      'page=100&pageSize=100',
      'page=1000&pageSize=100',
    ]
    const rateQueries = [
      `page=1&pageSize=100&rentalRateCardId=${card}`,
      `page=1&pageSize=100&rentalRateCardId=${card}&sort=price:desc`,
      `page=1&pageSize=100&rentalRateCardId=${card}&rentalProductName=like:Product 05`,
      `page=1&pageSize=100&rentalRateCardId=${card}&startDate=lt:2005-06-01&endDate=gtn:2005-05-31`,
      `page=50&pageSize=100&rentalRateCardId=${card}`,
    ]
    const rows = []
    for (const query of rateQueries) {
      const result = await autocannon({ url: `${url}/v2/rental-rates?${query.replace(/ /g, '%20')}`, headers: { authorization: `Bearer ${token}` }, connections: 4, duration: SECONDS })
      if (result.non2xx > 0) throw new Error(`${query}: ${result.non2xx} non-2xx responses`)
      rows.push({ query: `rental-rates (${RATE_ROWS}) ${query.replace(/rentalRateCardId=\d+&?/, '')}`, 'req/s': Math.round(result.requests.average), 'p50 ms': result.latency.p50, 'p99 ms': result.latency.p99 })
    }
    for (const query of queries) {
      const result = await autocannon({ url: `${url}/v1/customers?${query}`, headers: { authorization: `Bearer ${token}` }, connections: 4, duration: SECONDS })
      if (result.non2xx > 0) throw new Error(`${query}: ${result.non2xx} non-2xx responses`)
      rows.push({ query, 'req/s': Math.round(result.requests.average), 'p50 ms': result.latency.p50, 'p99 ms': result.latency.p99 })
    }
    console.table(rows)
    await mkdir(path.join(here, 'results'), { recursive: true })
    await writeFile(path.join(here, 'results', 'list-latency.json'), `${JSON.stringify({ date: new Date().toISOString(), rows: ROWS, seconds: SECONDS, results: rows }, null, 2)}\n`)
  } finally {
    server.kill('SIGTERM')
    await new Promise((resolve) => server.once('exit', resolve))
    await postgres.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
}

await main()
