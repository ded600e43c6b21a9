import type { SeedClient } from './lists.ts'

/**
 * The product catalogue and its prices, straight in SQL: `rows` records in every table of the
 * Products and Pricing APIs for one brand, as the server would have stored them (the `details` a
 * create writes, products nested one level, rates that never overlap within a series).
 */

/** The records a catalogue bench's rows name. */
export interface Catalogue {
  supplier: number
  rentalCategory: number
  usageCategory: number
  usageProduct: number
  chargeGroup: number
  /** The cards that hold `rows` rates each (the others hold one). */
  rentalCard: number
  usageCard: number
}

/** Products of one category a card's rates spread over. */
const SERIES = 100

const RENTAL_PRODUCT_DETAILS = JSON.stringify({
  doNotProRate: false, alignedToStart: false, alignedToBillPeriod: false, billInitialChargesImmediately: false, forceBillPeriods: 0,
  supplierProductNames: [], additionalProductReferenceRequired: false, productReferenceRequired: false, productReferenceMayBeDDIRange: false,
  generateWhenParentCreated: false, customFields: [],
})
const USAGE_PRODUCT_DETAILS = JSON.stringify({
  performLocalAndNationalCheck: false, productReferenceCanBeRange: false, serviceIdRequired: false, customFields: [], productReferenceFormat: '[0-9]{3,11}',
})
const USAGE_RATE_CARD_DETAILS = JSON.stringify({
  decimalPlaces: 4, priceRoundingStyle: 'MATHEMATICAL', defaultMinCharge: 0, roundAccessChargeFirstMinute: false, boltOn: false, applyCrossTimeBandCharging: false,
})

/**
 * `rows` rental rates on `card`: the first SERIES products of `category`, each with consecutive
 * monthly periods from 2000 (one series per product and price type never overlaps, as the server
 * keeps them), alternately in advance and in arrears.
 */
export async function seedRentalRates(client: SeedClient, brand: number, card: number, category: number, rows: number): Promise<void> {
  await client.run(
    `insert into rental_rates (brand_id, rental_rate_card_id, rental_product_id, price, rental_rate_type, rental_rate_price_type, periods_in_advance,
                               rental_rate_frequency, start_date, end_date)
     select $1, $2, p.id, round((1 + (i % 5000) / 100.0)::numeric, 4), (array['ADVANCE','ARREARS'])[1 + i % 2], 'RENTAL',
            case when i % 2 = 0 then 'STANDARD' end, 'MONTHLY',
            date '2000-01-01' + make_interval(months => i / $4::int), (date '2000-01-01' + make_interval(months => i / $4::int + 1))::date - 1
       from generate_series(0, $5::int - 1) as i
       join (select id, row_number() over (order by id) - 1 as n from rental_products
              where brand_id = $1 and rental_product_category_id = $3) as p on p.n = i % $4::int`,
    [brand, card, category, SERIES, rows],
  )
}

