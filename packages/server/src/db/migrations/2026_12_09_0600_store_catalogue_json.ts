import { sql, type Kysely } from 'kysely'

// A page of rate cards, rental products or inclusive usage plans read some twenty columns of each
// row (a jsonb of details among them) and built every item in the server: 1.2-1.7 ms of CPU a page
// of 100, the slowest lists of the catalogue (docs/performance.md). Each row now keeps its API JSON
// in `api_json`, written by a trigger on every insert and update, and a page sends that text, a
// card's rates appended (`TableOptions.storedResource`). Each trigger writes
// `resourceJson(<table's stored resource>, 'new')` as of this migration, frozen here;
// `test/modules/stored-pages.test.ts` fails when a field map changes and it is not written again by
// a later migration.
const RESOURCE_JSON: Record<string, string> = {
  rental_products: `
    '{' || concat_ws(',',
    '"id":' || to_json("new"."id")::text,
    '"rentalProductCategoryId":' || to_json("new"."rental_product_category_id")::text,
    '"productType":' || to_json("new"."product_type")::text,
    '"name":' || to_json("new"."name")::text,
    '"invoicePresentationName":' || to_json("new"."invoice_presentation_name")::text,
    '"parentRentalProductId":' || to_json("new"."parent_rental_product_id")::text,
    '"supplierId":' || to_json("new"."supplier_id")::text,
    '"supplierProductNames":' || case when nullif("new"."details" -> 'supplierProductNames', 'null') is null then null else coalesce((select '[' || string_agg("e1"."value"::text, ',' order by "e1"."ordinality") || ']' from jsonb_array_elements(nullif("new"."details" -> 'supplierProductNames', 'null')) with ordinality as "e1"), '[]') end,
    '"taxBandId":' || to_json("new"."tax_band_id")::text,
    '"availableFrom":' || to_json("new"."available_from")::text,
    '"nominalCode":' || to_json("new"."nominal_code")::text,
    '"availableTo":' || to_json("new"."available_to")::text,
    '"doNotProRate":' || nullif("new"."details" -> 'doNotProRate', 'null')::text,
    '"alignedToStart":' || nullif("new"."details" -> 'alignedToStart', 'null')::text,
    '"alignedToBillPeriod":' || nullif("new"."details" -> 'alignedToBillPeriod', 'null')::text,
    '"billInitialChargesImmediately":' || nullif("new"."details" -> 'billInitialChargesImmediately', 'null')::text,
    '"forceBillPeriods":' || nullif("new"."details" -> 'forceBillPeriods', 'null')::text,
    '"additionalProductReferenceRequired":' || nullif("new"."details" -> 'additionalProductReferenceRequired', 'null')::text,
    '"additionalProductReferenceFormat":' || nullif("new"."details" -> 'additionalProductReferenceFormat', 'null')::text,
    '"linkedUsageProductId":' || nullif("new"."details" -> 'linkedUsageProductId', 'null')::text,
    '"productReferenceRequired":' || nullif("new"."details" -> 'productReferenceRequired', 'null')::text,
    '"productReferenceFormat":' || nullif("new"."details" -> 'productReferenceFormat', 'null')::text,
    '"productReferenceMayBeDDIRange":' || nullif("new"."details" -> 'productReferenceMayBeDDIRange', 'null')::text,
    '"generateWhenParentCreated":' || nullif("new"."details" -> 'generateWhenParentCreated', 'null')::text,
    '"customFields":' || case when nullif("new"."details" -> 'customFields', 'null') is null then null else coalesce((select '[' || string_agg(case when "e1"."value" is null then null else '{' || concat_ws(',',
    '"label":' || nullif("e1"."value" -> 'label', 'null')::text,
    '"value":' || nullif("e1"."value" -> 'value', 'null')::text,
    '"id":' || nullif("e1"."value" -> 'id', 'null')::text) || '}' end, ',' order by "e1"."ordinality") || ']' from jsonb_array_elements(nullif("new"."details" -> 'customFields', 'null')) with ordinality as "e1"), '[]') end) || '}'`,
  rental_rate_cards: `
    '{' || concat_ws(',',
    '"id":' || to_json("new"."id")::text,
    '"contractOwnerIds":' || to_json("new"."contract_owner_ids")::text,
    '"name":' || to_json("new"."name")::text,
    '"rentalProductCategoryId":' || to_json("new"."rental_product_category_id")::text,
    '"rentalRateCardType":' || to_json("new"."rental_rate_card_type")::text,
    '"basedOnTemplateId":' || to_json("new"."based_on_template_id")::text,
    '"availableFrom":' || to_json("new"."available_from")::text,
    '"availableTo":' || to_json("new"."available_to")::text,
    '"acceptOverridesFromParents":' || to_json("new"."accept_overrides_from_parents")::text,
    '"supplierAccountId":' || to_json("new"."supplier_account_id")::text) || '}'`,
  usage_rate_cards: `
    '{' || concat_ws(',',
    '"id":' || to_json("new"."id")::text,
    '"contractOwnerIds":' || to_json("new"."contract_owner_ids")::text,
    '"name":' || to_json("new"."name")::text,
    '"rateCardType":' || to_json("new"."rate_card_type")::text,
    '"availableFrom":' || to_json("new"."available_from")::text,
    '"availableTo":' || to_json("new"."available_to")::text,
    '"usageProductId":' || to_json("new"."usage_product_id")::text,
    '"supplierId":' || to_json("new"."supplier_id")::text,
    '"decimalPlaces":' || nullif("new"."details" -> 'decimalPlaces', 'null')::text,
    '"priceRoundingStyle":' || nullif("new"."details" -> 'priceRoundingStyle', 'null')::text,
    '"defaultMinCharge":' || nullif("new"."details" -> 'defaultMinCharge', 'null')::text,
    '"roundAccessChargeFirstMinute":' || nullif("new"."details" -> 'roundAccessChargeFirstMinute', 'null')::text,
    '"boltOn":' || nullif("new"."details" -> 'boltOn', 'null')::text,
    '"boltOnTaxBandId":' || nullif("new"."details" -> 'boltOnTaxBandId', 'null')::text,
    '"nominalCode":' || nullif("new"."details" -> 'nominalCode', 'null')::text,
    '"applyCrossTimeBandCharging":' || nullif("new"."details" -> 'applyCrossTimeBandCharging', 'null')::text,
    '"defaultQuantityRoundingIncrement":' || nullif("new"."details" -> 'defaultQuantityRoundingIncrement', 'null')::text,
    '"defaultVariableChargeUnitSize":' || nullif("new"."details" -> 'defaultVariableChargeUnitSize', 'null')::text,
    '"timeBandPlans":' || case when nullif("new"."details" -> 'timeBandPlans', 'null') is null then null else coalesce((select '[' || string_agg(case when "e1"."value" is null then null else '{' || concat_ws(',',
    '"timeBandPlanId":' || nullif("e1"."value" -> 'timeBandPlanId', 'null')::text,
    '"startDate":' || nullif("e1"."value" -> 'startDate', 'null')::text,
    '"name":' || nullif("e1"."value" -> 'name', 'null')::text,
    '"endDate":' || nullif("e1"."value" -> 'endDate', 'null')::text) || '}' end, ',' order by "e1"."ordinality") || ']' from jsonb_array_elements(nullif("new"."details" -> 'timeBandPlans', 'null')) with ordinality as "e1"), '[]') end,
    '"accessCharges":' || case when nullif("new"."details" -> 'accessCharges', 'null') is null then null else coalesce((select '[' || string_agg(case when "e1"."value" is null then null else '{' || concat_ws(',',
    '"charge":' || nullif("e1"."value" -> 'charge', 'null')::text,
    '"startDate":' || nullif("e1"."value" -> 'startDate', 'null')::text,
    '"endDate":' || nullif("e1"."value" -> 'endDate', 'null')::text) || '}' end, ',' order by "e1"."ordinality") || ']' from jsonb_array_elements(nullif("new"."details" -> 'accessCharges', 'null')) with ordinality as "e1"), '[]') end,
    '"boltOnCharges":' || case when nullif("new"."details" -> 'boltOnCharges', 'null') is null then null else coalesce((select '[' || string_agg(case when "e1"."value" is null then null else '{' || concat_ws(',',
    '"price":' || nullif("e1"."value" -> 'price', 'null')::text,
    '"startDate":' || nullif("e1"."value" -> 'startDate', 'null')::text,
    '"rentalRateType":' || nullif("e1"."value" -> 'rentalRateType', 'null')::text,
    '"periodsInAdvance":' || nullif("e1"."value" -> 'periodsInAdvance', 'null')::text,
    '"rentalRateFrequency":' || nullif("e1"."value" -> 'rentalRateFrequency', 'null')::text,
    '"showOnInvoice":' || nullif("e1"."value" -> 'showOnInvoice', 'null')::text,
    '"endDate":' || nullif("e1"."value" -> 'endDate', 'null')::text) || '}' end, ',' order by "e1"."ordinality") || ']' from jsonb_array_elements(nullif("new"."details" -> 'boltOnCharges', 'null')) with ordinality as "e1"), '[]') end) || '}'`,
  inclusive_usage_plans: `
    '{' || concat_ws(',',
    '"id":' || to_json("new"."id")::text,
    '"contractOwnerId":' || to_json("new"."contract_owner_id")::text,
    '"name":' || to_json("new"."name")::text,
    '"usageProductId":' || to_json("new"."usage_product_id")::text,
    '"availableFrom":' || to_json("new"."available_from")::text,
    '"availableTo":' || to_json("new"."available_to")::text,
    '"boltOn":' || nullif("new"."details" -> 'boltOn', 'null')::text,
    '"taxBandId":' || to_json("new"."tax_band_id")::text,
    '"nominalCode":' || nullif("new"."details" -> 'nominalCode', 'null')::text,
    '"inclusiveUsageComponents":' || case when nullif("new"."details" -> 'inclusiveUsageComponents', 'null') is null then null else coalesce((select '[' || string_agg(case when "e1"."value" is null then null else '{' || concat_ws(',',
    '"componentType":' || nullif("e1"."value" -> 'componentType', 'null')::text,
    '"chargingType":' || nullif("e1"."value" -> 'chargingType', 'null')::text,
    '"id":' || nullif("e1"."value" -> 'id', 'null')::text,
    '"description":' || nullif("e1"."value" -> 'description', 'null')::text,
    '"quantity":' || nullif("e1"."value" -> 'quantity', 'null')::text,
    '"valueInPence":' || nullif("e1"."value" -> 'valueInPence', 'null')::text,
    '"timebands":' || case when nullif("e1"."value" -> 'timebands', 'null') is null then null else coalesce((select '[' || string_agg(case when "e2"."value" is null then null else '{' || concat_ws(',',
    '"timeband":' || nullif("e2"."value" -> 'timeband', 'null')::text,
    '"id":' || nullif("e2"."value" -> 'id', 'null')::text) || '}' end, ',' order by "e2"."ordinality") || ']' from jsonb_array_elements(nullif("e1"."value" -> 'timebands', 'null')) with ordinality as "e2"), '[]') end,
    '"chargeGroups":' || case when nullif("e1"."value" -> 'chargeGroups', 'null') is null then null else coalesce((select '[' || string_agg(case when "e2"."value" is null then null else '{' || concat_ws(',',
    '"chargeGroupId":' || nullif("e2"."value" -> 'chargeGroupId', 'null')::text,
    '"id":' || nullif("e2"."value" -> 'id', 'null')::text) || '}' end, ',' order by "e2"."ordinality") || ']' from jsonb_array_elements(nullif("e1"."value" -> 'chargeGroups', 'null')) with ordinality as "e2"), '[]') end,
    '"chargeGroupCategories":' || case when nullif("e1"."value" -> 'chargeGroupCategories', 'null') is null then null else coalesce((select '[' || string_agg(case when "e2"."value" is null then null else '{' || concat_ws(',',
    '"chargeGroupCategoryId":' || nullif("e2"."value" -> 'chargeGroupCategoryId', 'null')::text,
    '"id":' || nullif("e2"."value" -> 'id', 'null')::text) || '}' end, ',' order by "e2"."ordinality") || ']' from jsonb_array_elements(nullif("e1"."value" -> 'chargeGroupCategories', 'null')) with ordinality as "e2"), '[]') end,
    '"dialStrings":' || case when nullif("e1"."value" -> 'dialStrings', 'null') is null then null else coalesce((select '[' || string_agg(case when "e2"."value" is null then null else '{' || concat_ws(',',
    '"dialString":' || nullif("e2"."value" -> 'dialString', 'null')::text,
    '"id":' || nullif("e2"."value" -> 'id', 'null')::text,
    '"isWholeNumber":' || nullif("e2"."value" -> 'isWholeNumber', 'null')::text) || '}' end, ',' order by "e2"."ordinality") || ']' from jsonb_array_elements(nullif("e1"."value" -> 'dialStrings', 'null')) with ordinality as "e2"), '[]') end) || '}' end, ',' order by "e1"."ordinality") || ']' from jsonb_array_elements(nullif("new"."details" -> 'inclusiveUsageComponents', 'null')) with ordinality as "e1"), '[]') end,
    '"boltOnCharges":' || case when nullif("new"."details" -> 'boltOnCharges', 'null') is null then null else coalesce((select '[' || string_agg(case when "e1"."value" is null then null else '{' || concat_ws(',',
    '"price":' || nullif("e1"."value" -> 'price', 'null')::text,
    '"startDate":' || nullif("e1"."value" -> 'startDate', 'null')::text,
    '"id":' || nullif("e1"."value" -> 'id', 'null')::text,
    '"rentalRateType":' || nullif("e1"."value" -> 'rentalRateType', 'null')::text,
    '"periodsInAdvance":' || nullif("e1"."value" -> 'periodsInAdvance', 'null')::text,
    '"rentalRateFrequency":' || nullif("e1"."value" -> 'rentalRateFrequency', 'null')::text,
    '"showOnInvoice":' || nullif("e1"."value" -> 'showOnInvoice', 'null')::text,
    '"endDate":' || nullif("e1"."value" -> 'endDate', 'null')::text) || '}' end, ',' order by "e1"."ordinality") || ']' from jsonb_array_elements(nullif("new"."details" -> 'boltOnCharges', 'null')) with ordinality as "e1"), '[]') end,
    '"rolloverPeriods":' || nullif("new"."details" -> 'rolloverPeriods', 'null')::text,
    '"triggerChargeId":' || nullif("new"."details" -> 'triggerChargeId', 'null')::text,
    '"supplierAccountId":' || nullif("new"."details" -> 'supplierAccountId', 'null')::text,
    '"frequency":' || nullif("new"."details" -> 'frequency', 'null')::text,
    '"minQualifyingQuantity":' || nullif("new"."details" -> 'minQualifyingQuantity', 'null')::text,
    '"maxPerEventQuantity":' || nullif("new"."details" -> 'maxPerEventQuantity', 'null')::text) || '}'`,
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, json] of Object.entries(RESOURCE_JSON)) {
    const name = `${table}_api_json`
    await sql`alter table ${sql.table(table)} add column api_json text`.execute(db)
    await sql`create function ${sql.id(name)}() returns trigger language plpgsql as $$ begin new.api_json := ${sql.raw(json)}; return new; end $$`.execute(db)
    await sql`create trigger ${sql.id(name)} before insert or update on ${sql.table(table)} for each row execute function ${sql.id(name)}()`.execute(db)
    // Every existing row through the trigger (the schema owner is not confined by the brand policy).
    await sql`update ${sql.table(table)} set api_json = null`.execute(db)
    await sql`alter table ${sql.table(table)} alter column api_json set not null`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of Object.keys(RESOURCE_JSON)) {
    const name = `${table}_api_json`
    await sql`drop trigger ${sql.id(name)} on ${sql.table(table)}`.execute(db)
    await sql`alter table ${sql.table(table)} drop column api_json`.execute(db)
    await sql`drop function ${sql.id(name)}()`.execute(db)
  }
}
