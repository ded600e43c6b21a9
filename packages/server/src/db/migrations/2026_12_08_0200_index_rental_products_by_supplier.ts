import { sql, type Kysely } from 'kysely'

// A supplier's rental products by name (`GET /v2/rental-products?supplierId=…&sort=name`) walked
// the brand's name index and filtered out the other suppliers' products: at 10,000 products and 10
// suppliers, about 3,000 rows read for a page of 100 (docs/performance.md). The supplier index
// gains the name and the id (the lists' tiebreaker), so such a page is a walk of the supplier's own
// rows in order; it still serves what the old one did (the supplier foreign key's checks).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index rental_products_supplier_name on rental_products (brand_id, supplier_id, name, id)`.execute(db)
  await sql`drop index rental_products_supplier`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index rental_products_supplier on rental_products (brand_id, supplier_id)`.execute(db)
  await sql`drop index rental_products_supplier_name`.execute(db)
}
