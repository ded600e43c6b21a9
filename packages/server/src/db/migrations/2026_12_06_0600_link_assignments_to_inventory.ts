import { sql, type Kysely } from 'kysely'

// Pricing assignments and overrides at INVENTORY level name an inventory item, whose tables were
// created after theirs (2026_12_06_0100 then 0200/0210): the foreign keys come now. An item that is
// deleted takes the assignments and overrides made for it along (they priced nothing else); the
// brand leads each key, as every tenant key does.
const LINKS: ReadonlyArray<readonly [table: string, column: string, items: string]> = [
  ['rental_rate_card_assignments', 'rental_product_inventory_id', 'rental_product_inventories'],
  ['rental_rate_overrides', 'rental_product_inventory_id', 'rental_product_inventories'],
  ['buy_rental_rate_overrides', 'rental_product_inventory_id', 'rental_product_inventories'],
  ['usage_rate_card_assignments', 'usage_product_inventory_id', 'usage_product_inventories'],
  ['inclusive_usage_plan_assignments', 'usage_product_inventory_id', 'usage_product_inventories'],
  ['usage_rate_overrides', 'usage_product_inventory_id', 'usage_product_inventories'],
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, column, items] of LINKS) {
    await sql`
      alter table ${sql.table(table)} add constraint ${sql.raw(`${table}_inventory_fkey`)}
        foreign key (brand_id, ${sql.ref(column)}) references ${sql.table(items)} (brand_id, id) on delete cascade`.execute(db)
  }
}
