/**
 * Reference data lists at 10,000 rows per brand (issue 12: every list under 20 ms p99): seeds the
 * benchmark brand with 10,000 rows in each Reference Data table straight in SQL, then loads each
 * list through the real server over HTTP and reports its latency against the target.
 *
 *   npm run bench:reference-data     (BENCH_ROWS to change the count, BENCH_SECONDS per query)
 *
 * `DATABASE_URL` points it at that PostgreSQL (a scratch database, dropped after); unset, an
 * embedded one is started. Results go to bench/results/reference-data-lists.json.
 */
import { runListBench, type SeedClient } from './lib/lists.ts'

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000)

/** ROWS rows in every reference data table of the brand, with spread dates and names. */
async function seed(client: SeedClient, brand: number): Promise<void> {
  const n = ROWS
  const statements = [
    `insert into currencies (brand_id, name, code, major_currency_name, minor_currency_name)
       select $1, 'Bench currency ' || i, 'Z' || chr(65 + i / 676 % 26) || chr(65 + i / 26 % 26) || chr(65 + i % 26), 'units', 'cents'
       from generate_series(1, least($2::int, 17576)) i on conflict do nothing`,
    `insert into tax_bands (brand_id, code, name, default_band, used_for_etc) select $1, 'B' || i, 'Band ' || i, false, false from generate_series(1, $2::int) i`,
    `insert into tax_band_rates (brand_id, tax_band_id, rate, start_date)
       select $1, id, (id % 2000) / 100.0, date '2011-01-04' from tax_bands where brand_id = $1`,
    `insert into charge_group_categories (brand_id, name, charging_unit_type, start_date)
       select $1, 'Category ' || substr(md5(i::text), 1, 8), (array['DURATION','DATA','ONE_OFF'])[1 + i % 3], date '2018-01-01' + (i % 2000) from generate_series(1, $2::int) i`,
    `insert into charge_groups (brand_id, name, charge_group_category_id, type, start_date)
       select $1, 'Group ' || substr(md5(id::text), 1, 8), id, (array['NATIONAL','LOCAL','GENERAL'])[1 + id % 3], date '2018-01-01' + (id % 2000)::int
       from charge_group_categories where brand_id = $1`,
    `insert into reference_data_sources (brand_id, name, locale) select $1, 'Source ' || i, jsonb_build_object('id', i % 5) from generate_series(1, $2::int) i`,
    `insert into reference_data_source_charge_groups (brand_id, name, code, charge_group_id, reference_data_source_id, start_date)
       select $1, 'Source group ' || g.id, 'C' || g.id, g.id, s.id, date '2020-01-01'
       from (select id, row_number() over (order by id) r from charge_groups where brand_id = $1) g
       join (select id, row_number() over (order by id) r from reference_data_sources where brand_id = $1) s using (r)`,
    `insert into dialstrings (brand_id, dialstring, reference_data_source_charge_group_id, start_date)
       select $1, '44' || (100000 + id), id, date '2020-01-01' from reference_data_source_charge_groups where brand_id = $1`,
    `insert into call_classes (brand_id, call_class, reference_data_source_charge_group_id, start_date)
       select $1, 'CLASS' || id, id, date '2020-01-01' from reference_data_source_charge_groups where brand_id = $1`,
    `insert into ignored_call_classes (brand_id, call_class, start_date) select $1, 'IGN' || i, date '2020-01-01' from generate_series(1, $2::int) i`,
    `insert into ignored_service_ids (brand_id, service_id) select $1, '0113' || lpad(i::text, 7, '0') from generate_series(1, $2::int) i`,
  ]
  for (const text of statements) await client.run(text, text.includes('$2') ? [brand, n] : [brand])
}

const QUERIES = [
  '/v1/currencies?page=1&pageSize=100&sort=code',
  '/v1/currencies?page=1&pageSize=100&name=like:bench%20currency%2099',
  '/v1/tax-bands?page=1&pageSize=100&sort=name',
  '/v1/tax-band-rates?page=1&pageSize=100&taxBandId=5000&startDate=lt:2025-01-01&endDate=gtn:2025-01-01',
  '/v1/charge-group-categories?page=1&pageSize=100&startDate=gt:2020-01-01&sort=startDate:desc',
  '/v1/charge-groups?page=1&pageSize=100&type=LOCAL&sort=name',
  '/v1/charge-groups?page=1&pageSize=100&chargeGroupCategoryId=5000',
  '/v1/reference-data-sources?page=1&pageSize=100&locale=3&siMaintained=false',
  '/v1/reference-data-source-charge-groups?page=1&pageSize=100&chargeGroupId=5000',
  '/v1/dialstrings?page=1&pageSize=100&dialstring=44105000',
  '/v1/dialstrings?page=50&pageSize=100&sort=dialstring',
  '/v1/call-classes?page=1&pageSize=100&referenceDataSourceChargeGroupId=5000',
  '/v1/ignored-call-classes?page=1&pageSize=100&callClass=in:IGN10,IGN20',
  '/v1/ignored-service-ids?page=1&pageSize=100&serviceId=01130005000',
]

await runListBench({
  name: 'reference-data-lists',
  rows: ROWS,
  customers: 2,
  seed: (client, seeded) => seed(client, seeded.brandId),
  table: () => QUERIES.map((path) => ({ path })),
})
