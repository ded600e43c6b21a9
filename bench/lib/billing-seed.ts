import pg from 'pg'
import { billingCycleResource } from '../../packages/server/src/modules/billing-cycles/billing-cycle.fields.ts'
import { subBrandResource } from '../../packages/server/src/modules/contract-owner-sub-brands/sub-brand.fields.ts'
import { contractOwnerResource } from '../../packages/server/src/modules/contract-owners/contract-owner.fields.ts'
import { rentalProductInventoryResource } from '../../packages/server/src/modules/rental-product-inventories/rental-product-inventory.fields.ts'
import { rentalProductResource } from '../../packages/server/src/modules/rental-products/rental-product.fields.ts'
import type { DocumentOf, FieldMap } from '../../packages/server/src/resources/fields.ts'
import type { ResourceDescription } from '../../packages/server/src/resources/resource.ts'
import type { Seeded } from './seed.ts'

/** What the billing bench seeded on top of `seedCustomers`: the catalogue and what it priced. */
export interface BillingSeed {
  categoryId: number
  rateCardId: number
  /** The three rental products: a monthly rental in advance, one in arrears, a one-off. */
  products: { advance: number; arrears: number; oneOff: number }
  inventories: number
  /** The customers billed (on the seeded cycle), and one of their RPIs, to read through the API. */
  customerIds: number[]
  sampleInventoryId: number
}

/**
 * The `details` the API writes for a document: its column-less fields, defaults included, from the
 * module's own field map (`toRow`), so the API reads the seeded rows as its own.
 */
const detailsOf = <M extends FieldMap>(resource: ResourceDescription<M>, document: DocumentOf<M>) => resource.toRow(document).details

const address = { address1: '1 Bench Street', town: 'Leeds', postcode: 'LS1 1AA', country: 'GB' }
const OWNER_DETAILS = detailsOf(contractOwnerResource, {
  name: 'Bench Owner',
  availableFrom: '2020-01-01',
  siBccEmailAddress: 'billing@bench.invalid',
  taxRegistrationNumber: 'GB123456789',
  address,
})
const SUB_BRAND_DETAILS = detailsOf(subBrandResource, {
  contractOwnerId: 1,
  name: 'Bench',
  accountNumberFormat: 'BN0000000',
  summaryCustomerAccountNumberLabel: 'Account number',
  billingPeriodEndDateLabel: 'Billing period end',
  vatRegistrationNumber: 'GB123456789',
})
const CYCLE_DETAILS = detailsOf(billingCycleResource, {
  contractOwnerId: 1,
  name: 'Monthly',
  startDayOfPeriod: 1,
  periodUnit: 'MONTHLY',
  currencyCode: 'GBP',
  completionType: 'DISABLED',
  defaultInvoiceDate: 'END_OF_BILL_RUN_PLUS_ONE',
})
// The column fields of these two are set in SQL; their documents only need to be complete.
const PRODUCT_DETAILS = detailsOf(rentalProductResource, {
  rentalProductCategoryId: 1,
  productType: 'PRODUCT',
  name: 'x',
  invoicePresentationName: 'x',
  supplierId: 1,
  taxBandId: 1,
  availableFrom: '2020-01-01',
})
const INVENTORY_DETAILS = detailsOf(rentalProductInventoryResource, {
  siteId: 1,
  rentalProductId: 1,
  invoicePresentationProductName: 'x',
  supplierAccountId: 1,
  startDate: '2020-01-01',
  invoiceFrequency: 1,
  quantity: 1,
})

/**
 * Turns the customers `seedCustomers` made (one site each, on one contract owner and billing cycle)
 * into a billable book for the bill period `period`, in set-based SQL as the schema owner, every
 * row in the brand and within every constraint:
 * - the contract owner, sub-brand and billing cycle get the shapes the Admin API writes (a monthly
 *   cycle from day 1, GBP); every customer is live (no end date);
 * - a rental product category, a supplier and its account, three products taxed in the brand's
 *   default band (20%): a £20 monthly line rental in advance, £12.50 monthly maintenance in
 *   arrears, a £35 one-off installation; a SELL rate card with their rates, assigned to every
 *   customer from its start date (there is no contract-owner level);
 * - three RPIs a site: the rentals start from 28 days before the period to 27 days into it (a new
 *   book has no earlier bill runs, so nothing older is owed), the installation within the period.
 */