/** The rental side: categories, suppliers, products (a third top-level), cards and their rates. */
async function seedRental(client: SeedClient, brand: number, owner: number, band: number, rows: number) {
  await client.run(`insert into suppliers (brand_id, name) select $1, 'Bench supplier ' || i from generate_series(1, 10) i`, [brand])
  const supplier = await client.one(`select min(id) as id from suppliers where brand_id = $1`, [brand])
  await client.run(
    `insert into rental_product_categories (brand_id, name, start_date, end_date, contract_owner_ids, display_icon)
     select $1, 'Category ' || lpad(i::text, 5, '0'), date '2015-01-01' + (i * 7 % 4000), case when i % 4 = 0 then date '2030-01-01' + (i % 1000) end,
            array[$2::bigint], (array['fa-wifi','fa-phone','fa-cloud'])[1 + i % 3]
       from generate_series(1, $3::int) i`,
    [brand, owner, rows],
  )
  const rentalCategory = await client.one(`select min(id) as id from rental_product_categories where brand_id = $1`, [brand])
  // The first rows / SERIES categories hold SERIES products each (a third PRODUCT, the others under one of them).
  await client.run(
    `insert into rental_products (brand_id, rental_product_category_id, product_type, name, invoice_presentation_name, supplier_id, tax_band_id,
                                  available_from, available_to, nominal_code, details)
     select $1, $2 + (i - 1) / $6::int, case when i % 3 = 1 then 'PRODUCT' when i % 3 = 2 then 'FEATURE' else 'EVENT' end,
            'Product ' || substr(md5(i::text), 1, 10), 'Product ' || i, $3 + i % 10, $4, date '2018-01-01' + (i % 2000),
            case when i % 5 = 0 then date '2027-01-01' + (i % 900) end, 'NC-' || (i % 50), $7::jsonb
       from generate_series(1, $5::int) i`,
    [brand, rentalCategory, supplier, band, rows, SERIES, RENTAL_PRODUCT_DETAILS],
  )
  await client.run(
    `update rental_products as f set parent_rental_product_id = p.id
       from rental_products as p
      where f.brand_id = $1 and p.brand_id = $1 and f.product_type <> 'PRODUCT' and p.product_type = 'PRODUCT'
        and p.rental_product_category_id = f.rental_product_category_id and p.id = f.id - (case f.product_type when 'FEATURE' then 1 else 2 end)`,
    [brand],
  )
  await client.run(
    `insert into rental_rate_cards (brand_id, contract_owner_ids, name, rental_product_category_id, rental_rate_card_type, available_from, available_to)
     select $1, array[$2::bigint], 'Rental card ' || substr(md5(i::text), 1, 10), $3 + i % $5::int, (array['SELL','SELL','TEMPLATE'])[1 + i % 3],
            date '2016-01-01' + (i % 3000), case when i % 6 = 0 then date '2028-01-01' + (i % 500) end
       from generate_series(1, $4::int - 1) i`,
    [brand, owner, rentalCategory, rows, SERIES],
  )
  // One rate on each of those cards, of a top-level product of its category; then the big card,
  // last by id and by name, so that the list rows' pages hold cards of one rate (it has rows of its own).
  await client.run(
    `insert into rental_rates (brand_id, rental_rate_card_id, rental_product_id, price, rental_rate_price_type, start_date)
     select $1, c.id, (select min(p.id) from rental_products p where p.brand_id = $1 and p.rental_product_category_id = c.rental_product_category_id),
            round((c.id % 5000) / 100.0, 4), 'ONEOFF', c.available_from
       from rental_rate_cards c where c.brand_id = $1`,
    [brand],
  )
  const rentalCard = await client.one(
    `insert into rental_rate_cards (brand_id, contract_owner_ids, name, rental_product_category_id, rental_rate_card_type, available_from)
     values ($1, array[$2::bigint], 'Rental card zzz big', $3, 'SELL', '2000-01-01') returning id`,
    [brand, owner, rentalCategory],
  )
  await seedRentalRates(client, brand, rentalCard, rentalCategory, rows)
  return { supplier, rentalCategory, rentalCard }
}

