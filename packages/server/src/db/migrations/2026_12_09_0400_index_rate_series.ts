import { sql, type Kysely } from 'kysely'

// A rate card's rates form series: one charge group's usage rates, one product's rental rates of a
// price type, each dated without overlaps. Every write of a rate reads its series (the overlap
// check), and the usage rates list filters a card by charge group. Both read the card's rows and
// filtered them: on a card of 10,000 rates, 1.2 ms for a page of 100 usage rates of one charge
// group, sorted afterwards (docs/performance.md). These indexes walk the series in date order.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index usage_rates_series on usage_rates (brand_id, usage_rate_card_id, charge_group_id, start_date, id)`.execute(db)
  await sql`create index rental_rates_series on rental_rates (brand_id, rental_rate_card_id, rental_product_id, rental_rate_price_type, start_date, id)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index rental_rates_series`.execute(db)
  await sql`drop index usage_rates_series`.execute(db)
}
