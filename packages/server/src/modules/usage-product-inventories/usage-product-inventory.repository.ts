import { sql, type Kysely } from 'kysely'
import type { TenantReader, TenantTransaction } from '../../db/database.ts'
import type { Condition } from '../../lists/filters.ts'
import { childRowsJson, type ChildRows } from '../../resources/children.ts'
import type { DocumentOf, ResourceOf } from '../../resources/fields.ts'
import type { Lookup } from '../../resources/lookups.ts'
import type { Row } from '../../resources/resource.ts'
import { resourceTable, type Stored } from '../../resources/table.ts'
import { REFERENCE_COLUMNS, usageProductInventoryResource, usageProductReferenceResource, type usageProductInventoryFields } from './usage-product-inventory.fields.ts'
import './usage-product-inventory.table.ts'

type Document = DocumentOf<typeof usageProductInventoryFields>
type StoredInventory = Stored<ResourceOf<typeof usageProductInventoryFields>>
export type ReferenceItem = Document['productReferences'][number]

/** A UPI's references as the UPI answers them, and the table its list filters reach. */
export const referenceRows: ChildRows = {
  table: 'usage_product_references',
  parentColumn: 'usage_product_inventory_id',
  fields: REFERENCE_COLUMNS,
  nullable: ['label', 'endDate', 'userId', 'userEmail', 'costCentreCode', 'departmentCode', 'notes'],
}

export const usageProductInventories = resourceTable('usage_product_inventories', usageProductInventoryResource, {
  computed: { product_references: childRowsJson(referenceRows) },
})

export const usageProductReferences = resourceTable('usage_product_references', usageProductReferenceResource)

/** The UPI's id, when it exists in the brand (for `lookUp`). */
export const usageProductInventoryLookup = (id: number): Lookup<number> => (db) => db.selectFrom('usage_product_inventories').select('id as value').where('id', '=', id)

// Untyped inside, typed at the boundary: the rows come from the module's own field map.
const untyped = (db: TenantReader) => db as unknown as Kysely<any>

/** A reference item → its columns; dates already filled in by the rules. */
function referenceRow(inventoryId: number, item: ReferenceItem): Row {
  const row: Row = { usage_product_inventory_id: inventoryId }
  for (const [name, column] of Object.entries(REFERENCE_COLUMNS)) if (name !== 'id') row[column] = item[name as keyof ReferenceItem] ?? null
  row.is_primary = item.primary === true
  return row
}

/** The UPI's own columns: everything but its references, which have their own table. */
function ownRow(document: Document): Row {
  const { product_references: _, ...row } = usageProductInventoryResource.toRow(document)
  return row
}

/** Inserts a UPI with its references (two statements), answered as read back. */
export async function insertUsageProductInventory(trx: TenantTransaction, document: Document): Promise<StoredInventory> {
  const { id } = await untyped(trx).insertInto('usage_product_inventories').values(ownRow(document)).returning('id').executeTakeFirstOrThrow()
  await untyped(trx).insertInto('usage_product_references').values(document.productReferences.map((item) => referenceRow(Number(id), item))).execute()
  return (await usageProductInventories.find(trx, Number(id), []))!
}

/**
 * Writes a patched UPI: its own columns (a new version), then its references: those whose ids
 * the document keeps are updated, those without an id added, the others deleted.
 */
export async function updateUsageProductInventory(trx: TenantTransaction, current: Stored<unknown>, document: Document): Promise<StoredInventory> {
  const id = Number(current.row.id)
  await untyped(trx).updateTable('usage_product_inventories').set({ ...ownRow(document), version: (current.version ?? 0) + 1, updated_date: new Date() }).where('id', '=', id).execute()
  const kept = document.productReferences.flatMap((item) => (item.id === undefined ? [] : [item.id]))
  await trx.deleteFrom('usage_product_references').where('usage_product_inventory_id', '=', id).where('id', '<>', sql<number>`all(${kept}::bigint[])`).execute()
  for (const item of document.productReferences) {
    if (item.id === undefined) continue
    await untyped(trx).updateTable('usage_product_references').set({ ...referenceRow(id, item), version: sql`version + 1`, updated_date: new Date() }).where('id', '=', item.id).execute()
  }
  const added = document.productReferences.filter((item) => item.id === undefined)
  if (added.length > 0) await untyped(trx).insertInto('usage_product_references').values(added.map((item) => referenceRow(id, item))).execute()
  return (await usageProductInventories.find(trx, id, []))!
}

/** The UPI a reference belongs to. */
export async function inventoryOfReference(db: TenantReader, referenceId: number): Promise<number | undefined> {
  const row = await db.selectFrom('usage_product_references').select('usage_product_inventory_id').where('id', '=', referenceId).executeTakeFirst()
  return row?.usage_product_inventory_id
}

/**
 * Serialises the writes that claim these references (a transaction-scoped advisory lock per
 * reference, in a fixed order): two UPIs claiming one number at once cannot both pass the check.
 */
export async function lockReferences(trx: TenantTransaction, references: readonly string[]): Promise<void> {
  const keys = [...new Set(references)].sort()
  if (keys.length > 0) await sql`select pg_advisory_xact_lock(hashtextextended('upr:' || elevate_current_brand() || ':' || k, 0)) from unnest(${keys}::text[]) as k order by k`.execute(trx)
}

/** References of other UPIs among `references` (for the overlap check), with their dates. */
export async function claimsOn(trx: TenantReader, references: readonly string[], exceptInventory: number): Promise<Array<{ inventoryId: number; productReference: string; startDate: string; endDate: string | null }>> {
  if (references.length === 0) return []
  const rows = await trx
    .selectFrom('usage_product_references')
    .select(['usage_product_inventory_id', 'product_reference', 'start_date', 'end_date'])
    .where('product_reference', '=', sql<string>`any(${[...references]}::text[])`)
    .where('usage_product_inventory_id', '<>', exceptInventory)
    .execute()
  return rows.map((row) => ({ inventoryId: row.usage_product_inventory_id, productReference: row.product_reference, startDate: row.start_date, endDate: row.end_date }))
}

/** Contract-owner scope of references: their UPI's site is the owner's. */
export function referenceScope(siteScope: Condition[]): Condition[] {
  const site = siteScope[0]
  if (site === undefined) return []
  return [{ column: 'usage_product_inventory_id', operator: 'in', value: sql`(select u.id from usage_product_inventories as u where u.site_id in ${site.value})` }]
}

/** Where a UPI is held and what it holds, when the brand has it (for `lookUp`: the pricing assignments). */
export const usageProductInventoryHolderLookup = (id: number): Lookup<{ siteId: number; productId: number }> => (db) =>
  db
    .selectFrom('usage_product_inventories')
    .select(sql<{ siteId: number; productId: number }>`json_build_object('siteId', site_id, 'productId', usage_product_id)`.as('value'))
    .where('id', '=', id)