/** The usage side: categories, products, charge groups, cards and their rates, inclusive plans. */
async function seedUsage(client: SeedClient, brand: number, owner: number, band: number, rows: number) {
  await client.run(`insert into usage_product_categories (brand_id, name) select $1, 'Usage category ' || lpad(i::text, 5, '0') from generate_series(1, $2::int) i`, [brand, rows])
  const usageCategory = await client.one(`select min(id) as id from usage_product_categories where brand_id = $1`, [brand])
  await client.run(
    `insert into usage_products (brand_id, name, nominal_code, usage_product_category_id, direction, available_from, available_to, details)
     select $1, 'Usage product ' || substr(md5(i::text), 1, 10), 'NC-' || (i % 50), $2 + i % $4::int, (array['OUTBOUND','INBOUND'])[1 + i % 2],
            date '2018-01-01' + (i % 2000), case when i % 5 = 0 then date '2027-01-01' + (i % 900) end, $5::jsonb
       from generate_series(1, $3::int) i`,
    [brand, usageCategory, rows, SERIES, USAGE_PRODUCT_DETAILS],
  )
  const usageProduct = await client.one(`select min(id) as id from usage_products where brand_id = $1`, [brand])
  await client.run(
    `insert into charge_group_categories (brand_id, name, charging_unit_type, start_date) select $1, 'Bench calls ' || i, 'DURATION', '2018-01-01' from generate_series(1, $2::int) i`,
    [brand, SERIES],
  )
  await client.run(
    `insert into charge_groups (brand_id, name, charge_group_category_id, type, start_date)
     select $1, 'Bench group ' || id, id, 'NATIONAL', '2018-01-01' from charge_group_categories where brand_id = $1 and name like 'Bench calls %'`,
    [brand],
  )
  const chargeGroup = await client.one(`select min(id) as id from charge_groups where brand_id = $1 and name like 'Bench group %'`, [brand])
  await client.run(
    `insert into usage_rate_cards (brand_id, contract_owner_ids, name, rate_card_type, available_from, available_to, usage_product_id, details)
     select $1, array[$2::bigint], 'Usage card ' || substr(md5(i::text), 1, 10), (array['SELL','SELL','TEMPLATE'])[1 + i % 3],
            date '2016-01-01' + (i % 3000), case when i % 6 = 0 then date '2028-01-01' + (i % 500) end, $3 + i % $5::int, $6::jsonb
       from generate_series(1, $4::int - 1) i`,
    [brand, owner, usageProduct, rows, SERIES, USAGE_RATE_CARD_DETAILS],
  )
  await client.run(
    `insert into usage_rates (brand_id, usage_rate_card_id, charge_group_id, usage_rate_type, peak_value, start_date)
     select $1, id, $2 + id % $3::int, 'VARIABLE', round((id % 900) / 100.0, 6), available_from from usage_rate_cards where brand_id = $1`,
    [brand, chargeGroup, SERIES],
  )
  const usageCard = await client.one(
    `insert into usage_rate_cards (brand_id, contract_owner_ids, name, rate_card_type, available_from, usage_product_id, details)
     values ($1, array[$2::bigint], 'Usage card zzz big', 'SELL', '2000-01-01', $3, $4::jsonb) returning id`,
    [brand, owner, usageProduct, USAGE_RATE_CARD_DETAILS],
  )
  // One series per charge group: consecutive months, never overlapping.
  await client.run(
    `insert into usage_rates (brand_id, usage_rate_card_id, charge_group_id, usage_rate_type, peak_value, off_peak_value, weekend_value, start_date, end_date)
     select $1, $2, $3 + i % $4::int, (array['VARIABLE','MARKUP'])[1 + i % 2], round((i % 900) / 100.0, 6), round((i % 500) / 100.0, 6), round((i % 300) / 100.0, 6),
            date '2000-01-01' + make_interval(months => i / $4::int), (date '2000-01-01' + make_interval(months => i / $4::int + 1))::date - 1
       from generate_series(0, $5::int - 1) i`,
    [brand, usageCard, chargeGroup, SERIES, rows],
  )
  await client.run(
    `insert into inclusive_usage_plans (brand_id, contract_owner_id, name, usage_product_id, available_from, available_to, tax_band_id, details)
     select $1, $2, 'Plan ' || substr(md5(i::text), 1, 10), $3 + i % $5::int, date '2016-01-01' + (i % 3000),
            case when i % 6 = 0 then date '2028-01-01' + (i % 500) end, $6, '{"boltOn":false}'
       from generate_series(1, $4::int) i`,
    [brand, owner, usageProduct, rows, SERIES, band],
  )
  return { usageCategory, usageProduct, chargeGroup, usageCard }
}

/** Custom fields at each level, each applying to one of the first categories of its kind. */
async function seedCustomFields(client: SeedClient, brand: number, rows: number, rentalCategory: number, usageCategory: number): Promise<void> {
  await client.run(
    `insert into product_custom_fields (brand_id, label, entity_level, product_category_ids)
     select $1, 'Field ' || lpad(i::text, 5, '0'), (array['RENTAL_PRODUCT','RENTAL_PRODUCT_INVENTORY','USAGE_PRODUCT'])[1 + i % 3],
            array[case when i % 3 = 2 then $4::bigint else $3::bigint end + i % $5::int]
       from generate_series(1, $2::int) i`,
    [brand, rows, rentalCategory, usageCategory, SERIES],
  )
}

/** `rows` records in every catalogue table of the brand. */
export async function seedCatalogue(client: SeedClient, brand: number, owner: number, rows: number): Promise<Catalogue> {
  const band = await client.one(`select min(id) as id from tax_bands where brand_id = $1`, [brand])
  const rental = await seedRental(client, brand, owner, band, rows)
  const usage = await seedUsage(client, brand, owner, band, rows)
  await seedCustomFields(client, brand, rows, rental.rentalCategory, usage.usageCategory)
  return { ...rental, ...usage }
}
