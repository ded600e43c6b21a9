import { sql, type Kysely } from 'kysely'

// A card's rental rates sorted by price (`sort=price:desc`) had no index giving that order: a page
// read every rate the other conditions matched and sorted them. On a card of 10,000 rates, a page
// of 100 valid in a date window, by price, read 6,500 rates through the start-date index to keep
// 1,200 and sort them: 2 ms of PostgreSQL (docs/performance.md). This index walks a card's rates
// by price and stops at the page; its last key, the start date, is tested in the index, before a
// row is read. Tenant connections plan generically (one plan for every card), and this walk, which
// answers the first rows at once, is the plan they choose for a sort by price.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index rental_rates_price_sort on rental_rates (brand_id, rental_rate_card_id, price, id, start_date)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index rental_rates_price_sort`.execute(db)
}
