import type { Migration } from 'kysely'
import * as createBrandsUsersRoles from './2026_11_24_2200_create_brands_users_roles.ts'
import * as createLoginFailures from './2026_11_24_2300_create_login_failures.ts'
import * as createAdminReferenceData from './2026_11_25_0000_create_admin_reference_data.ts'
import * as createCustomersSites from './2026_11_25_0010_create_customers_sites.ts'
import * as createIdempotencyKeys from './2026_11_25_0100_create_idempotency_keys.ts'
import * as allowDeletingSubBrands from './2026_12_01_2000_allow_deleting_sub_brands.ts'
import * as createAdminContacts from './2026_12_01_2001_create_admin_contacts.ts'
import * as createEmailTemplates from './2026_12_01_2002_create_email_templates.ts'
import * as createCustomFieldDefinitions from './2026_12_01_2003_create_custom_field_definitions.ts'
import * as createInvoiceGroupTagLabels from './2026_12_01_2004_create_invoice_group_tag_labels.ts'
import * as addUserAuthVersions from './2026_12_02_0900_add_user_auth_versions.ts'
import * as createSuppliers from './2026_12_03_1000_create_suppliers.ts'
import * as createInvoiceTemplates from './2026_12_03_1001_create_invoice_templates.ts'
import * as createInvoiceSummaryTemplates from './2026_12_03_1002_create_invoice_summary_templates.ts'
import * as createElectronicSummaryTemplates from './2026_12_03_1003_create_electronic_summary_templates.ts'
import * as createInvoiceDocumentProfiles from './2026_12_03_1004_create_invoice_document_profiles.ts'
import * as createCurrencies from './2026_12_03_2000_create_currencies.ts'
import * as createTaxBands from './2026_12_03_2001_create_tax_bands.ts'
import * as createChargeGroups from './2026_12_03_2002_create_charge_groups.ts'
import * as createReferenceDataSources from './2026_12_03_2003_create_reference_data_sources.ts'
import * as createCallClassesDialstrings from './2026_12_03_2004_create_call_classes_dialstrings.ts'
import * as createIgnoredUsage from './2026_12_03_2005_create_ignored_usage.ts'
import * as makeSourceLocaleIdNumeric from './2026_12_03_2006_make_source_locale_id_numeric.ts'
import * as openUsersApi from './2026_12_04_1000_open_users_api.ts'
import * as createSecurityEvents from './2026_12_04_1010_create_security_events.ts'
import * as createAppClients from './2026_12_04_1020_create_app_clients.ts'
import * as addSigningKeyStates from './2026_12_04_1030_add_signing_key_states.ts'
import * as createRentalProductCategories from './2026_12_05_1000_create_rental_product_categories.ts'
import * as createRentalProducts from './2026_12_05_1001_create_rental_products.ts'
import * as createUsageProductCategories from './2026_12_05_1002_create_usage_product_categories.ts'
import * as createUsageProducts from './2026_12_05_1003_create_usage_products.ts'
import * as createProductCustomFields from './2026_12_05_1004_create_product_custom_fields.ts'
import * as createRentalRateCards from './2026_12_05_2000_create_rental_rate_cards.ts'
import * as createRentalRates from './2026_12_05_2001_create_rental_rates.ts'
import * as createUsageRateCards from './2026_12_05_2002_create_usage_rate_cards.ts'
import * as createInclusiveUsagePlans from './2026_12_05_2003_create_inclusive_usage_plans.ts'
import * as createUsageRates from './2026_12_06_0000_create_usage_rates.ts'
import * as createInclusiveUsageItemIds from './2026_12_06_0001_create_inclusive_usage_item_ids.ts'
import * as createPricingAssignments from './2026_12_06_0100_create_pricing_assignments.ts'
import * as createRentalProductInventories from './2026_12_06_0200_create_rental_product_inventories.ts'
import * as createUsageProductInventories from './2026_12_06_0210_create_usage_product_inventories.ts'
import * as createAdhocInventories from './2026_12_06_0220_create_adhoc_inventories.ts'
import * as createInvoices from './2026_12_06_0400_create_invoices.ts'
import * as linkAssignmentsToInventory from './2026_12_06_0600_link_assignments_to_inventory.ts'
import * as indexCatalogueDateSorts from './2026_12_07_0600_index_catalogue_date_sorts.ts'
import * as createCustomerCreditStatus from './2026_12_08_0100_create_customer_credit_status.ts'
import * as indexRentalProductsBySupplier from './2026_12_08_0200_index_rental_products_by_supplier.ts'
import * as indexPricingAndReferenceSorts from './2026_12_09_0100_index_pricing_and_reference_sorts.ts'
import * as foldSearchableNames from './2026_12_09_0200_fold_searchable_names.ts'
import * as readTheBrandOncePerQuery from './2026_12_09_0300_read_the_brand_once_per_query.ts'
import * as indexRateSeries from './2026_12_09_0400_index_rate_series.ts'
import * as storeRateJson from './2026_12_09_0500_store_rate_json.ts'
import * as storeCatalogueJson from './2026_12_09_0600_store_catalogue_json.ts'
import * as indexRentalRatesByPrice from './2026_12_09_0700_index_rental_rates_by_price.ts'
import * as storeProductAndCurrencyJson from './2026_12_09_0800_store_product_and_currency_json.ts'
import * as keepCardRatesJson from './2026_12_09_0900_keep_card_rates_json.ts'
import * as indexCurrencySearch from './2026_12_09_1000_index_currency_search.ts'
import * as indexAssignmentLevels from './2026_12_09_1100_index_assignment_levels.ts'
import * as indexNameSearch from './2026_12_09_1200_index_name_search.ts'
import * as indexIdLists from './2026_12_09_1300_index_id_lists.ts'
import * as createBillRuns from './2026_12_06_0300_create_bill_runs.ts'
import * as createPaymentProvidersAndMandates from './2026_12_07_0400_create_payment_providers_and_mandates.ts'
import * as createRatedCharges from './2026_12_07_0100_create_rated_charges.ts'
import * as createPaymentsLedger from './2026_12_07_0300_create_payments_ledger.ts'

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  '2026_11_24_2200_create_brands_users_roles': createBrandsUsersRoles,
  '2026_11_24_2300_create_login_failures': createLoginFailures,
  '2026_11_25_0000_create_admin_reference_data': createAdminReferenceData,
  '2026_11_25_0010_create_customers_sites': createCustomersSites,
  '2026_11_25_0100_create_idempotency_keys': createIdempotencyKeys,
  '2026_12_01_2000_allow_deleting_sub_brands': allowDeletingSubBrands,
  '2026_12_01_2001_create_admin_contacts': createAdminContacts,
  '2026_12_01_2002_create_email_templates': createEmailTemplates,
  '2026_12_01_2003_create_custom_field_definitions': createCustomFieldDefinitions,
  '2026_12_01_2004_create_invoice_group_tag_labels': createInvoiceGroupTagLabels,
  '2026_12_02_0900_add_user_auth_versions': addUserAuthVersions,
  '2026_12_03_1000_create_suppliers': createSuppliers,
  '2026_12_03_1001_create_invoice_templates': createInvoiceTemplates,
  '2026_12_03_1002_create_invoice_summary_templates': createInvoiceSummaryTemplates,
  '2026_12_03_1003_create_electronic_summary_templates': createElectronicSummaryTemplates,
  '2026_12_03_1004_create_invoice_document_profiles': createInvoiceDocumentProfiles,
  '2026_12_03_2000_create_currencies': createCurrencies,
  '2026_12_03_2001_create_tax_bands': createTaxBands,
  '2026_12_03_2002_create_charge_groups': createChargeGroups,
  '2026_12_03_2003_create_reference_data_sources': createReferenceDataSources,
  '2026_12_03_2004_create_call_classes_dialstrings': createCallClassesDialstrings,
  '2026_12_03_2005_create_ignored_usage': createIgnoredUsage,
  '2026_12_03_2006_make_source_locale_id_numeric': makeSourceLocaleIdNumeric,
  '2026_12_04_1000_open_users_api': openUsersApi,
  '2026_12_04_1010_create_security_events': createSecurityEvents,
  '2026_12_04_1020_create_app_clients': createAppClients,
  '2026_12_04_1030_add_signing_key_states': addSigningKeyStates,
  '2026_12_05_1000_create_rental_product_categories': createRentalProductCategories,
  '2026_12_05_1001_create_rental_products': createRentalProducts,
  '2026_12_05_1002_create_usage_product_categories': createUsageProductCategories,
  '2026_12_05_1003_create_usage_products': createUsageProducts,
  '2026_12_05_1004_create_product_custom_fields': createProductCustomFields,
  '2026_12_05_2000_create_rental_rate_cards': createRentalRateCards,
  '2026_12_05_2001_create_rental_rates': createRentalRates,
  '2026_12_05_2002_create_usage_rate_cards': createUsageRateCards,
  '2026_12_05_2003_create_inclusive_usage_plans': createInclusiveUsagePlans,
  '2026_12_06_0000_create_usage_rates': createUsageRates,
  '2026_12_06_0001_create_inclusive_usage_item_ids': createInclusiveUsageItemIds,
  '2026_12_06_0100_create_pricing_assignments': createPricingAssignments,
  '2026_12_06_0200_create_rental_product_inventories': createRentalProductInventories,
  '2026_12_06_0210_create_usage_product_inventories': createUsageProductInventories,
  '2026_12_06_0220_create_adhoc_inventories': createAdhocInventories,
  '2026_12_06_0300_create_bill_runs': createBillRuns,
  '2026_12_06_0400_create_invoices': createInvoices,
  '2026_12_06_0600_link_assignments_to_inventory': linkAssignmentsToInventory,
  '2026_12_07_0100_create_rated_charges': createRatedCharges,
  '2026_12_07_0300_create_payments_ledger': createPaymentsLedger,
  '2026_12_07_0400_create_payment_providers_and_mandates': createPaymentProvidersAndMandates,
  '2026_12_07_0600_index_catalogue_date_sorts': indexCatalogueDateSorts,
  '2026_12_08_0100_create_customer_credit_status': createCustomerCreditStatus,
  '2026_12_08_0200_index_rental_products_by_supplier': indexRentalProductsBySupplier,
  '2026_12_09_0100_index_pricing_and_reference_sorts': indexPricingAndReferenceSorts,
  '2026_12_09_0200_fold_searchable_names': foldSearchableNames,
  '2026_12_09_0300_read_the_brand_once_per_query': readTheBrandOncePerQuery,
  '2026_12_09_0400_index_rate_series': indexRateSeries,
  '2026_12_09_0500_store_rate_json': storeRateJson,
  '2026_12_09_0600_store_catalogue_json': storeCatalogueJson,
  '2026_12_09_0700_index_rental_rates_by_price': indexRentalRatesByPrice,
  '2026_12_09_0800_store_product_and_currency_json': storeProductAndCurrencyJson,
  '2026_12_09_0900_keep_card_rates_json': keepCardRatesJson,
  '2026_12_09_1000_index_currency_search': indexCurrencySearch,
  '2026_12_09_1100_index_assignment_levels': indexAssignmentLevels,
  '2026_12_09_1200_index_name_search': indexNameSearch,
  '2026_12_09_1300_index_id_lists': indexIdLists,
}
