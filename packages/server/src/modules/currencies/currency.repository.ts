import type { TenantReader } from '../../db/database.ts'
import { resourceTable } from '../../resources/table.ts'
import { currencyResource } from './currency.fields.ts'
import './currency.table.ts'

export const currencies = resourceTable('currencies', currencyResource, {
  unique: { currencies_code_key: 'code' },
  // Kept by a trigger (migration 2026_12_09_0800): a page sends it as written.
  storedResource: 'api_json',
  // A search's ids first: by the trigram index (migration 2026_12_09_1200), or where that could not
  // be made, by an index-only scan of currencies_search (migration 2026_12_09_1000).
  idsByIndex: ['name_folded'],
})

/** Copies the ISO 4217 list into the connection's brand; codes it has already are kept as they are. */
export async function copyIso4217(db: TenantReader): Promise<void> {
  await db
    .insertInto('currencies')
    .columns(['name', 'code', 'major_currency_name', 'minor_currency_name'])
    .expression((eb) => eb.selectFrom('iso_4217_currencies').select(['name', 'code', 'major_currency_name', 'minor_currency_name']).orderBy('code'))
    .onConflict((oc) => oc.columns(['brand_id', 'code']).doNothing())
    .execute()
}
