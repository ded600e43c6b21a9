import type { Kysely } from 'kysely'
import { dropResourceJson, installResourceJson } from './resource-json-triggers.ts'

// The next lists whose pages the server built item by item, as 2026_12_09_0600 did for the
// catalogue's widest: usage products, rental product categories and product custom fields (0.5-1.4
// ms of CPU a page of 100), and currencies, whose search by name is the slowest reference data
// list (docs/performance.md). Each row keeps its API JSON in `api_json`, written by a trigger on
// every insert and update, and a page sends that text (`TableOptions.storedResource`). Each
// trigger writes `resourceJson(<table's stored resource>, 'new')` as of this migration, frozen
// here; `test/modules/stored-pages.test.ts` fails when a field map changes and it is not written
// again by a later migration.
const RESOURCE_JSON: Record<string, string> = {
  usage_products: `
    '{' || concat_ws(',',
    '"id":' || to_json("new"."id")::text,
    '"name":' || to_json("new"."name")::text,
    '"nominalCode":' || to_json("new"."nominal_code")::text,
    '"usageProductCategoryId":' || to_json("new"."usage_product_category_id")::text,
    '"direction":' || to_json("new"."direction")::text,
    '"performLocalAndNationalCheck":' || nullif("new"."details" -> 'performLocalAndNationalCheck', 'null')::text,
    '"availableFrom":' || to_json("new"."available_from")::text,
    '"availableTo":' || to_json("new"."available_to")::text,
    '"productReferenceCanBeRange":' || nullif("new"."details" -> 'productReferenceCanBeRange', 'null')::text,
    '"serviceIdRequired":' || nullif("new"."details" -> 'serviceIdRequired', 'null')::text,
    '"customFields":' || case when nullif("new"."details" -> 'customFields', 'null') is null then null else coalesce((select '[' || string_agg(case when "e1"."value" is null then null else '{' || concat_ws(',',
    '"label":' || nullif("e1"."value" -> 'label', 'null')::text,
    '"value":' || nullif("e1"."value" -> 'value', 'null')::text,
    '"id":' || nullif("e1"."value" -> 'id', 'null')::text) || '}' end, ',' order by "e1"."ordinality") || ']' from jsonb_array_elements(nullif("new"."details" -> 'customFields', 'null')) with ordinality as "e1"), '[]') end,
    '"productReferenceFormat":' || nullif("new"."details" -> 'productReferenceFormat', 'null')::text,
    '"serviceIdFormat":' || nullif("new"."details" -> 'serviceIdFormat', 'null')::text) || '}'`,
  rental_product_categories: `
    '{' || concat_ws(',',
    '"id":' || to_json("new"."id")::text,
    '"name":' || to_json("new"."name")::text,
    '"startDate":' || to_json("new"."start_date")::text,
    '"endDate":' || to_json("new"."end_date")::text,
    '"siMaintained":' || to_json("new"."si_maintained")::text,
    '"contractOwnerIds":' || to_json("new"."contract_owner_ids")::text,
    '"supplierAccountIds":' || to_json("new"."supplier_account_ids")::text,
    '"displayIcon":' || to_json("new"."display_icon")::text) || '}'`,
  product_custom_fields: `
    '{' || concat_ws(',',
    '"id":' || to_json("new"."id")::text,
    '"label":' || to_json("new"."label")::text,
    '"productCategoryIds":' || to_json("new"."product_category_ids")::text,
    '"entityLevel":' || to_json("new"."entity_level")::text) || '}'`,
  currencies: `
    '{' || concat_ws(',',
    '"id":' || to_json("new"."id")::text,
    '"name":' || to_json("new"."name")::text,
    '"code":' || to_json("new"."code")::text,
    '"majorCurrencyName":' || to_json("new"."major_currency_name")::text,
    '"minorCurrencyName":' || to_json("new"."minor_currency_name")::text) || '}'`,
}

export const up = (db: Kysely<any>): Promise<void> => installResourceJson(db, RESOURCE_JSON)

export const down = (db: Kysely<any>): Promise<void> => dropResourceJson(db, Object.keys(RESOURCE_JSON))
