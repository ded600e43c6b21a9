import pg from 'pg'

export interface Seeded {
  brandId: number
  contractOwnerId: number
  subBrandId: number
  billingCycleId: number
  /** A customer with one site, to read by id; another, to patch. */
  readId: number
  patchId: number
}

/**
 * Gives the first-start brand `brand` a contract owner, sub-brand, billing cycle and `count`
 * customers with one site each, straight in SQL (as the schema owner), then analyses the tables.
 */
export async function seedCustomers(url: string, brand: string, count: number): Promise<Seeded> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const one = async (text: string, values: unknown[]) => Number((await client.query(text, values)).rows[0].id)
    const brandId = await one(`select id from brands where name = $1`, [brand])
    const contractOwnerId = await one(
      `insert into contract_owners (brand_id, name, available_from, details) values ($1, 'Bench Owner', '2020-01-01', '{}') returning id`, [brandId])
    const subBrandId = await one(
      `insert into contract_owner_sub_brands (brand_id, contract_owner_id, name, account_number_format) values ($1, $2, 'Bench', 'BN0000000') returning id`,
      [brandId, contractOwnerId])
    const billingCycleId = await one(
      // The settings the API would store (an empty one makes the bill-run schedule unanswerable).
      `insert into billing_cycles (brand_id, contract_owner_id, name, details)
       values ($1, $2, 'Monthly', '{"periodUnit": "MONTHLY", "currencyCode": "GBP", "completionType": "CLOSE_ONLY", "startDayOfPeriod": 1}') returning id`,
      [brandId, contractOwnerId])
    await client.query(
      `insert into customers (brand_id, contract_owner_id, contract_owner_sub_brand_id, billing_cycle_id, customer_type,
                              customer_name, customer_account_number, start_date, end_date)
       select $1, $2, $3, $4, (array['RESIDENTIAL','BUSINESS','RESELLER','STAFF_MEMBER'])[1 + i % 4],
              'Customer ' || substr(md5(i::text), 1, 10), 'ACC' || lpad(i::text, 8, '0'),
              date '2018-01-01' + (i % 2500), case when i % 3 = 0 then date '2026-01-01' + (i % 700) end
         from generate_series(1, $5::int) as i`,
      [brandId, contractOwnerId, subBrandId, billingCycleId, count])
    await client.query(
      `insert into sites (brand_id, customer_id, contract_owner_id, site_name, site_reference, start_date, site_address, contacts)
       select brand_id, id, contract_owner_id, 'Head Office', 'HQ', start_date,
              '{"address1":"1 High Street","town":"Leeds","postcode":"LS1 1AA","country":"GB"}',
              '[{"firstName":"Ada","lastName":"Lovelace","email":"ada@example.com"}]'
         from customers where brand_id = $1`,
      [brandId])
    await client.query('vacuum analyze customers, sites')
    const ids = (await client.query(`select id from customers where brand_id = $1 order by id limit 2`, [brandId])).rows
    return { brandId, contractOwnerId, subBrandId, billingCycleId, readId: Number(ids[0].id), patchId: Number(ids[1].id) }
  } finally {
    await client.end()
  }
}