export async function seedBilling(url: string, seeded: Seeded, period: { start: string; end: string }): Promise<BillingSeed> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const run = (text: string, values: unknown[]) => client.query(text, values)
  const one = async (text: string, values: unknown[]) => Number((await run(text, values)).rows[0].id)
  const { brandId: brand, contractOwnerId: owner } = seeded
  try {
    await run(`update contract_owners set details = $2 where brand_id = $1 and id = $3`, [brand, OWNER_DETAILS, owner])
    await run(`update contract_owner_sub_brands set details = $2 where brand_id = $1 and id = $3`, [brand, SUB_BRAND_DETAILS, seeded.subBrandId])
    await run(`update billing_cycles set details = $2 where brand_id = $1 and id = $3`, [brand, CYCLE_DETAILS, seeded.billingCycleId])
    await run(`update customers set end_date = null where brand_id = $1 and billing_cycle_id = $2`, [brand, seeded.billingCycleId])

    const categoryId = await one(
      `insert into rental_product_categories (brand_id, name, start_date, contract_owner_ids) values ($1, 'Bench billing', '2020-01-01', array[$2::bigint]) returning id`,
      [brand, owner])
    const supplier = await one(`insert into suppliers (brand_id, name) values ($1, 'Bench network') returning id`, [brand])
    const account = await one(`insert into supplier_accounts (brand_id, supplier_id, account_number) values ($1, $2, 'BENCH-0001') returning id`, [brand, supplier])
    const band = await one(`select id from tax_bands where brand_id = $1 and default_band`, [brand])
    const product = (name: string, presentation: string) =>
      one(
        `insert into rental_products (brand_id, rental_product_category_id, product_type, name, invoice_presentation_name, supplier_id, tax_band_id, available_from, details)
         values ($1, $2, 'PRODUCT', $3, $4, $5, $6, '2020-01-01', $7) returning id`,
        [brand, categoryId, name, presentation, supplier, band, PRODUCT_DETAILS])
    const products = {
      advance: await product('Bench line rental', 'Line rental'),
      arrears: await product('Bench maintenance', 'Maintenance'),
      oneOff: await product('Bench installation', 'Installation'),
    }

    const rateCardId = await one(
      `insert into rental_rate_cards (brand_id, contract_owner_ids, name, rental_product_category_id, rental_rate_card_type, available_from)
       values ($1, array[$2::bigint], 'Bench sell card', $3, 'SELL', '2020-01-01') returning id`,
      [brand, owner, categoryId])
    await run(
      `insert into rental_rates (brand_id, rental_rate_card_id, rental_product_id, price, rental_rate_type, rental_rate_price_type, periods_in_advance, rental_rate_frequency, start_date)
       values ($1, $2, $3, 20.00, 'ADVANCE', 'RENTAL', 'STANDARD', 'MONTHLY', '2020-01-01'),
              ($1, $2, $4, 12.50, 'ARREARS', 'RENTAL', null, 'MONTHLY', '2020-01-01'),
              ($1, $2, $5, 35.00, null, 'ONEOFF', null, null, '2020-01-01')`,
      [brand, rateCardId, products.advance, products.arrears, products.oneOff])
    await run(
      `insert into rental_rate_card_assignments (brand_id, assignment_level, customer_id, rental_rate_card_id, rental_product_category_id, start_date)
       select brand_id, 'CUSTOMER', id, $2, $3, start_date from customers where brand_id = $1 and billing_cycle_id = $4`,
      [brand, rateCardId, categoryId, seeded.billingCycleId])

    // Offsets in days from the period's start, spread by site: -28..27 for the rentals (the
    // arrears one shuffled), 0..27 for the installation (every month has 28 days).
    const inserted = await run(
      `insert into rental_product_inventories (brand_id, site_id, rental_product_id, invoice_presentation_product_name, supplier_account_id, start_date,
                                               invoice_frequency, quantity, product_reference, treat_start_as_whole_period, treat_end_as_whole_period,
                                               billable, in_flight_order, bill_initial_charges_immediately, aligned_to_start, aligned_to_bill_period,
                                               force_billing, force_bill_periods, details)
       select s.brand_id, s.id, p.id, p.invoice_presentation_name, $2,
              greatest(s.start_date, $3::date + case p.id when $4 then (s.id % 56)::int - 28 when $5 then (s.id * 17 % 56)::int - 28 else (s.id % 28)::int end),
              1, 1, case p.id when $4 then '0113' || lpad(s.id::text, 7, '0') end, false, false,
              true, false, false, false, false, false, 0, $8
         from sites s
         join customers c on c.brand_id = s.brand_id and c.id = s.customer_id
         cross join rental_products p
        where s.brand_id = $1 and c.billing_cycle_id = $6 and p.brand_id = $1 and p.id in ($4, $5, $7)
        order by s.id, p.id`,
      [brand, account, period.start, products.advance, products.arrears, seeded.billingCycleId, products.oneOff, INVENTORY_DETAILS])
    await run('analyze', [])
    const customers = await run(`select id from customers where brand_id = $1 and billing_cycle_id = $2 order by id`, [brand, seeded.billingCycleId])
    const sampleInventoryId = await one(`select min(id) as id from rental_product_inventories where brand_id = $1`, [brand])
    return { categoryId, rateCardId, products, inventories: inserted.rowCount ?? 0, customerIds: customers.rows.map((row) => Number(row.id)), sampleInventoryId }
  } finally {
    await client.end()
  }
}
